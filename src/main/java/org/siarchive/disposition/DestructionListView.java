package org.siarchive.disposition;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.PhysicalOriginals;

/**
 * A 销毁清册 as people read it: its head, one row per item decided 销毁, the totals, the approval, the 备案, the
 * execution once it happened (blank before), and the physical originals to find and destroy. People are named by
 * their display names, never by login.
 */
public record DestructionListView(
        long id,
        String listNo,
        long batchId,
        String batchNo,
        String batchTitle,
        String fondsCode,
        String agency,
        String generatedBy,
        OffsetDateTime generatedAt,
        int itemCount,
        int pageCount,
        List<Row> rows,
        @Nullable String groupLeader,
        @Nullable String approver,
        @Nullable OffsetDateTime approvedAt,
        @Nullable LocalDate filedOn,
        @Nullable String filingRef,
        @Nullable String filedBy,
        @Nullable UUID archivedItemId,
        @Nullable UUID executedItemId,
        @Nullable Execution execution,
        List<PhysicalOriginals.Container> containers,
        List<PhysicalOriginals.Pull> pulls) {

    /** One item of the list; {@code originalEnd} is the term's end before appraisal. */
    public record Row(
            int seq,
            UUID itemId,
            String archiveCode,
            String title,
            int year,
            String retentionCode,
            @Nullable Integer pages,
            @Nullable LocalDate originalEnd,
            @Nullable String reason,
            @Nullable String location,
            String status) {}

    /** The destruction as executed: 销毁方式, 地点, 时间, 销毁人, the two 监销人. */
    public record Execution(
            String method,
            String place,
            String executor,
            String supervisor1,
            String supervisor2,
            @Nullable OffsetDateTime finishedAt) {}

    public boolean filed() {
        return filedOn != null;
    }

    public boolean executed() {
        return execution != null && execution.finishedAt() != null;
    }

    public List<UUID> itemIds() {
        return rows.stream().map(Row::itemId).toList();
    }
}
