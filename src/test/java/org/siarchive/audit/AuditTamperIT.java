package org.siarchive.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siarchive.shared.Actor;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tampering with the audit trail in SQL, as a database administrator could, behind the application's
 * back: every kind of change is reported by verification, naming the entry. Each test puts the row
 * back and shows the chain intact again, so the rest of the suite runs on an intact trail.
 */
class AuditTamperIT extends IntegrationTest {

    @Autowired
    AuditChain chain;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    long target;

    @BeforeEach
    void someEntriesAndACheckpoint() {
        for (int i = 0; i < 3; i++) {
            int n = i;
            tx.executeWithoutResult(s -> trail.record(
                    new Actor("tamper-test", "10.0.0.9", "junit"),
                    AuditedObject.AUDIT_TRAIL,
                    "t" + n,
                    AuditOperation.VERIFY,
                    null,
                    "entry " + n));
        }
        chain.checkpoint();
        tx.executeWithoutResult(s -> trail.record(
                Actor.SYSTEM, AuditedObject.AUDIT_TRAIL, "after", AuditOperation.VERIFY, null, "after the checkpoint"));
        assertThat(chain.verify().findings()).isEmpty();
        target = jdbc.sql("select max(seq) - 2 from audit_entry")
                .query(Long.class)
                .single();
    }

    private void asDba(String sql, Object... args) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("alter table audit_entry disable trigger user").update();
            var stmt = jdbc.sql(sql);
            for (Object a : args) {
                stmt = stmt.param(a);
            }
            stmt.update();
            jdbc.sql("alter table audit_entry enable trigger user").update();
        });
    }

    /** A transaction with more entries than one batch statement takes (an export's): one unbroken chain. */
    @Test
    void aTransactionWithMoreEntriesThanAChunkIsChainedWithoutAGap() {
        long before =
                jdbc.sql("select max(seq) from audit_entry").query(Long.class).single();
        int n = ChainWriter.CHUNK * 2 + 345;

        tx.executeWithoutResult(s -> {
            for (int i = 0; i < n; i++) {
                trail.record(Actor.SYSTEM, AuditedObject.AUDIT_TRAIL, "bulk" + i, AuditOperation.VERIFY, null, null);
            }
        });

        var seqs = jdbc.sql("select seq from audit_entry where seq > :s order by seq")
                .param("s", before)
                .query(Long.class)
                .list();
        assertThat(seqs).hasSize(n).first().isEqualTo(before + 1);
        assertThat(seqs.get(n - 1)).isEqualTo(before + n);
        assertThat(jdbc.sql("select seq from audit_chain_head")
                        .query(Long.class)
                        .single())
                .isEqualTo(before + n);
        assertThat(chain.verify().findings()).isEmpty();
    }

    @Test
    void theApplicationItselfCannotChangeOrDeleteAnEntry() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> jdbc.sql("update audit_entry set detail = 'x' where seq = ?")
                                .param(target)
                                .update()))
                .hasMessageContaining("append-only");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> jdbc.sql("delete from audit_entry where seq = ?")
                                .param(target)
                                .update()))
                .hasMessageContaining("append-only");
    }

    @Test
    void anAlteredEntryIsNamed() {
        String detail = jdbc.sql("select detail from audit_entry where seq = ?")
                .param(target)
                .query(String.class)
                .single();
        asDba("update audit_entry set detail = 'nothing happened' where seq = ?", target);
        var report = chain.verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.firstBroken().orElseThrow().kind()).isEqualTo("ALTERED");
        assertThat(report.firstBroken().orElseThrow().seq()).isEqualTo(target);
        assertThat(report.firstBroken().orElseThrow().detail()).contains("entry " + target);

        asDba("update audit_entry set detail = ? where seq = ?", detail, target);
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void aDeletedEntryIsNamed() {
        tx.executeWithoutResult(
                s -> jdbc.sql("create table audit_entry_saved as select * from audit_entry where seq = ?")
                        .param(target)
                        .update());
        try {
            asDba("delete from audit_entry where seq = ?", target);
            var report = chain.verify();
            assertThat(report.intact()).isFalse();
            assertThat(report.firstBroken().orElseThrow().kind()).isEqualTo("MISSING");
            assertThat(report.firstBroken().orElseThrow().seq()).isEqualTo(target);
            assertThat(report.firstBroken().orElseThrow().detail()).contains("entry " + target + " is missing");
            asDba("insert into audit_entry overriding system value select * from audit_entry_saved");
            assertThat(chain.verify().intact()).isTrue();
        } finally {
            tx.executeWithoutResult(
                    s -> jdbc.sql("drop table audit_entry_saved").update());
        }
    }

    @Test
    void anInsertedEntryIsNamed() {
        asDba(
                "insert into audit_entry (actor, object_type, object_id, operation, result) values ('ghost', 'ITEM', 'x', 'READ', 'SUCCESS')");
        long ghost = jdbc.sql("select id from audit_entry where actor = 'ghost'")
                .query(Long.class)
                .single();
        var report = chain.verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.firstBroken().orElseThrow().kind()).isEqualTo("UNSEALED");
        assertThat(report.firstBroken().orElseThrow().entryId()).isEqualTo(ghost);
        asDba("delete from audit_entry where actor = 'ghost'");

        long next = jdbc.sql("select seq + 1 from audit_chain_head")
                .query(Long.class)
                .single();
        asDba(
                "insert into audit_entry (seq, actor, object_type, object_id, operation, result, prev_hash, hash)"
                        + " values (?, 'ghost', 'ITEM', 'x', 'READ', 'SUCCESS', '\\x00'::bytea, '\\x00'::bytea)",
                next);
        report = chain.verify();
        assertThat(report.firstBroken().orElseThrow().kind()).isEqualTo("BEYOND_HEAD");
        assertThat(report.firstBroken().orElseThrow().seq()).isEqualTo(next);
        asDba("delete from audit_entry where actor = 'ghost'");
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void aRewrittenChainIsCaughtByTheSignedCheckpoint() {
        long checkpoint = jdbc.sql("select max(seq) from audit_checkpoint")
                .query(Long.class)
                .single();
        long victim = checkpoint - 1;
        String detail = jdbc.sql("select detail from audit_entry where seq = ?")
                .param(victim)
                .query(String.class)
                .single();
        rewrite(victim, "rewritten by someone who knows SM3");
        var report = chain.verify();
        assertThat(report.intact()).isFalse();
        // every link is consistent again; only the SM2-signed checkpoint still knows the truth
        assertThat(report.findings()).extracting(AuditChain.Finding::kind).containsOnly("CHECKPOINT_MISMATCH");
        assertThat(report.firstBroken().orElseThrow().seq()).isEqualTo(checkpoint);
        rewrite(victim, detail);
        assertThat(chain.verify().intact()).isTrue();
    }

    /** Changes one entry and recomputes every later hash and the head, as a well-informed attacker would. */
    private void rewrite(long seq, String detail) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("alter table audit_entry disable trigger user").update();
            jdbc.sql("update audit_entry set detail = ? where seq = ?")
                    .param(detail)
                    .param(seq)
                    .update();
            byte[] prev = jdbc.sql("select hash from audit_entry where seq = ?")
                    .param(seq - 1)
                    .query(byte[].class)
                    .single();
            List<Long> seqs = jdbc.sql("select seq from audit_entry where seq >= ? order by seq")
                    .param(seq)
                    .query(Long.class)
                    .list();
            for (long n : seqs) {
                var r = jdbc.sql("select * from audit_entry where seq = ?")
                        .param(n)
                        .query((rs, i) -> Canonical.bytes(
                                rs.getLong("seq"),
                                rs.getObject("at", OffsetDateTime.class).toInstant(),
                                rs.getString("actor"),
                                rs.getString("org"),
                                rs.getString("ip"),
                                rs.getString("client"),
                                rs.getString("object_type"),
                                rs.getString("object_id"),
                                rs.getString("operation"),
                                rs.getString("result"),
                                rs.getString("reason"),
                                rs.getString("detail")))
                        .single();
                byte[] hash = Canonical.chain(prev, r);
                jdbc.sql("update audit_entry set prev_hash = ?, hash = ? where seq = ?")
                        .param(prev)
                        .param(hash)
                        .param(n)
                        .update();
                prev = hash;
            }
            jdbc.sql("update audit_chain_head set hash = ?").param(prev).update();
            jdbc.sql("alter table audit_entry enable trigger user").update();
        });
    }
}
