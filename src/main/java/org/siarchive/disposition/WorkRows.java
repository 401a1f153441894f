package org.siarchive.disposition;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL of a batch's group, decisions and opinions: set-based, so 10,000 items take a few statements. */
@Component
class WorkRows {

    private final JdbcClient jdbc;

    WorkRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // the group

    List<AppraisalBatches.Member> members(long batchId) {
        return jdbc.sql(
                        """
                select seq, group_role, account_login, person_name, unit from appraisal_member
                where batch_id = :b order by seq""")
                .param("b", batchId)
                .query((rs, n) -> new AppraisalBatches.Member(
                        rs.getInt(1),
                        GroupRole.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    int addMember(long batchId, GroupRole role, @Nullable String login, String name, @Nullable String unit) {
        return jdbc.sql(
                        """
                insert into appraisal_member (batch_id, seq, group_role, account_login, person_name, unit)
                select :b, coalesce(max(seq), 0) + 1, :role, :login, :name, :unit from appraisal_member
                where batch_id = :b returning seq""")
                .param("b", batchId)
                .param("role", role.name())
                .param("login", login)
                .param("name", name)
                .param("unit", unit)
                .query(Integer.class)
                .single();
    }

    boolean removeMember(long batchId, int seq) {
        jdbc.sql("delete from appraisal_opinion where batch_id = :b and member_seq = :s")
                .param("b", batchId)
                .param("s", seq)
                .update();
        return jdbc.sql("delete from appraisal_member where batch_id = :b and seq = :s")
                        .param("b", batchId)
                        .param("s", seq)
                        .update()
                > 0;
    }

    // decisions

    /** Items of the batch whose term is one of {@code terms} (those a new term would not lengthen). */
    Optional<String> firstWithTerm(long batchId, @Nullable List<UUID> ids, List<String> terms) {
        return jdbc.sql(
                        """
                select archive_code from appraisal_item where batch_id = :b and retention_code = any(:terms)
                  and (:all or item_id = any(:ids)) order by archive_code limit 1""")
                .param("b", batchId)
                .param("terms", terms.toArray(String[]::new))
                .param("all", ids == null)
                .param("ids", ids == null ? new UUID[0] : ids.toArray(UUID[]::new))
                .query(String.class)
                .optional();
    }

    List<UUID> itemIds(long batchId) {
        return jdbc.sql("select item_id from appraisal_item where batch_id = :b")
                .param("b", batchId)
                .query(UUID.class)
                .list();
    }

    /** Sets the decision of the named items (all when {@code ids} is null); returns how many were in the batch. */
    int decide(long batchId, @Nullable List<UUID> ids, Decision decision, @Nullable String newCode, String reason) {
        return jdbc.sql(
                        """
                update appraisal_item set decision = :d, new_retention_code = :code, reason = :r
                where batch_id = :b and (:all or item_id = any(:ids))""")
                .param("b", batchId)
                .param("d", decision.name())
                .param("code", newCode)
                .param("r", reason)
                .param("all", ids == null)
                .param("ids", ids == null ? new UUID[0] : ids.toArray(UUID[]::new))
                .update();
    }

    long undecided(long batchId) {
        return jdbc.sql("select count(*) from appraisal_item where batch_id = :b and decision is null")
                .param("b", batchId)
                .query(Long.class)
                .single();
    }

    List<AppraisalBatches.Item> items(long batchId, int offset, int limit) {
        return jdbc.sql(
                        """
                select item_id, archive_code, retention_code, original_end, decision, new_retention_code, reason,
                       executed_at
                from appraisal_item where batch_id = :b order by archive_code offset :o limit :l""")
                .param("b", batchId)
                .param("o", offset)
                .param("l", limit)
                .query((rs, n) -> new AppraisalBatches.Item(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(5) == null ? null : Decision.valueOf(rs.getString(5)),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class)))
                .list();
    }

    /** Counts of items by decision ("" for undecided). */
    java.util.Map<String, Long> counts(long batchId) {
        var out = new java.util.LinkedHashMap<String, Long>();
        jdbc.sql("select coalesce(decision, ''), count(*) from appraisal_item where batch_id = :b group by 1")
                .param("b", batchId)
                .query(rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    List<AppraisalBatches.Item> pendingExtensions(long batchId) {
        return jdbc.sql(
                        """
                select item_id, archive_code, retention_code, original_end, decision, new_retention_code, reason,
                       executed_at
                from appraisal_item where batch_id = :b and decision = 'EXTEND' and executed_at is null""")
                .param("b", batchId)
                .query((rs, n) -> new AppraisalBatches.Item(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        Decision.EXTEND,
                        rs.getString(6),
                        rs.getString(7),
                        null))
                .list();
    }

    void markExtended(long batchId) {
        jdbc.sql(
                        """
                update appraisal_item set executed_at = now()
                where batch_id = :b and decision = 'EXTEND' and executed_at is null""")
                .param("b", batchId)
                .update();
    }

    boolean destructionsPending(long batchId) {
        return jdbc.sql(
                        """
                select exists (select 1 from appraisal_item
                               where batch_id = :b and decision = 'DESTROY' and executed_at is null)""")
                .param("b", batchId)
                .query(Boolean.class)
                .single();
    }

    // opinions

    void opinion(long batchId, int seq, @Nullable UUID itemId, Verdict verdict, @Nullable String text, String by) {
        jdbc.sql(
                        """
                insert into appraisal_opinion (batch_id, member_seq, item_id, verdict, opinion, recorded_by)
                values (:b, :s, :i, :v, :t, :by)
                on conflict (batch_id, member_seq, item_id) do update
                set verdict = excluded.verdict, opinion = excluded.opinion, recorded_by = excluded.recorded_by,
                    recorded_at = now()""")
                .param("b", batchId)
                .param("s", seq)
                .param("i", itemId)
                .param("v", verdict.name())
                .param("t", text)
                .param("by", by)
                .update();
    }

    boolean inBatch(long batchId, UUID itemId) {
        return jdbc.sql("select exists (select 1 from appraisal_item where batch_id = :b and item_id = :i)")
                .param("b", batchId)
                .param("i", itemId)
                .query(Boolean.class)
                .single();
    }

    /** Members who have not yet given their opinion on the batch as a whole. */
    List<String> withoutOpinion(long batchId) {
        return jdbc.sql(
                        """
                select m.person_name from appraisal_member m where m.batch_id = :b and not exists (
                    select 1 from appraisal_opinion o
                    where o.batch_id = m.batch_id and o.member_seq = m.seq and o.item_id is null)
                order by m.seq""")
                .param("b", batchId)
                .query(String.class)
                .list();
    }

    List<AppraisalBatches.Opinion> opinions(long batchId) {
        return jdbc.sql(
                        """
                select o.member_seq, o.item_id, i.archive_code, o.verdict, o.opinion, o.recorded_by, o.recorded_at
                from appraisal_opinion o left join appraisal_item i on i.batch_id = o.batch_id and i.item_id = o.item_id
                where o.batch_id = :b order by o.member_seq, i.archive_code nulls first""")
                .param("b", batchId)
                .query((rs, n) -> new AppraisalBatches.Opinion(
                        rs.getInt(1),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        Verdict.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class)))
                .list();
    }
}
