package org.siarchive.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.siarchive.crypto.KeyDirectory;
import org.siarchive.crypto.SigningKey;
import org.siarchive.crypto.Sm3;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chain as a whole: sealing entries written before the chain existed (once), signed checkpoints
 * of the head, and verification. Verification recomputes every link from the first entry, checks
 * sequence numbers for gaps, rows past the head and unsealed rows, and checks each checkpoint's SM2
 * signature and that the entry it names still has the hash it signed.
 */
@Component
public class AuditChain implements InitializingBean {

    static final String SIGNING_KEY = "audit-sm2";
    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);

    private static final int PAGE = 5000;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final KeyDirectory keys;
    private final ChainRows rows;
    private volatile @Nullable SigningKey signingKey;

    AuditChain(JdbcClient jdbc, TransactionTemplate tx, KeyDirectory keys, ChainRows rows) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.keys = keys;
        this.rows = rows;
    }

    /** What is wrong with one entry (or where one is missing). */
    public record Finding(String kind, long seq, @Nullable Long entryId, String detail) {}

    /** Outcome of a verification run. */
    public record Report(
            boolean intact,
            long entries,
            long headSeq,
            int checkpoints,
            @Nullable Long lastCheckpointSeq,
            String keyId,
            List<Finding> findings,
            Instant at) {

        public Optional<Finding> firstBroken() {
            return findings.stream().findFirst();
        }
    }

    @Override
    public void afterPropertiesSet() {
        tx.executeWithoutResult(s -> {
            jdbc.sql("lock table audit_chain_head in exclusive mode").update();
            boolean exists = jdbc.sql("select exists (select 1 from audit_chain_head)")
                    .query(Boolean.class)
                    .single();
            if (exists) {
                return;
            }
            var unsealed = rows.numbered(0, Integer.MAX_VALUE);
            byte[] hash = Canonical.GENESIS;
            long seq = 0;
            for (var r : unsealed) {
                byte[] next = Canonical.chain(hash, r.canonical());
                jdbc.sql("update audit_entry set prev_hash = :p, hash = :h where id = :id")
                        .param("p", hash)
                        .param("h", next)
                        .param("id", r.id())
                        .update();
                hash = next;
                seq = r.seq() == null ? seq : r.seq();
            }
            jdbc.sql("insert into audit_chain_head (id, seq, hash) values (1, :seq, :hash)")
                    .param("seq", seq)
                    .param("hash", hash)
                    .update();
            if (!unsealed.isEmpty()) {
                log.info("Sealed {} audit entries written before the hash chain existed", unsealed.size());
            }
        });
    }

    private SigningKey key() {
        var k = signingKey;
        if (k == null) {
            k = keys.signingKey(SIGNING_KEY);
            signingKey = k;
        }
        return k;
    }

    /** Signs the current head unless the last checkpoint already covers it. */
    @Scheduled(
            initialDelayString = "${siarchive.audit.checkpoint-interval:PT5M}",
            fixedDelayString = "${siarchive.audit.checkpoint-interval:PT5M}")
    @SchedulerLock(name = "audit-checkpoint", lockAtMostFor = "PT5M")
    public void checkpoint() {
        tx.executeWithoutResult(s -> {
            var head = jdbc.sql("select seq, hash from audit_chain_head where id = 1 for share")
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getBytes(2)})
                    .single();
            long seq = (Long) head[0];
            Long last = jdbc.sql("select max(seq) from audit_checkpoint")
                    .query(Long.class)
                    .optional()
                    .orElse(null);
            if (seq == 0 || (last != null && last >= seq)) {
                return;
            }
            Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
            byte[] hash = (byte[]) head[1];
            var k = key();
            jdbc.sql(
                            """
                insert into audit_checkpoint (seq, hash, signed_at, key_id, signature)
                values (:seq, :hash, :at, :key, :sig)
                """)
                    .param("seq", seq)
                    .param("hash", hash)
                    .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                    .param("key", k.keyId())
                    .param("sig", k.sign(checkpointMessage(seq, hash, at)))
                    .update();
        });
    }

    static byte[] checkpointMessage(long seq, byte[] hash, Instant at) {
        return ("siarchive-audit-checkpoint|" + seq + "|" + Sm3.hex(hash) + "|"
                        + ChronoUnit.MICROS.between(Instant.EPOCH, at))
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Walks the whole chain. Up to 100 findings are reported, the first broken link first. The walk reads one
     * snapshot: an entry committed while it runs (with its new head) is neither half-seen nor reported as
     * lying beyond the head it read first.
     */
    // not marked read-only: a read-only transaction may be sent to a read replica (docs/adr/0139), and the audit chain
    // is verified on the primary
    @org.springframework.transaction.annotation.Transactional(
            isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public Report verify() {
        var run = new ChainVerification(rows.head(), rows.checkpoints());
        long after = 0;
        List<ChainRows.Row> page;
        do {
            page = rows.numbered(after, PAGE);
            for (var r : page) {
                after = run.entry(r);
            }
        } while (page.size() == PAGE);
        rows.unnumbered(100).forEach(run::unplaced);
        run.checkEnd();
        var k = key();
        run.checkCheckpoints(k);
        return run.report(k.keyId());
    }
}
