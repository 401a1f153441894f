package org.siarchive.transfer;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The handover register (移交接收登记表): one row per package received or refused, with its audit entry. */
@Component
class HandoverRegister {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    HandoverRegister(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** What the register records of one package; the caller's transaction holds it. */
    record Entry(
            @Nullable UUID packageId,
            String packageName,
            String packageSm3,
            @Nullable String sourceUnit,
            TransferPackages.Handover handover,
            @Nullable Integer declared,
            int received,
            @Nullable Long declaredBytes,
            long bytes,
            long checkRunId,
            boolean accepted,
            @Nullable String reason) {}

    long record(Entry e, Actor actor) {
        var h = e.handover();
        long id = jdbc.sql(
                        """
                insert into transfer_receipt (package_id, package_name, package_sm3, source_unit, fonds_code,
                    items_declared, items_received, bytes_declared, bytes_received, handed_over_by, received_by,
                    witness, check_run_id, status, reason)
                values (:p, :n, :s, :u, :f, :d, :r, :db, :b, :h, :by, :w, :run, :st, :reason) returning id
                """)
                .param("p", e.packageId())
                .param("n", truncate(e.packageName(), 255))
                .param("s", e.packageSm3())
                .param("u", e.sourceUnit())
                .param("f", h.fondsCode().strip())
                .param("d", e.declared())
                .param("r", e.received())
                .param("db", e.declaredBytes())
                .param("b", e.bytes())
                .param("h", h.handedOverBy().strip())
                .param("by", actor.name())
                .param("w", h.witness().strip())
                .param("run", e.checkRunId())
                .param("st", e.accepted() ? "ACCEPTED" : "REJECTED")
                .param("reason", e.reason() == null ? null : truncate(e.reason(), 2000))
                .query(Long.class)
                .single();
        audit.record(
                actor,
                AuditedObject.TRANSFER_RECEIPT,
                Long.toString(id),
                e.accepted() ? AuditOperation.RECEIVE : AuditOperation.REJECT,
                e.accepted() ? AuditTrail.SUCCESS : AuditTrail.FAILURE,
                e.reason() == null ? null : truncate(e.reason(), 500),
                AuditDetail.of(
                                "audit.detail.handover",
                                e.packageName(),
                                e.packageSm3(),
                                e.received(),
                                h.handedOverBy(),
                                h.witness(),
                                e.checkRunId())
                        .encoded());
        return id;
    }

    void recordItem(long receiptId, TransferPackages.ReceivedItem r, @Nullable UUID packageId, Actor actor) {
        jdbc.sql(
                        """
                insert into transfer_receipt_item (receipt_id, source_code, item_id, archive_code)
                values (:r, :s, :i, :a)
                """)
                .param("r", receiptId)
                .param("s", r.sourceCode())
                .param("i", r.itemId())
                .param("a", r.archiveCode())
                .update();
        audit.record(
                actor,
                AuditedObject.ITEM,
                r.itemId().toString(),
                AuditOperation.TRANSFER_RECEIVE,
                null,
                AuditDetail.of("audit.detail.transferFrom", r.sourceCode(), packageId)
                        .encoded());
    }

    /** Newest first, only handovers into the given fonds (the caller's scope, as a bind parameter). */
    List<Map<String, Object>> list(int limit, List<String> fondsCodes) {
        return jdbc.sql(
                        """
                select id, package_name, status, source_unit, fonds_code, items_declared, items_received, bytes_received,
                    handed_over_by, received_by, witness, check_run_id, received_at, reason
                from transfer_receipt where fonds_code = any(:fonds) order by id desc limit :n
                """)
                .param("fonds", fondsCodes.toArray(String[]::new))
                .param("n", limit)
                .query()
                .listOfRows();
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
