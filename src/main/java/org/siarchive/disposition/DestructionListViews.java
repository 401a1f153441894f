package org.siarchive.disposition;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.AccountNames;
import org.siarchive.catalog.ListedItems;
import org.siarchive.catalog.PhysicalOriginals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads a 销毁清册 with its batch, rows, approval, 备案, execution and physical originals (unscoped). */
@Component
class DestructionListViews {

    private final JdbcClient jdbc;
    private final ListedItems items;
    private final AccountNames names;
    private final PhysicalOriginals originals;

    DestructionListViews(JdbcClient jdbc, ListedItems items, AccountNames names, PhysicalOriginals originals) {
        this.jdbc = jdbc;
        this.items = items;
        this.names = names;
        this.originals = originals;
    }

    record Head(
            long id,
            String listNo,
            long batchId,
            String batchNo,
            String title,
            long fondsId,
            String generatedBy,
            OffsetDateTime generatedAt,
            int itemCount,
            int pageCount,
            @Nullable String approvedBy,
            @Nullable OffsetDateTime approvedAt,
            @Nullable LocalDate filedOn,
            @Nullable String filingRef,
            @Nullable String filedBy,
            @Nullable UUID archivedItemId,
            @Nullable UUID executedItemId) {}

    record Decision(UUID itemId, @Nullable String reason, @Nullable LocalDate originalEnd) {}

    record Done(
            String method,
            String place,
            String executor,
            String supervisor1,
            String supervisor2,
            @Nullable OffsetDateTime finishedAt) {}

    DestructionListView of(long id) {
        var h = jdbc.sql(
                        """
                select l.id, l.list_no, l.batch_id, b.batch_no, b.title, b.fonds_id, l.generated_by, l.generated_at,
                       l.item_count, l.page_count, b.approved_by, b.approved_at, l.filed_on, l.filing_ref,
                       l.filed_by, l.archived_item_id, l.executed_item_id
                from destruction_list l join appraisal_batch b on b.id = l.batch_id where l.id = :id""")
                .param("id", id)
                .query(Head.class)
                .single();
        var rows = rows(h.batchId());
        String leader = jdbc.sql(
                        "select person_name from appraisal_member where batch_id = :b and group_role = 'LEADER'"
                                + " order by seq limit 1")
                .param("b", h.batchId())
                .query(String.class)
                .optional()
                .orElse(null);
        var fonds = items.fonds(h.fondsId());
        var ids = rows.stream().map(DestructionListView.Row::itemId).toList();
        return new DestructionListView(
                h.id(),
                h.listNo(),
                h.batchId(),
                h.batchNo(),
                h.title(),
                fonds.code(),
                fonds.agency(),
                names.nameOf(h.generatedBy()),
                h.generatedAt(),
                h.itemCount(),
                h.pageCount(),
                rows,
                leader,
                h.approvedBy() == null ? null : names.nameOf(h.approvedBy()),
                h.approvedAt(),
                h.filedOn(),
                h.filingRef(),
                h.filedBy() == null ? null : names.nameOf(h.filedBy()),
                h.archivedItemId(),
                h.executedItemId(),
                execution(h.batchId()),
                originals.ofList(h.listNo()),
                originals.pulls(ids));
    }

    /** One row per item decided 销毁, in 档号 order, with the reason and the term's end before appraisal. */
    private List<DestructionListView.Row> rows(long batchId) {
        var decisions = jdbc.sql(
                        """
                select item_id, reason, original_end from appraisal_item
                where batch_id = :b and decision = 'DESTROY'""")
                .param("b", batchId)
                .query(Decision.class)
                .list();
        Map<UUID, Decision> byItem = new HashMap<>();
        decisions.forEach(d -> byItem.put(d.itemId(), d));
        var rows = new ArrayList<DestructionListView.Row>();
        for (var f : items.facts(byItem.keySet())) {
            var d = byItem.get(f.id());
            rows.add(new DestructionListView.Row(
                    rows.size() + 1,
                    f.id(),
                    f.archiveCode(),
                    f.title(),
                    f.year(),
                    f.retentionCode(),
                    f.pageCount(),
                    d.originalEnd() != null ? d.originalEnd() : f.retentionEnd(),
                    d.reason(),
                    f.location(),
                    f.status()));
        }
        return List.copyOf(rows);
    }

    private DestructionListView.@Nullable Execution execution(long batchId) {
        return jdbc.sql(
                        """
                select method, place, executor, supervisor_1 as supervisor1, supervisor_2 as supervisor2, finished_at
                from destruction where batch_id = :b""")
                .param("b", batchId)
                .query(Done.class)
                .optional()
                .map(d -> new DestructionListView.Execution(
                        d.method(),
                        d.place(),
                        names.nameOf(d.executor()),
                        names.nameOf(d.supervisor1()),
                        names.nameOf(d.supervisor2()),
                        d.finishedAt()))
                .orElse(null);
    }
}
