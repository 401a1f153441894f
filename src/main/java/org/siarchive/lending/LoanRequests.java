package org.siarchive.lending;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditTrail;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests for the electronic use of archives (利用申请) and their approval. A request names items within
 * the applicant's scope, a purpose and a period (1–30 days), and whether download and print are asked for.
 * One approval suffices unless an item is sensitive (密级 2 or above): then a second approver must agree,
 * someone other than the applicant and the first approver, cleared for the most sensitive item and placed
 * at the first approver's organisation or above it. The final approval turns the request into a grant valid
 * from that moment for the period; a rejection at either step ends it. Every change is audited with it.
 */
@Component
public class LoanRequests {

    public static final Set<String> PURPOSES = Set.of("QUERY", "AUDIT", "JUDICIAL", "CERTIFY", "BUSINESS", "OTHER");
    static final int SENSITIVE = 2;

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final AuditTrail audit;

    LoanRequests(JdbcClient jdbc, Catalog catalog, AuditTrail audit) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.audit = audit;
    }

    /** A request as pages show it. */
    public record Request(
            long id,
            String applicant,
            String applicantOrgPath,
            String purposeCode,
            String purpose,
            int periodDays,
            boolean allowDownload,
            boolean allowPrint,
            int stepsRequired,
            String status,
            @Nullable OffsetDateTime grantedFrom,
            @Nullable OffsetDateTime grantedUntil,
            OffsetDateTime createdAt) {

        public boolean active(OffsetDateTime now) {
            return status.equals("APPROVED")
                    && grantedFrom != null
                    && grantedUntil != null
                    && !now.isBefore(grantedFrom)
                    && now.isBefore(grantedUntil);
        }
    }

    public record RequestItem(UUID itemId, String archiveCode, int securityLevel) {}

    public record Approval(
            int step,
            String approver,
            String approverOrgPath,
            String decision,
            @Nullable String note,
            OffsetDateTime decidedAt) {}

    /** The form's fields. */
    public record NewRequest(
            List<String> archiveCodes,
            String purposeCode,
            String purpose,
            int periodDays,
            boolean download,
            boolean print) {}

    @Transactional
    public long request(NewRequest r, Access access) {
        var violations = new ArrayList<Violation>();
        if (!PURPOSES.contains(r.purposeCode())) {
            violations.add(Violation.of("purposeCode", "codeTable", r.purposeCode()));
        }
        String purpose = r.purpose() == null ? "" : r.purpose().strip();
        if (purpose.isEmpty()) {
            violations.add(Violation.of("purpose", "required"));
        } else if (purpose.length() > 500) {
            violations.add(Violation.of("purpose", "maxLength", 500));
        }
        if (r.periodDays() < 1 || r.periodDays() > 30) {
            violations.add(Violation.of("periodDays", "range", 1, 30));
        }
        if (r.archiveCodes().isEmpty()) {
            violations.add(Violation.of("archiveCodes", "required"));
        } else if (r.archiveCodes().size() > 200) {
            violations.add(Violation.of("archiveCodes", "range", 1, 200));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        var ids = catalog.itemIdsByArchiveCodes(r.archiveCodes(), access.scope(), "archiveCodes");
        var items = catalog.items(ids);
        int maxLevel = items.stream().mapToInt(LoanRequests::level).max().orElse(1);
        long id = jdbc.sql(
                        """
                insert into loan_request (applicant, applicant_org_path, purpose_code, purpose, period_days,
                    allow_download, allow_print, steps_required, status)
                values (:a, :o, :pc, :p, :d, :dl, :pr, :steps, 'PENDING') returning id
                """)
                .param("a", access.actor().name())
                .param("o", access.scope().orgPath())
                .param("pc", r.purposeCode())
                .param("p", purpose)
                .param("d", r.periodDays())
                .param("dl", r.download())
                .param("pr", r.print())
                .param("steps", maxLevel >= SENSITIVE ? 2 : 1)
                .query(Long.class)
                .single();
        for (ItemRecord item : items) {
            jdbc.sql(
                            """
                    insert into loan_request_item (request_id, item_id, archive_code, security_level)
                    values (:r, :i, :c, :l)
                    """)
                    .param("r", id)
                    .param("i", item.id())
                    .param("c", item.archiveCode())
                    .param("l", level(item))
                    .update();
        }
        audit.record(
                access.actor(),
                "LOAN_REQUEST",
                Long.toString(id),
                "REQUEST",
                purpose,
                r.purposeCode() + ", " + items.size() + " items, " + r.periodDays() + " days"
                        + (r.download() ? ", download" : "") + (r.print() ? ", print" : "")
                        + (maxLevel >= SENSITIVE ? ", two approvals" : ""));
        return id;
    }

    private static int level(ItemRecord item) {
        try {
            return Integer.parseInt(item.securityLevel());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /**
     * An approver's decision on the next step of a pending request. Refused (409) when the approver is the
     * applicant or already decided the first step, lacks the clearance for a sensitive item, or sits below
     * the first approver's organisation; items outside the approver's scope answer 404.
     */
    @Transactional
    public Request decide(long id, boolean approve, @Nullable String note, Access access) {
        visible(id, access, true);
        var request = lock(id);
        for (var item : items(id)) {
            catalog.requireItem(item.itemId(), access.scope()); // 404 outside the approver's scope
        }
        refusal(request, access).ifPresent(e -> {
            throw e;
        });
        String n = note == null ? "" : note.strip();
        if (n.length() > 500) {
            throw new InvalidInputException(Violation.of("note", "maxLength", 500));
        }
        if (!approve && n.isEmpty()) {
            throw new InvalidInputException(Violation.of("note", "required"));
        }
        String me = access.actor().name();
        int step = approvals(id).size() + 1;
        jdbc.sql(
                        """
                insert into loan_approval (request_id, step, approver, approver_org_path, decision, note)
                values (:r, :s, :a, :o, :d, :n)
                """)
                .param("r", id)
                .param("s", step)
                .param("a", me)
                .param("o", access.scope().orgPath())
                .param("d", approve ? "APPROVE" : "REJECT")
                .param("n", n.isEmpty() ? null : n)
                .update();
        String status = !approve ? "REJECTED" : step >= request.stepsRequired() ? "APPROVED" : "PENDING";
        if (!status.equals("PENDING")) {
            jdbc.sql(
                            """
                    update loan_request set status = :st,
                        granted_from = case when :st = 'APPROVED' then now() end,
                        granted_until = case when :st = 'APPROVED' then now() + make_interval(days => period_days) end
                    where id = :id
                    """)
                    .param("st", status)
                    .param("id", id)
                    .update();
        }
        audit.record(
                access.actor(),
                "LOAN_REQUEST",
                Long.toString(id),
                approve ? "APPROVE" : "REJECT",
                n.isEmpty() ? null : n,
                "step " + step + " of " + request.stepsRequired() + " → " + status);
        return request(id);
    }

    /**
     * Why {@code access} may not decide the next step of the request now, or empty when they may: the one
     * place of these rules, so that pages offer 同意/不同意 exactly when the decision would be accepted.
     */
    private Optional<ConflictException> refusal(Request request, Access access) {
        String id = Long.toString(request.id());
        String me = access.actor().name();
        if (!request.status().equals("PENDING")) {
            return Optional.of(new ConflictException("conflict.loanNotPending", id));
        }
        if (me.equals(request.applicant())) {
            return Optional.of(new ConflictException("conflict.loanOwnRequest", id));
        }
        var approvals = approvals(request.id());
        if (!approvals.isEmpty()) {
            var first = approvals.get(0);
            if (first.approver().equals(me)) {
                return Optional.of(new ConflictException("conflict.loanSameApprover", id));
            }
            if (!first.approverOrgPath().startsWith(access.scope().orgPath())) {
                return Optional.of(new ConflictException("conflict.loanApproverLevel", id));
            }
        }
        int maxLevel = items(request.id()).stream()
                .mapToInt(RequestItem::securityLevel)
                .max()
                .orElse(1);
        if (access.scope().clearance() < maxLevel) {
            return Optional.of(new ConflictException("conflict.loanApproverClearance", id));
        }
        return Optional.empty();
    }

    /** Whether an approver could decide the request's next step now (what the page offers). */
    public boolean decidable(Request request, Access access) {
        return refusal(request, access).isEmpty();
    }

    @Transactional
    public void withdraw(long id, Access access) {
        visible(id, access, false);
        var request = lock(id);
        if (!request.status().equals("PENDING") && !request.status().equals("APPROVED")) {
            throw new ConflictException("conflict.loanNotPending", Long.toString(id));
        }
        jdbc.sql(
                        "update loan_request set status = 'WITHDRAWN', granted_until = least(granted_until, now()) where id = :id")
                .param("id", id)
                .update();
        audit.record(access.actor(), "LOAN_REQUEST", Long.toString(id), "WITHDRAW", null, request.status());
    }

    private Request lock(long id) {
        return jdbc.sql(SELECT + " where id = :id for update")
                .param("id", id)
                .query(Request.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("LOAN_REQUEST", Long.toString(id)));
    }

    /** Unscoped: for this module, after {@link #visible} or inside the decision that checked it. */
    Request request(long id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(Request.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("LOAN_REQUEST", Long.toString(id)));
    }

    /**
     * The one scope check of loan requests: a request its applicant may see, or an approver whose data
     * scope contains the applicant's organisation; 404 for anyone else (existence is not revealed).
     */
    public Request visible(long id, Access access, boolean approver) {
        return jdbc.sql(SELECT + " where id = :id and " + VISIBLE)
                .params(visibility(access, approver))
                .param("id", id)
                .query(Request.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("LOAN_REQUEST", Long.toString(id)));
    }

    private static Map<String, Object> visibility(Access access, boolean approver) {
        var p = new HashMap<String, Object>();
        p.put("me", access.actor().name());
        p.put("approver", approver);
        p.put("scopeOrg", access.scope().orgPattern());
        return p;
    }

    /** Unscoped: for this module, after {@link #visible}. */
    List<RequestItem> items(long id) {
        return jdbc.sql(
                        "select item_id, archive_code, security_level from loan_request_item where request_id = :r order by archive_code")
                .param("r", id)
                .query(RequestItem.class)
                .list();
    }

    /** Unscoped: for this module, after {@link #visible}. */
    List<Approval> approvals(long id) {
        return jdbc.sql(
                        "select step, approver, approver_org_path, decision, note, decided_at from loan_approval where request_id = :r order by step")
                .param("r", id)
                .query(Approval.class)
                .list();
    }

    public List<Request> mine(Access access) {
        return jdbc.sql(SELECT + " where applicant = :a order by id desc limit 100")
                .param("a", access.actor().name())
                .query(Request.class)
                .list();
    }

    /** Pending requests within this approver's scope that they could decide now. */
    public List<Request> awaiting(Access access) {
        return jdbc
                .sql(SELECT + " where status = 'PENDING' and " + VISIBLE + " order by id limit 100")
                .params(visibility(access, true))
                .query(Request.class)
                .list()
                .stream()
                .filter(r -> decidable(r, access))
                .toList();
    }

    /**
     * The active grant that lets {@code access} use {@code itemId}: the applicant's approved request, within
     * its period, naming the item. 404 otherwise (the same answer as for an item that does not exist).
     */
    public Request grant(long requestId, UUID itemId, Access access) {
        var r = visible(requestId, access, false);
        boolean named = items(requestId).stream().anyMatch(i -> i.itemId().equals(itemId));
        if (!named || !r.active(catalog.now())) {
            throw new NotFoundException("GRANT", requestId + "/" + itemId);
        }
        return r;
    }

    /** Data scope of a request (ADR 0017, 0031): the applicant's own, or an approver's over the applicant. */
    private static final String VISIBLE = "(applicant = :me or (:approver and applicant_org_path like :scopeOrg))";

    private static final String SELECT =
            """
            select id, applicant, applicant_org_path, purpose_code, purpose, period_days, allow_download, allow_print,
                   steps_required, status, granted_from, granted_until, created_at
            from loan_request
            """;
}
