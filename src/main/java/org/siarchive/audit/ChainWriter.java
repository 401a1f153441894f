package org.siarchive.audit;

import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends entries to the chain inside the caller's transaction: locks the chain head, links each entry to the one
 * before it in the given order and moves the head. The lock is held until that transaction ends, so the chain follows
 * commit order; {@link AuditTrail} calls it just before a transaction commits, {@link AccessEntries} for a group of
 * reads in a transaction of their own.
 */
@Component
class ChainWriter {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    ChainWriter(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** Entries written per batch statement. */
    static final int CHUNK = 1_000;

    void append(List<PendingEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        var head = jdbc.sql("select seq, hash from audit_chain_head where id = 1 for update")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getBytes(2)})
                .single();
        long seq = (Long) head[0];
        byte[] hash = (byte[]) head[1];
        // the rows go in chunks: a transaction with 100,000 entries (an export's, one per item) never holds them all
        // as statement parameters at once
        for (int from = 0; from < entries.size(); from += CHUNK) {
            var chunk = entries.subList(from, Math.min(entries.size(), from + CHUNK));
            var rows = new SqlParameterSource[chunk.size()];
            for (int i = 0; i < rows.length; i++) {
                seq++;
                var row = row(seq, hash, chunk.get(i));
                hash = (byte[]) row.getValue("hash");
                rows[i] = row;
            }
            // one round trip for a group of reads' entries (AccessEntries), the same statement for one entry
            named.batchUpdate(INSERT, rows);
        }
        jdbc.sql("update audit_chain_head set seq = :seq, hash = :hash where id = 1")
                .param("seq", seq)
                .param("hash", hash)
                .update();
    }

    private static final String INSERT =
            """
            insert into audit_entry (seq, at, actor, org, ip, client, object_type, object_id, operation, result,
                reason, detail, prev_hash, hash)
            values (:seq, :at, :actor, :org, :ip, :client, :objectType, :objectId, :operation, :result, :reason,
                :detail, :prev, :hash)
            """;

    private static MapSqlParameterSource row(long seq, byte[] prev, PendingEntry e) {
        String client = truncate(e.actor().client(), 200);
        byte[] canonical = Canonical.bytes(
                seq,
                e.at(),
                e.actor().name(),
                e.actor().org(),
                e.actor().ip(),
                client,
                e.objectType(),
                e.objectId(),
                e.operation(),
                e.result(),
                e.reason(),
                e.detail());
        return new MapSqlParameterSource()
                .addValue("seq", seq)
                .addValue("at", OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC))
                .addValue("actor", e.actor().name())
                .addValue("org", e.actor().org(), Types.VARCHAR)
                .addValue("ip", e.actor().ip(), Types.VARCHAR)
                .addValue("client", client, Types.VARCHAR)
                .addValue("objectType", e.objectType())
                .addValue("objectId", e.objectId())
                .addValue("operation", e.operation())
                .addValue("result", e.result())
                .addValue("reason", e.reason(), Types.VARCHAR)
                .addValue("detail", e.detail(), Types.VARCHAR)
                .addValue("prev", prev, Types.BINARY)
                .addValue("hash", Canonical.chain(prev, canonical), Types.BINARY);
    }

    static @Nullable String truncate(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
