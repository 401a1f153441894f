package org.siarchive.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The chain as stored: entries in sequence order with their links and canonical bytes, the recorded head
 * and the signed checkpoints. Reads only; {@link AuditChain} seals, signs and verifies.
 */
@Component
class ChainRows {

    private final JdbcClient jdbc;

    ChainRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One entry as the chain sees it: its place, its links and the bytes its hash covers. */
    record Row(long id, @Nullable Long seq, byte @Nullable [] prev, byte @Nullable [] hash, byte[] canonical) {}

    /** The recorded head of the chain: its last sequence number and hash. */
    record Head(long seq, byte[] hash) {}

    /** A signed checkpoint of the head. */
    record Checkpoint(long seq, byte[] hash, Instant signedAt, String keyId, byte[] signature) {}

    /** Entries with a sequence number above {@code afterSeq}, in chain order. */
    List<Row> numbered(long afterSeq, long limit) {
        return rows("seq > :after", afterSeq, limit);
    }

    /** Entries without a sequence number: written outside the application. */
    List<Row> unnumbered(long limit) {
        return rows("seq is null", 0, limit);
    }

    private List<Row> rows(String where, long afterSeq, long limit) {
        return jdbc.sql(
                        """
                select id, seq, at, actor, org, ip, client, object_type, object_id, operation, result, reason, detail,
                       prev_hash, hash
                from audit_entry where %s order by seq, id limit :limit
                """
                                .formatted(where))
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

    /** The recorded head; the genesis before anything was written. */
    Head head() {
        return jdbc.sql("select seq, hash from audit_chain_head where id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getBytes(2)))
                .optional()
                .orElse(new Head(0, Canonical.GENESIS));
    }

    List<Checkpoint> checkpoints() {
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
