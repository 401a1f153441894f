package org.siarchive.disposition;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.AppraisalFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL of appraisal batches, their items and group: disposition's own tables only (docs/adr/0039). */
@Component
class BatchRows {

    static final String BATCH =
            """
            select b.id, b.batch_no, b.fonds_id, b.title, b.state, b.proposed_by, b.proposed_at, b.appraised_at,
                   b.approved_by, b.approved_at, b.approval_opinion, b.returned_reason, b.completed_at,
                   (select count(*) from appraisal_item i where i.batch_id = b.id) as items
            from appraisal_batch b
            """;

    private final JdbcClient jdbc;

    BatchRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AppraisalBatches.Batch> batch(long id) {
        return jdbc.sql(BATCH + " where b.id = :id")
                .param("id", id)
                .query(BatchRows::batch)
                .optional();
    }

    AppraisalBatches.Batch lock(long id) {
        jdbc.sql("select id from appraisal_batch where id = :id for update")
                .param("id", id)
                .query(Long.class)
                .single();
        return batch(id).orElseThrow();
    }

    List<AppraisalBatches.Batch> list(List<Long> fondsIds, @Nullable BatchState state, int limit) {
        return jdbc.sql(BATCH
                        + " where b.fonds_id = any(:fonds) and (cast(:state as varchar) is null or b.state = :state)"
                        + " order by b.id desc limit :limit")
                .param("fonds", fondsIds.toArray(Long[]::new))
                .param("state", state == null ? null : state.name())
                .param("limit", limit)
                .query(BatchRows::batch)
                .list();
    }

    /** The next number of the fonds' batches this year, under a lock on the fonds' numbering. */
    String nextNumber(long fondsId, String fondsCode, int year) {
        jdbc.sql("select pg_advisory_xact_lock(1600000000 + :f)")
                .param("f", fondsId)
                .query()
                .listOfRows();
        String prefix = fondsCode + "-JD" + year + "-";
        int seq = jdbc.sql("select count(*) from appraisal_batch where batch_no like :p")
                        .param("p", prefix + "%")
                        .query(Integer.class)
                        .single()
                + 1;
        return prefix + "%04d".formatted(seq);
    }

    long insert(String batchNo, long fondsId, String title, String proposedBy) {
        return jdbc.sql(
                        """
                insert into appraisal_batch (batch_no, fonds_id, title, state, proposed_by)
                values (:no, :fonds, :title, 'UNAPPRAISED', :by) returning id""")
                .param("no", batchNo)
                .param("fonds", fondsId)
                .param("title", title)
                .param("by", proposedBy)
                .query(Long.class)
                .single();
    }

    void insertItems(long batchId, List<AppraisalFacts.Fact> facts) {
        jdbc.sql(
                        """
                insert into appraisal_item (batch_id, item_id, archive_code, original_end, retention_code)
                select :b, x.id, x.code, x.end_date, x.term
                from unnest(:ids, :codes, :ends, :terms) as x(id, code, end_date, term)""")
                .param("b", batchId)
                .param("ids", facts.stream().map(AppraisalFacts.Fact::id).toArray(UUID[]::new))
                .param(
                        "codes",
                        facts.stream().map(AppraisalFacts.Fact::archiveCode).toArray(String[]::new))
                .param(
                        "ends",
                        facts.stream()
                                .map(f -> java.sql.Date.valueOf(f.retentionEnd()))
                                .toArray(java.sql.Date[]::new))
                .param(
                        "terms",
                        facts.stream().map(AppraisalFacts.Fact::retentionCode).toArray(String[]::new))
                .update();
    }

    /** The first of {@code ids} already in an open batch: its 档号 and that batch's number. */
    Optional<String[]> firstOpen(List<UUID> ids) {
        return jdbc.sql(
                        """
                select i.archive_code, b.batch_no from appraisal_item i join appraisal_batch b on b.id = i.batch_id
                where i.open and i.item_id = any(:ids) order by i.archive_code limit 1""")
                .param("ids", ids.toArray(UUID[]::new))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional();
    }

    void moveTo(long id, BatchState state) {
        jdbc.sql(
                        """
                update appraisal_batch set state = :s,
                    appraised_at = case when :s = 'APPRAISED' then now() else appraised_at end,
                    completed_at = case when :s = 'COMPLETED' then now() else completed_at end
                where id = :id""")
                .param("s", state.name())
                .param("id", id)
                .update();
        if (state == BatchState.COMPLETED) {
            jdbc.sql("update appraisal_item set open = false where batch_id = :id")
                    .param("id", id)
                    .update();
        }
    }

    void approval(long id, String by, String opinion) {
        jdbc.sql(
                        """
                update appraisal_batch set approved_by = :by, approved_at = now(), approval_opinion = :o,
                    returned_reason = null where id = :id""")
                .param("by", by)
                .param("o", opinion)
                .param("id", id)
                .update();
    }

    void returned(long id, String reason) {
        jdbc.sql("update appraisal_batch set returned_reason = :r where id = :id")
                .param("r", reason)
                .param("id", id)
                .update();
    }

    static AppraisalBatches.Batch batch(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new AppraisalBatches.Batch(
                rs.getLong("id"),
                rs.getString("batch_no"),
                rs.getLong("fonds_id"),
                rs.getString("title"),
                BatchState.valueOf(rs.getString("state")),
                rs.getString("proposed_by"),
                rs.getObject("proposed_at", OffsetDateTime.class),
                rs.getObject("appraised_at", OffsetDateTime.class),
                rs.getString("approved_by"),
                rs.getObject("approved_at", OffsetDateTime.class),
                rs.getString("approval_opinion"),
                rs.getString("returned_reason"),
                rs.getObject("completed_at", OffsetDateTime.class),
                rs.getInt("items"));
    }

    static @Nullable LocalDate date(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
