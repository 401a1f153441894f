package org.siarchive.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final KeyDirectory keys;
    private volatile @Nullable SigningKey signingKey;

    AuditChain(JdbcClient jdbc, TransactionTemplate tx, KeyDirectory keys) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.keys = keys;
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
            var rows = rows(0, Integer.MAX_VALUE);
            byte[] hash = Canonical.GENESIS;
            long seq = 0;
            for (var r : rows) {
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
            if (!rows.isEmpty()) {
                log.info("Sealed {} audit entries written before the hash chain existed", rows.size());
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

    private record Row(long id, @Nullable Long seq, byte @Nullable [] prev, byte @Nullable [] hash, byte[] canonical) {}

    private List<Row> rows(long afterSeq, long limit) {
        return jdbc.sql(
                        """
                select id, seq, at, actor, org, ip, client, object_type, object_id, operation, result, reason, detail,
                       prev_hash, hash
                from audit_entry where %s order by seq, id limit :limit
                """
                                .formatted(afterSeq < 0 ? "seq is null" : "seq > :after"))
                .param("after", Math.max(afterSeq, 0))
                .param("limit", limit)
                .query((rs, n) -> {
                    long seqValue = rs.getLong("seq");
                    Long seq = rs.wasNull() ? null : seqValue;
                    var at = rs.getObject("at", OffsetDateTime.class).toInstant();
                    return new Row(
                            rs.getLong("id"),
                            seq,
                            rs.getBytes("prev_hash"),
                            rs.getBytes("hash"),
                            Canonical.bytes(
                                    seq == null ? -1 : seq,
                                    at,
                                    rs.getString("actor"),
                                    rs.getString("org"),
                                    rs.getString("ip"),
                                    rs.getString("client"),
                                    rs.getString("object_type"),
                                    rs.getString("object_id"),
                                    rs.getString("operation"),
                                    rs.getString("result"),
                                    rs.getString("reason"),
                                    rs.getString("detail")));
                })
                .list();
    }

    /** Walks the whole chain. Up to 100 findings are reported, the first broken link first. */
    public Report verify() {
        var findings = new ArrayList<Finding>();
        var head = jdbc.sql("select seq, hash from audit_chain_head where id = 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getBytes(2)})
                .optional()
                .orElse(new Object[] {0L, Canonical.GENESIS});
        long headSeq = (Long) head[0];
        byte[] headHash = (byte[]) head[1];
        var hashesAtCheckpoints = new java.util.HashMap<Long, byte[]>();
        var checkpoints = checkpoints();
        checkpoints.forEach(c -> hashesAtCheckpoints.put(c.seq(), new byte[0]));

        long expected = 1;
        byte[] previous = Canonical.GENESIS;
        long entries = 0;
        long after = 0;
        boolean done = false;
        while (!done) {
            var page = rows(after, 5000);
            if (page.size() < 5000) {
                done = true;
            }
            for (var r : page) {
                entries++;
                long seq = java.util.Objects.requireNonNull(r.seq());
                after = seq;
                if (r.hash() == null) {
                    add(
                            findings,
                            "UNSEALED",
                            seq,
                            r.id(),
                            "entry " + seq + " (id " + r.id()
                                    + ") has no hash: it was written outside the application");
                    continue;
                }
                if (seq > headSeq) {
                    add(
                            findings,
                            "BEYOND_HEAD",
                            seq,
                            r.id(),
                            "entry " + seq + " lies beyond the chain head " + headSeq
                                    + ": inserted outside the application");
                    continue;
                }
                if (seq > expected) {
                    add(
                            findings,
                            "MISSING",
                            expected,
                            null,
                            seq - expected == 1
                                    ? "entry " + expected + " is missing (deleted)"
                                    : "entries " + expected + "–" + (seq - 1) + " are missing (deleted)");
                }
                if (r.prev() == null || !Arrays.equals(r.prev(), previous)) {
                    add(findings, "BROKEN_LINK", seq, r.id(), "entry " + seq + " does not link to the entry before it");
                }
                byte[] recomputed = Canonical.chain(r.prev() == null ? previous : r.prev(), r.canonical());
                if (!Arrays.equals(recomputed, r.hash())) {
                    add(
                            findings,
                            "ALTERED",
                            seq,
                            r.id(),
                            "entry " + seq + " was altered: its content no longer matches its hash");
                }
                if (hashesAtCheckpoints.containsKey(seq)) {
                    hashesAtCheckpoints.put(seq, r.hash());
                }
                previous = r.hash();
                expected = seq + 1;
            }
        }
        for (var r : rows(-1, 100)) {
            entries++;
            add(
                    findings,
                    "UNSEALED",
                    0,
                    r.id(),
                    "entry id " + r.id() + " has no place in the chain: it was written outside the application");
        }
        if (expected - 1 < headSeq) {
            add(
                    findings,
                    "MISSING",
                    expected,
                    null,
                    "entries " + expected + "–" + headSeq + " are missing at the end of the chain (deleted)");
        } else if (expected - 1 == headSeq && headSeq > 0 && !Arrays.equals(previous, headHash)) {
            add(findings, "HEAD_MISMATCH", headSeq, null, "the last entry does not match the recorded chain head");
        }
        var k = key();
        Long lastCheckpoint = null;
        for (var c : checkpoints) {
            boolean signed = c.keyId().equals(k.keyId())
                    && k.verify(checkpointMessage(c.seq(), c.hash(), c.signedAt()), c.signature());
            if (!signed) {
                add(
                        findings,
                        "CHECKPOINT_SIGNATURE",
                        c.seq(),
                        null,
                        "checkpoint at entry " + c.seq() + " has no valid SM2 signature by key " + k.keyId());
                continue;
            }
            byte[] actual = hashesAtCheckpoints.get(c.seq());
            if (actual == null || actual.length == 0 || !Arrays.equals(actual, c.hash())) {
                add(
                        findings,
                        "CHECKPOINT_MISMATCH",
                        c.seq(),
                        null,
                        "entry " + c.seq() + " differs from the signed checkpoint of " + c.signedAt()
                                + ": the chain was rewritten");
            }
            lastCheckpoint = c.seq();
        }
        findings.sort(java.util.Comparator.comparingLong(Finding::seq));
        return new Report(
                findings.isEmpty(),
                entries,
                headSeq,
                checkpoints.size(),
                lastCheckpoint,
                k.keyId(),
                List.copyOf(findings),
                Instant.now());
    }

    private static void add(List<Finding> findings, String kind, long seq, @Nullable Long id, String detail) {
        if (findings.size() < 100) {
            findings.add(new Finding(kind, seq, id, detail));
        }
    }

    private record Checkpoint(long seq, byte[] hash, Instant signedAt, String keyId, byte[] signature) {}

    private List<Checkpoint> checkpoints() {
        return jdbc.sql("select seq, hash, signed_at, key_id, signature from audit_checkpoint order by seq")
                .query((rs, n) -> new Checkpoint(
                        rs.getLong(1),
                        rs.getBytes(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getString(4),
                        rs.getBytes(5)))
                .list();
    }
}
