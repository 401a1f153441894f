package org.siarchive.supervision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.organisation.OrgUnit;
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
 * Inspection plans (监督考核计划): made by an inspector for a period and units of their subtree, copying the
 * configured KPI targets, weights and checklist; changed while 草稿; started (进行中), evaluated (已评定, see
 * {@link PlanEvaluation}) and closed (已关闭). Every change audited in its own transaction. A plan made in
 * another unit's subtree does not exist for the reader (404).
 */
@Component
class InspectionPlans {

    static final int LIST_LIMIT = 200;

    private final PlanRows rows;
    private final SupervisionSettings settings;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final ReadableTime time;

    InspectionPlans(
            PlanRows rows,
            SupervisionSettings settings,
            Organisations organisations,
            AuditTrail audit,
            ReadableTime time) {
        this.rows = rows;
        this.settings = settings;
        this.organisations = organisations;
        this.audit = audit;
        this.time = time;
    }

    @Transactional
    InspectionPlan create(PlanRequest request, Access access) {
        var checked = request.check(time.today());
        var units = units(checked.orgIds(), access);
        UUID id = UUID.randomUUID();
        String no = rows.nextNumber(time.today().getYear());
        rows.insert(
                id,
                no,
                checked.title(),
                checked.period(),
                access.scope().orgPath(),
                access.actor().name());
        units.forEach(u -> rows.insertUnit(id, u.id(), u.path()));
        settings.targets().forEach((k, t) -> rows.putKpi(id, k, t.target(), t.weight()));
        var items = settings.checklist();
        for (int i = 0; i < items.size(); i++) {
            rows.insertItem(id, i + 1, items.get(i));
        }
        audit.record(
                access.actor(),
                AuditedObject.INSPECTION_PLAN,
                no,
                AuditOperation.CREATE,
                null,
                AuditDetail.of(
                                "audit.detail.supervisionPlanCreated",
                                checked.title(),
                                AuditDetail.label(checked.period().kind().labelKey()),
                                checked.period().year(),
                                checked.period().no(),
                                units.size())
                        .encoded());
        return get(id, access);
    }

    /** Changes a draft's title, targets and weights; 409 once it has started. */
    @Transactional
    InspectionPlan update(UUID id, String title, Map<String, String> typed, Access access) {
        var plan = lock(id, access);
        var v = new ArrayList<Violation>();
        String t = title == null ? "" : title.strip();
        PlanRequest.title(t).ifPresent(v::add);
        Map<InspectionKpi, SupervisionSettings.Target> targets = Map.of();
        try {
            targets = PlanRequest.targets(typed);
        } catch (InvalidInputException e) {
            v.addAll(e.violations());
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        if (plan.state() != PlanState.DRAFT) {
            throw new ConflictException("supervision.conflict.notDraft", plan.planNo());
        }
        rows.retitle(id, t);
        targets.forEach((k, x) -> rows.putKpi(id, k, x.target(), x.weight()));
        audit.record(
                access.actor(),
                AuditedObject.INSPECTION_PLAN,
                plan.planNo(),
                AuditOperation.UPDATE,
                null,
                AuditDetail.of("audit.detail.supervisionPlanUpdated", t).encoded());
        return get(id, access);
    }

    /** 草稿 → 进行中. */
    @Transactional
    InspectionPlan start(UUID id, Access access) {
        return move(id, PlanState.DRAFT, PlanState.ACTIVE, "", AuditOperation.START, access);
    }

    /** 已评定 → 已关闭. */
    @Transactional
    InspectionPlan close(UUID id, Access access) {
        return move(id, PlanState.EVALUATED, PlanState.CLOSED, "closed_at", AuditOperation.CLOSE, access);
    }

    InspectionPlan move(UUID id, PlanState from, PlanState to, String stamp, AuditOperation op, Access access) {
        var plan = lock(id, access);
        if (!rows.move(id, from, to, stamp)) {
            throw new ConflictException("supervision.conflict.state", plan.planNo());
        }
        audit.record(
                access.actor(),
                AuditedObject.INSPECTION_PLAN,
                plan.planNo(),
                op,
                null,
                AuditDetail.of("audit.detail.supervisionPlanState", AuditDetail.label(to.labelKey()))
                        .encoded());
        return get(id, access);
    }

    /** The plan, locked for the rest of the transaction, when it was made within the reader's subtree. */
    PlanRows.Head lock(UUID id, Access access) {
        return rows.head(id, access.scope().orgPath(), true)
                .orElseThrow(() -> new NotFoundException("INSPECTION_PLAN", id.toString()));
    }

    /** The plan when it was made within the reader's subtree; 404 otherwise. */
    InspectionPlan get(UUID id, Access access) {
        var h = rows.head(id, access.scope().orgPath(), false)
                .orElseThrow(() -> new NotFoundException("INSPECTION_PLAN", id.toString()));
        return assemble(h);
    }

    /** Whether the plan was made within the reader's subtree. */
    boolean visible(UUID id, Access access) {
        return rows.head(id, access.scope().orgPath(), false).isPresent();
    }

    /** The plans the reader may see, newest first (at most 200). */
    List<PlanRows.Head> list(Access access) {
        return rows.list(access.scope().orgPath(), LIST_LIMIT);
    }

    /** The units a plan may inspect: within the inspector's subtree, newest tree first. */
    List<OrgUnit> selectable(Access access) {
        return organisations.subtree(access.scope().orgPath());
    }

    private InspectionPlan assemble(PlanRows.Head h) {
        var units = rows.units(h.id()).stream()
                .map(ids -> organisations
                        .byId(ids[0])
                        .map(o -> new InspectionPlan.Unit(o.id(), o.path(), o.name()))
                        .orElseThrow())
                .toList();
        return new InspectionPlan(
                h.id(),
                h.planNo(),
                h.title(),
                h.period(),
                h.state(),
                h.orgPath(),
                h.createdBy(),
                h.createdAt(),
                h.computedAt(),
                h.evaluatedAt(),
                h.closedAt(),
                units,
                rows.kpis(h.id()),
                rows.items(h.id()));
    }

    private List<OrgUnit> units(List<Long> ids, Access access) {
        var out = new ArrayList<OrgUnit>();
        for (long id : ids) {
            var unit = organisations.byId(id).filter(o -> o.path()
                    .startsWith(access.scope().orgPath()));
            if (unit.isEmpty()) {
                throw new InvalidInputException(new Violation(
                        "orgIds", "unitOutOfScope", "supervision.rule.unitOutOfScope", List.of(Long.toString(id))));
            }
            out.add(unit.get());
        }
        return out;
    }
}
