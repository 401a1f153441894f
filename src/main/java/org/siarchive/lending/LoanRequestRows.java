package org.siarchive.lending;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.lending.LoanRequests.Approval;
import org.siarchive.lending.LoanRequests.NewRequest;
import org.siarchive.lending.LoanRequests.Request;
import org.siarchive.lending.LoanRequests.RequestItem;
import org.siarchive.shared.Access;
import org.siarchive.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of use requests: {@code loan_request}, its items and its approvals. States are bound by their
 * enum name; reads by id are unscoped here, {@link #visible} is the one scope check (ADR 0017, 0031).
 */
@Component
class LoanRequestRows {

    private final JdbcClient jdbc;

    LoanRequestRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewRequest r, int stepsRequired, Access access) {
        return jdbc.sql(
                        """
                insert into loan_request (applicant, applicant_org_path, purpose_code, purpose, period_days,
                    allow_download, allow_print, steps_required, status)
                values (:a, :o, :pc, :p, :d, :dl, :pr, :steps, :st) returning id
                """)
                .param("a", access.actor().name())
                .param("o", access.scope().orgPath())
                .param("pc", r.purposeCode())
                .param("p", r.purpose())
                .param("d", r.periodDays())
                .param("dl", r.download())
                .param("pr", r.print())
                .param("steps", stepsRequired)
                .param("st", LoanRequestState.PENDING.name())
                .query(Long.class)
                .single();
    }

    void insertItem(long requestId, ItemRecord item, int securityLevel) {
        jdbc.sql(
                        """
                insert into loan_request_item (request_id, item_id, archive_code, security_level)
                values (:r, :i, :c, :l)
                """)
                .param("r", requestId)
                .param("i", item.id())
                .param("c", item.archiveCode())
                .param("l", securityLevel)
                .update();
    }

    void insertApproval(long requestId, int step, boolean approve, @Nullable String note, Access access) {
        jdbc.sql(
                        """
                insert into loan_approval (request_id, step, approver, approver_org_path, decision, note)
                values (:r, :s, :a, :o, :d, :n)
                """)
                .param("r", requestId)
                .param("s", step)
                .param("a", access.actor().name())
                .param("o", access.scope().orgPath())
                .param("d", approve ? "APPROVE" : "REJECT")
                .param("n", note)
                .update();
    }

    /** Ends the decisions: an approved request is granted from now for its period. */
    void conclude(long requestId, LoanRequestState state) {
        jdbc.sql(
                        """
                update loan_request set status = :st,
                    granted_from = case when :granted then now() end,
                    granted_until = case when :granted then now() + make_interval(days => period_days) end
                where id = :id
                """)
                .param("st", state.name())
                .param("granted", state == LoanRequestState.APPROVED)
                .param("id", requestId)
                .update();
    }

    /** Ends the request; a grant ends now. */
    void withdraw(long requestId) {
        jdbc.sql("update loan_request set status = :st, granted_until = least(granted_until, now()) where id = :id")
                .param("st", LoanRequestState.WITHDRAWN.name())
                .param("id", requestId)
                .update();
    }

    Request lock(long id) {
        return jdbc.sql(SELECT + " where id = :id for update")
                .param("id", id)
                .query(Request.class)
                .optional()
                .orElseThrow(() -> notFound(id));
    }

    Request byId(long id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(Request.class)
                .optional()
                .orElseThrow(() -> notFound(id));
    }

    Request visible(long id, Access access, boolean approver) {
        return jdbc.sql(SELECT + " where id = :id and " + VISIBLE)
                .params(visibility(access, approver))
                .param("id", id)
                .query(Request.class)
                .optional()
                .orElseThrow(() -> notFound(id));
    }

    List<RequestItem> items(long id) {
        return jdbc.sql(
                        "select item_id, archive_code, security_level from loan_request_item where request_id = :r order by archive_code")
                .param("r", id)
                .query(RequestItem.class)
                .list();
    }

    List<Approval> approvals(long id) {
        return jdbc.sql(
                        "select step, approver, approver_org_path, decision, note, decided_at from loan_approval where request_id = :r order by step")
                .param("r", id)
                .query(Approval.class)
                .list();
    }

    List<Request> mine(Access access) {
        return jdbc.sql(SELECT + " where applicant = :a order by id desc limit 100")
                .param("a", access.actor().name())
                .query(Request.class)
                .list();
    }

    /** Pending requests an approver's scope covers (whether they may decide each is not checked here). */
    List<Request> pending(Access access) {
        return jdbc.sql(SELECT + " where status = :st and " + VISIBLE + " order by id limit 100")
                .params(visibility(access, true))
                .param("st", LoanRequestState.PENDING.name())
                .query(Request.class)
                .list();
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("LOAN_REQUEST", Long.toString(id));
    }

    private static Map<String, Object> visibility(Access access, boolean approver) {
        var p = new HashMap<String, Object>();
        p.put("me", access.actor().name());
        p.put("approver", approver);
        p.put("scopeOrg", access.scope().orgPattern());
        return p;
    }

    /** Data scope of a request (ADR 0017, 0031): the applicant's own, or an approver's over the applicant. */
    private static final String VISIBLE = "(applicant = :me or (:approver and applicant_org_path like :scopeOrg))";

    private static final String SELECT =
            """
            select id, applicant, applicant_org_path, purpose_code, purpose, period_days, allow_download, allow_print,
                   steps_required, status, granted_from, granted_until, created_at,
                   (select count(*)::int from loan_approval a where a.request_id = loan_request.id) as decided_steps
            from loan_request
            """;
}
