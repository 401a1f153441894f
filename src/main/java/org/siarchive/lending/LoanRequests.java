package org.siarchive.lending;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
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
        var request = lock(id);
        if (!request.status().equals("PENDING")) {
            throw new ConflictException("conflict.loanNotPending", Long.toString(id));
        }
        String n = note == null ? "" : note.strip();
        if (n.length() > 500) {
            throw new InvalidInputException(Violation.of("note", "maxLength", 500));
        }
        if (!approve && n.isEmpty()) {
            throw new InvalidInputException(Violation.of("note", "required"));
        }
        String me = access.actor().name();
        if (me.equals(request.applicant())) {
            throw new ConflictException("conflict.loanOwnRequest", Long.toString(id));
        }
        var items = items(id);
        for (var item : items) {
            catalog.requireItem(item.itemId(), access.scope()); // 404 outside the approver's scope
        }
        var approvals = approvals(id);
        int step = approvals.size() + 1;
        if (step == 2) {
            var first = approvals.get(0);
            String firstOrg = first.approverOrgPath();
            if (first.approver().equals(me)) {
                throw new ConflictException("conflict.loanSameApprover", Long.toString(id));
            }
            if (!firstOrg.startsWith(access.scope().orgPath())) {
                throw new ConflictException("conflict.loanApproverLevel", Long.toString(id));
            }
        }
        int maxLevel = items.stream().mapToInt(RequestItem::securityLevel).max().orElse(1);
        if (access.scope().clearance() < maxLevel) {
            throw new ConflictException("conflict.loanApproverClearance", Long.toString(id));
        }
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

    @Transactional
    public void withdraw(long id, Access access) {
        var request = lock(id);
        if (!request.applicant().equals(access.actor().name())) {
            throw new NotFoundException("LOAN_REQUEST", Long.toString(id));
        }
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

    public Request request(long id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(Request.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("LOAN_REQUEST", Long.toString(id)));
    }

    /** A request its applicant or an approver may see (404 for anyone else: existence is not revealed). */
    public Request visible(long id, Access access, boolean approver) {
        var r = request(id);
        if (!approver && !r.applicant().equals(access.actor().name())) {
            throw new NotFoundException("LOAN_REQUEST", Long.toString(id));
        }
        return r;
    }

    public List<RequestItem> items(long id) {
        return jdbc.sql(
                        "select item_id, archive_code, security_level from loan_request_item where request_id = :r order by archive_code")
                .param("r", id)
                .query(RequestItem.class)
                .list();
    }

    public List<Approval> approvals(long id) {
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

    /** Pending requests this approver could decide now (not their own, not a step they already took). */
    public List<Request> awaiting(Access access) {
        return jdbc.sql(
                        SELECT
                                + """
                 where status = 'PENDING' and applicant <> :me
                   and not exists (select 1 from loan_approval a where a.request_id = loan_request.id and a.approver = :me)
                 order by id limit 100
                """)
                .param("me", access.actor().name())
                .query(Request.class)
                .list();
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

    private static final String SELECT =
            """
            select id, applicant, applicant_org_path, purpose_code, purpose, period_days, allow_download, allow_print,
                   steps_required, status, granted_from, granted_until, created_at
            from loan_request
            """;
}
