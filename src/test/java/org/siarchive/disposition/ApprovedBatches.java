package org.siarchive.disposition;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test fixture: appraisal batches written straight into the V16_1 tables (the appraisal part builds the real
 * workflow), with a group leader and per-item decisions, for items captured through the real capture path.
 */
final class ApprovedBatches {

    private final JdbcClient jdbc;

    ApprovedBatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A batch of the fonds in {@code state}; {@code decisions} maps each item to DESTROY or EXTEND. */
    long batch(String batchNo, String fondsCode, String state, String approver, Map<UUID, String> decisions) {
        long id = jdbc.sql(
                        """
                insert into appraisal_batch (batch_no, fonds_id, title, state, proposed_by, approved_by, approved_at)
                values (:no, (select id from fonds where code = :fonds), :title, :state, 'system', :approver,
                        :approvedAt) returning id""")
                .param("no", batchNo)
                .param("fonds", fondsCode)
                .param("title", "2024年到期档案鉴定" + batchNo)
                .param("state", state)
                .param("approver", approver)
                .param("approvedAt", approver == null ? null : java.time.OffsetDateTime.now())
                .query(Long.class)
                .single();
        jdbc.sql(
                        """
                insert into appraisal_member (batch_id, seq, group_role, person_name, unit)
                values (:b, 1, 'LEADER', '鉴定组长' || :no, '本单位'), (:b, 2, 'HRSS', '人社代表' || :no, '市人社局')""")
                .param("b", id)
                .param("no", batchNo)
                .update();
        for (var d : decisions.entrySet()) {
            boolean destroy = d.getValue().equals("DESTROY");
            jdbc.sql(
                            """
                    insert into appraisal_item (batch_id, item_id, archive_code, decision, new_retention_code, reason,
                                                original_end)
                    values (:b, :item, (select archive_code from item where id = :item), :decision, :newTerm, :reason,
                            :end)""")
                    .param("b", id)
                    .param("item", d.getKey())
                    .param("decision", d.getValue())
                    .param("newTerm", destroy ? null : "D30")
                    .param("reason", destroy ? "保管期满，已无保存价值" : "仍有查考价值")
                    .param("end", LocalDate.of(2024, 12, 31))
                    .update();
        }
        return id;
    }

    /** The destruction of the batch as executed (the destroy part writes this for real). */
    void executed(long batchId, long listId, String executor, String supervisor1, String supervisor2) {
        jdbc.sql(
                        """
                insert into destruction (batch_id, list_id, state, method, place, executor, supervisor_1, supervisor_2,
                                         finished_at)
                values (:b, :l, 'FINISHED', '粉碎并彻底删除电子数据', '档案馆销毁室', :e, :s1, :s2, now())""")
                .param("b", batchId)
                .param("l", listId)
                .param("e", executor)
                .param("s1", supervisor1)
                .param("s2", supervisor2)
                .update();
    }
}
