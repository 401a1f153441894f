package org.siarchive.lending;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.ArchiveCodeLookup;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests for the electronic use of archives (利用申请) and their approval. A request names items within
 * the applicant's scope, a purpose and a period (1–30 days), and whether download and print are asked for.
 * One approval suffices unless an item is sensitive (密级 2 or above): then a second approver must agree
 * ({@link ApprovalRules}). The final approval turns the request into a grant valid from that moment for the
 * period and publishes {@link LoanGranted}; a rejection at either step ends it ({@link LoanRequestState}).
 * Every change is audited with it.
 */
@Component
public class LoanRequests {

    public static final Set<String> PURPOSES = Set.of("QUERY", "AUDIT", "JUDICIAL", "CERTIFY", "BUSINESS", "OTHER");
    static final int SENSITIVE = 2;

    private final LoanRequestRows rows;
    private final ApprovalRules rules;
    private final Catalog catalog;
    private final ArchiveCodeLookup codes;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    LoanRequests(
            LoanRequestRows rows,
            ApprovalRules rules,
            Catalog catalog,
            ArchiveCodeLookup codes,
            AuditTrail audit,
            ApplicationEventPublisher events) {
        this.rows = rows;
        this.rules = rules;
        this.catalog = catalog;
        this.codes = codes;
        this.audit = audit;
        this.events = events;
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
            LoanRequestState status,
            @Nullable OffsetDateTime grantedFrom,
            @Nullable OffsetDateTime grantedUntil,
            OffsetDateTime createdAt,
            int decidedSteps) {

        public boolean active(OffsetDateTime now) {
            return status == LoanRequestState.APPROVED
                    && grantedFrom != null
                    && grantedUntil != null
                    && !now.isBefore(grantedFrom)
                    && now.isBefore(grantedUntil);
        }

        /** The step a page shows: the one awaiting a decision, or the last one decided (1-based). */
        public int step() {
            int s = status.decidable() ? decidedSteps + 1 : decidedSteps;
            return Math.max(1, Math.min(s, stepsRequired));
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
            boolean print) {

        /** The form as entered, its purpose stripped. */
        NewRequest stripped() {
            return new NewRequest(
                    archiveCodes, purposeCode, purpose == null ? "" : purpose.strip(), periodDays, download, print);
        }

        /** What is wrong with the (stripped) form: every field at once. */
        List<Violation> violations() {
            var v = new ArrayList<Violation>();
            if (!PURPOSES.contains(purposeCode)) {
                v.add(Violation.of("purposeCode", "codeTable", purposeCode));
            }
            if (purpose.isEmpty()) {
                v.add(Violation.of("purpose", "required"));
            } else if (purpose.length() > 500) {
                v.add(Violation.of("purpose", "maxLength", 500));
            }
            if (periodDays < 1 || periodDays > 30) {
                v.add(Violation.of("periodDays", "range", 1, 30));
            }
            if (archiveCodes.isEmpty()) {
                v.add(Violation.of("archiveCodes", "required"));
            } else if (archiveCodes.size() > 200) {
                v.add(Violation.of("archiveCodes", "range", 1, 200));
            }
            return v;
        }
    }

    @Transactional
    public long request(NewRequest form, Access access) {
        var r = form.stripped();
        var violations = r.violations();
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        // 档号 as typed: "-" or "." for the middle dot, full-width, or a part naming one item in scope
        var items = catalog.items(codes.resolveOne(r.archiveCodes(), access.scope(), "archiveCodes"));
        DestroyedLoans.refuseDestroyed(items); // 409: a destroyed item's content no longer exists
        int maxLevel = items.stream().mapToInt(LoanRequests::level).max().orElse(1);
        long id = rows.insert(r, maxLevel >= SENSITIVE ? 2 : 1, access);
        for (ItemRecord item : items) {
            rows.insertItem(id, item, level(item));
        }
        audit.record(
                access.actor(),
                AuditedObject.LOAN_REQUEST,
                Long.toString(id),
                AuditOperation.REQUEST,
                r.purpose(),
                LendingAuditDetails.requested(r, items.size(), maxLevel >= SENSITIVE ? 2 : 1));
        events.publishEvent(LoanRequested.of(rows.byId(id), items.size()));
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
     * An approver's decision on the next step of a pending request: 409 for the applicant, a second decision by the
     * same approver, missing clearance, a unit below the first approver or a destroyed item; 404 outside the scope.
     */
    @Transactional
    public Request decide(long id, boolean approve, @Nullable String note, Access access) {
        var request = lockForDecision(id, access);
        String reason = decisionNote(approve, note);
        if (approve) { // a destroyed item can no longer be granted (409 naming it)
            DestroyedLoans.refuseDestroyed(
                    catalog.items(rows.items(id).stream().map(i -> i.itemId()).toList()));
        }
        int step = rows.approvals(id).size() + 1;
        var next = approve
                ? request.status().approve(step, request.stepsRequired(), id)
                : request.status().reject(id);
        rows.insertApproval(id, step, approve, reason, access);
        if (next != LoanRequestState.PENDING) {
            rows.conclude(id, next);
        }
        audit.record(
                access.actor(),
                AuditedObject.LOAN_REQUEST,
                Long.toString(id),
                approve ? AuditOperation.APPROVE : AuditOperation.REJECT,
                reason,
                LendingAuditDetails.decided(step, request.stepsRequired(), next));
        var decided = rows.byId(id);
        if (next == LoanRequestState.APPROVED) {
            events.publishEvent(LoanGranted.of(decided, rows.items(id).size()));
        }
        if (next != LoanRequestState.PENDING) {
            events.publishEvent(LoanDecided.of(decided, rows.approvals(id)));
        }
        return decided;
    }

    /** The request, locked, once the approver may see it, every item is in their scope and they may decide. */
    private Request lockForDecision(long id, Access access) {
        visible(id, access, true);
        var request = rows.lock(id);
        rows.items(id).forEach(i -> catalog.requireItem(i.itemId(), access.scope())); // 404 outside the scope
        rules.refusal(request, access).ifPresent(e -> {
            throw e;
        });
        return request;
    }

    /** The approver's note, stripped; required for a rejection. Null when empty. */
    private static @Nullable String decisionNote(boolean approve, @Nullable String note) {
        String n = note == null ? "" : note.strip();
        if (n.length() > 500) {
            throw new InvalidInputException(Violation.of("note", "maxLength", 500));
        }
        if (!approve && n.isEmpty()) {
            throw new InvalidInputException(Violation.of("note", "required"));
        }
        return n.isEmpty() ? null : n;
    }

    /** Whether an approver could decide the request's next step now (what the page offers). */
    public boolean decidable(Request request, Access access) {
        return rules.refusal(request, access).isEmpty();
    }

    @Transactional
    public void withdraw(long id, Access access) {
        visible(id, access, false);
        var request = rows.lock(id);
        request.status().withdraw(id);
        rows.withdraw(id);
        audit.record(
                access.actor(),
                AuditedObject.LOAN_REQUEST,
                Long.toString(id),
                AuditOperation.WITHDRAW,
                null,
                LendingAuditDetails.state(request.status()));
    }

    /**
     * The one scope check of loan requests: a request its applicant may see, or an approver whose data
     * scope contains the applicant's organisation; 404 for anyone else (existence is not revealed).
     */
    public Request visible(long id, Access access, boolean approver) {
        return rows.visible(id, access, approver);
    }

    /** Unscoped: for this module, after {@link #visible}. */
    List<RequestItem> items(long id) {
        return rows.items(id);
    }

    /** Unscoped: for this module, after {@link #visible}. */
    List<Approval> approvals(long id) {
        return rows.approvals(id);
    }

    public List<Request> mine(Access access) {
        return rows.mine(access);
    }

    /** Pending requests within this approver's scope that they could decide now. */
    public List<Request> awaiting(Access access) {
        return rows.pending(access).stream().filter(r -> decidable(r, access)).toList();
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
}
