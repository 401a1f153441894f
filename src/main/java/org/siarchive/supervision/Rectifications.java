package org.siarchive.supervision;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.organisation.WorkingDays;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.ForbiddenException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rectification items (整改事项), tracked to closure: raised by the inspector from a 进行中 or 已评定 plan for
 * one of its units ({@link RectificationAssigned} published in the same transaction); reported on by the
 * unit (已提交整改, with what it did); accepted (已销号) or returned (退回, back to 待整改 with a reason) by an
 * inspector who sees the plan. Each step audited in its transaction. An item of a unit outside the reader's
 * subtree — or, for accepting and returning, of a plan outside it — does not exist for them (404).
 */
@Component
class Rectifications {

    static final String INSPECT = "supervision:inspect";
    static final int LIST_LIMIT = 500;
    static final int MAX_TEXT = 2000;
    static final int MAX_REASON = 1000;

    private final RectificationRows rows;
    private final InspectionPlans plans;
    private final RectificationOwners owners;
    private final WorkingDays workingDays;
    private final AuditTrail audit;
    private final ReadableTime time;
    private final ApplicationEventPublisher events;

    Rectifications(
            RectificationRows rows,
            InspectionPlans plans,
            RectificationOwners owners,
            WorkingDays workingDays,
            AuditTrail audit,
            ReadableTime time,
            ApplicationEventPublisher events) {
        this.rows = rows;
        this.plans = plans;
        this.owners = owners;
        this.workingDays = workingDays;
        this.audit = audit;
        this.time = time;
        this.events = events;
    }

    @Transactional
    Rectification raise(UUID planId, RaiseRequest request, Access access) {
        var head = plans.lock(planId, access);
        var checked = request.check(time.today());
        var plan = plans.get(planId, access);
        if (!plan.covers(checked.orgId())) {
            throw new InvalidInputException(Violation.of("orgId", "code"));
        }
        var unit = plan.unit(checked.orgId());
        String owner = owners.check(request.owner(), unit.orgPath()).orElse(null);
        if (head.state() != PlanState.ACTIVE && head.state() != PlanState.EVALUATED) {
            throw new ConflictException("supervision.conflict.noRectification", head.planNo());
        }
        var deadline = checked.deadline() != null ? checked.deadline() : workingDays.plus(time.today(), checked.days());
        UUID id = rows.insert(
                new RectificationRows.New(
                        planId,
                        unit.orgId(),
                        unit.orgPath(),
                        owner,
                        checked.title(),
                        checked.detail(),
                        deadline,
                        access.actor().name()),
                time.today().getYear());
        var r = get(id, access);
        audit.record(
                access.actor(),
                AuditedObject.RECTIFICATION,
                r.rectNo(),
                AuditOperation.RAISE,
                null,
                AuditDetail.of("audit.detail.supervisionRaised", plan.planNo(), unit.name(), r.title(), deadline)
                        .encoded());
        events.publishEvent(new RectificationAssigned(id, planId, unit.orgPath(), owner, r.title(), deadline));
        return r;
    }

    /** The unit reports what it did: 待整改 → 已提交整改; only the owner when there is one. */
    @Transactional
    Rectification submit(UUID id, @Nullable String report, Access access) {
        var r = lock(id, access);
        String text = text("report", report, MAX_TEXT);
        if (r.owner() != null && !r.owner().equals(access.actor().name())) {
            throw new ForbiddenException("supervision.forbidden.notOwner", r.rectNo());
        }
        if (!rows.submit(id, text, access.actor().name())) {
            throw new ConflictException("supervision.conflict.rectState", r.rectNo());
        }
        audit.record(access.actor(), AuditedObject.RECTIFICATION, r.rectNo(), AuditOperation.SUBMIT, text, null);
        return get(id, access);
    }

    /** The inspector accepts the report: 已提交整改 → 已销号. */
    @Transactional
    Rectification accept(UUID id, Access access) {
        var r = inspected(id, access);
        if (!rows.accept(id, access.actor().name())) {
            throw new ConflictException("supervision.conflict.rectState", r.rectNo());
        }
        audit.record(access.actor(), AuditedObject.RECTIFICATION, r.rectNo(), AuditOperation.CLOSE, null, null);
        return get(id, access);
    }

    /** The inspector returns it with a reason: 已提交整改 → 待整改. */
    @Transactional
    Rectification sendBack(UUID id, @Nullable String reason, Access access) {
        var r = inspected(id, access);
        String why = text("reason", reason, MAX_REASON);
        if (!rows.sendBack(id, why)) {
            throw new ConflictException("supervision.conflict.rectState", r.rectNo());
        }
        audit.record(access.actor(), AuditedObject.RECTIFICATION, r.rectNo(), AuditOperation.SEND_BACK, why, null);
        return get(id, access);
    }

    /** The item when its unit lies within the reader's subtree; 404 otherwise. */
    Rectification get(UUID id, Access access) {
        return rows.byId(id, access.scope().orgPath(), false)
                .orElseThrow(() -> new NotFoundException("RECTIFICATION", id.toString()));
    }

    List<Rectification> list(Access access, @Nullable UUID plan) {
        return rows.list(access.scope().orgPath(), plan, LIST_LIMIT);
    }

    /** Whether the reader may accept or return it: an inspector who sees its plan. */
    boolean inspects(Rectification r, Access access) {
        return access.can(INSPECT) && plans.visible(r.planId(), access);
    }

    private Rectification lock(UUID id, Access access) {
        return rows.byId(id, access.scope().orgPath(), true)
                .orElseThrow(() -> new NotFoundException("RECTIFICATION", id.toString()));
    }

    private Rectification inspected(UUID id, Access access) {
        var r = lock(id, access);
        if (!access.can(INSPECT)) {
            throw new ForbiddenException("supervision.forbidden.notInspector", r.rectNo());
        }
        plans.lock(r.planId(), access); // a plan made above the reader's subtree: 404
        return r;
    }

    private static String text(String field, @Nullable String value, int max) {
        String t = value == null ? "" : value.strip();
        if (t.length() < 2) {
            throw new InvalidInputException(
                    t.isEmpty() ? Violation.of(field, "required") : Violation.of(field, "holdMinLength", 2));
        }
        org.siarchive.shared.Bounds.requireText(field, t, max);
        return t;
    }
}
