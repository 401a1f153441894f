package org.siarchive.comparison;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Violation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lifecycle's changes, each one transaction: the row (locked), a history line and the audit entry
 * (AuditedObject.WARNING with ASSIGN, CONFIRM, EXCLUDE or CLOSE); a confirmation with STOP or SUSPEND also
 * writes its payment instruction (outbox) in that transaction. Illegal changes are 409 naming the state.
 */
@Component
class WarningDecisions {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999.99");
    static final int MAX_TEXT = 1000;

    /** A confirmation as asked. */
    record Confirmation(
            @Nullable String paymentAction, @Nullable BigDecimal amountToRecover, @Nullable String finding) {}

    private final WarningRows rows;
    private final WarningDeadlines deadlines;
    private final PaymentInstructions instructions;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final ReadableTime time;

    WarningDecisions(
            WarningRows rows,
            WarningDeadlines deadlines,
            PaymentInstructions instructions,
            Organisations organisations,
            AuditTrail audit,
            ReadableTime time) {
        this.rows = rows;
        this.deadlines = deadlines;
        this.instructions = instructions;
        this.organisations = organisations;
        this.audit = audit;
        this.time = time;
    }

    /** The warning locked, when handled within the caller's subtree; 404 otherwise. */
    Warning locked(String warningNo, Access access) {
        return rows.byNumber(warningNo.strip(), access.scope().orgPattern(), true)
                .orElseThrow(() -> new NotFoundException("WARNING", warningNo));
    }

    @Transactional
    void take(String warningNo, Access access) {
        var w = locked(warningNo, access);
        w.state().require(WarningState.Change.TAKE, w.warningNo());
        String me = access.actor().name();
        rows.take(w.id(), me);
        rows.event(w.id(), me, "TAKE", null);
        record(access, w, AuditOperation.ASSIGN, null, AuditDetail.of("audit.detail.warningTaken", me));
    }

    @Transactional
    void assign(String warningNo, @Nullable Long orgId, Access access) {
        var w = locked(warningNo, access);
        w.state().require(WarningState.Change.ASSIGN, w.warningNo());
        if (orgId == null) {
            throw new InvalidInputException(Violation.of("orgId", "required"));
        }
        var unit = organisations
                .byId(orgId)
                .filter(u -> u.path().startsWith(access.scope().orgPath()))
                .orElseThrow(() -> new InvalidInputException(
                        new Violation("orgId", "code", "warning.rule.unitOutsideScope", List.of())));
        var due = deadlines.of(w.state(), time.today());
        rows.route(w.id(), unit.id(), unit.path(), due);
        rows.event(w.id(), access.actor().name(), "ASSIGN", unit.name());
        record(access, w, AuditOperation.ASSIGN, null, AuditDetail.of("audit.detail.warningRouted", unit.name(), due));
    }

    @Transactional
    void confirm(String warningNo, Confirmation c, Access access) {
        var w = locked(warningNo, access);
        w.state().require(WarningState.Change.CONFIRM, w.warningNo());
        var v = new ArrayList<Violation>();
        PaymentAction action = action(c.paymentAction(), v);
        BigDecimal recover = amount(c.amountToRecover(), v);
        String finding = text("finding", c.finding(), v);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        String me = access.actor().name();
        rows.confirm(w.id(), action, recover, finding, me, deadlines.toClose(time.today()));
        rows.event(w.id(), me, "CONFIRM", finding);
        record(
                access,
                w,
                AuditOperation.CONFIRM,
                finding,
                AuditDetail.of("audit.detail.warningConfirmed", AuditDetail.label(action.labelKey()), recover));
        if (action.instructs()) {
            instructions.issue(w, action, recover, access);
        }
    }

    @Transactional
    void exclude(String warningNo, @Nullable String reason, Access access) {
        var w = locked(warningNo, access);
        w.state().require(WarningState.Change.EXCLUDE, w.warningNo());
        var v = new ArrayList<Violation>();
        String why = text("reason", reason, v);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        String me = access.actor().name();
        rows.exclude(w.id(), why, me, deadlines.toClose(time.today()));
        rows.event(w.id(), me, "EXCLUDE", why);
        record(access, w, AuditOperation.EXCLUDE, why, AuditDetail.of("audit.detail.warningExcluded"));
    }

    @Transactional
    void close(String warningNo, Access access) {
        var w = locked(warningNo, access);
        w.state().require(WarningState.Change.CLOSE, w.warningNo());
        if (w.state() == WarningState.CONFIRMED && w.evidenceItemId() == null) {
            throw new ConflictException("warning.conflict.evidenceNotFiled", w.warningNo());
        }
        rows.close(w.id(), access.actor().name());
        rows.event(w.id(), access.actor().name(), "CLOSE", null);
        record(access, w, AuditOperation.CLOSE, null, AuditDetail.of("audit.detail.warningClosed"));
    }

    private void record(Access access, Warning w, AuditOperation op, @Nullable String reason, AuditDetail detail) {
        audit.record(access.actor(), AuditedObject.WARNING, w.warningNo(), op, reason, detail.encoded());
    }

    static PaymentAction action(@Nullable String s, List<Violation> v) {
        if (s == null || s.isBlank()) {
            v.add(Violation.of("paymentAction", "required"));
            return PaymentAction.NONE;
        }
        try {
            return PaymentAction.valueOf(s.strip());
        } catch (IllegalArgumentException e) {
            v.add(Violation.of("paymentAction", "code"));
            return PaymentAction.NONE;
        }
    }

    static BigDecimal amount(@Nullable BigDecimal a, List<Violation> v) {
        if (a == null) {
            v.add(Violation.of("amountToRecover", "required"));
            return BigDecimal.ZERO;
        }
        if (a.signum() < 0 || a.compareTo(MAX_AMOUNT) > 0 || a.scale() > 2) {
            v.add(Violation.of("amountToRecover", "range", "0.00", MAX_AMOUNT.toPlainString()));
            return BigDecimal.ZERO;
        }
        return a.setScale(2);
    }

    static String text(String field, @Nullable String s, List<Violation> v) {
        String t = s == null ? "" : s.strip();
        if (t.length() < 2) {
            v.add(Violation.of(field, "required"));
        } else if (t.length() > MAX_TEXT) {
            v.add(Violation.of(field, "maxLength", MAX_TEXT));
        }
        return t;
    }
}
