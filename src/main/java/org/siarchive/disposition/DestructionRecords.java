package org.siarchive.disposition;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.Catalog;
import org.siarchive.security.Accounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The destruction record (销毁记录) of one item, for its page and the 410 Gone answer (issue 16 item 4):
 * method, time, place, executor and supervisors (by name), batch and list numbers, the digests the content
 * had (kept in the tombstone's file rows) and the earlier backups that still hold it until they expire.
 */
@Component
public class DestructionRecords {

    /** The digests one file of the item had. */
    public record Digest(int seq, String format, long sizeBytes, String sm3, String sha256) {}

    /** A backup taken while the item existed: it still holds the content until {@code expiresAt}. */
    public record HeldBackup(OffsetDateTime takenAt, OffsetDateTime expiresAt) {}

    /** The record; {@code finishedAt} null while the destruction is still being completed. */
    public record DestructionRecord(
            UUID itemId,
            String archiveCode,
            String state,
            String method,
            String place,
            String executor,
            String supervisor1,
            String supervisor2,
            OffsetDateTime startedAt,
            @Nullable OffsetDateTime finishedAt,
            String batchNo,
            String listNo,
            List<Digest> digests,
            List<HeldBackup> backupsHolding) {}

    private record Row(
            String archiveCode,
            String state,
            String method,
            String place,
            String executor,
            String supervisor1,
            String supervisor2,
            OffsetDateTime startedAt,
            @Nullable OffsetDateTime finishedAt,
            String batchNo,
            String listNo,
            @Nullable String backups) {}

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final Accounts accounts;

    DestructionRecords(JdbcClient jdbc, Catalog catalog, Accounts accounts) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.accounts = accounts;
    }

    /** The item's destruction record; empty when it was never put to destruction. No scope check: callers own it. */
    public Optional<DestructionRecord> of(UUID itemId) {
        var row = jdbc.sql(
                        """
                select di.archive_code, di.state, d.method, d.place, d.executor, d.supervisor_1 as supervisor1,
                    d.supervisor_2 as supervisor2, d.started_at, d.finished_at, b.batch_no, l.list_no,
                    di.backups_holding::text as backups
                from destruction_item di join destruction d on d.id = di.destruction_id
                join appraisal_batch b on b.id = d.batch_id join destruction_list l on l.id = d.list_id
                where di.item_id = :i
                """)
                .param("i", itemId)
                .query(Row.class)
                .optional();
        return row.map(r -> new DestructionRecord(
                itemId,
                r.archiveCode(),
                r.state(),
                r.method(),
                r.place(),
                name(r.executor()),
                name(r.supervisor1()),
                name(r.supervisor2()),
                r.startedAt(),
                r.finishedAt(),
                r.batchNo(),
                r.listNo(),
                digests(itemId),
                r.backups() == null
                        ? List.of()
                        : BackupsHolding.parse(r.backups()).stream()
                                .map(h -> new HeldBackup(h.takenAt(), h.expiresAt()))
                                .toList()));
    }

    /** How many items the destruction covers. */
    public long countOf(long destructionId) {
        return jdbc.sql("select count(*) from destruction_item where destruction_id = :d")
                .param("d", destructionId)
                .query(Long.class)
                .single();
    }

    private List<Digest> digests(UUID itemId) {
        return catalog.item(itemId)
                .map(i -> i.files().stream()
                        .map(f -> new Digest(f.seq(), f.formatName(), f.sizeBytes(), f.sm3(), f.sha256()))
                        .toList())
                .orElse(List.of());
    }

    /** The display name people read, never the login (the login stays in the row and the audit trail). */
    private String name(String login) {
        return accounts.byUsername(login).map(a -> a.displayName()).orElse(login);
    }
}
