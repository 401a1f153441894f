package org.siarchive.disposition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.AppraisalFacts;
import org.siarchive.catalog.GuardedOperation;
import org.siarchive.catalog.ItemGuards;
import org.siarchive.security.Accounts;
import org.siarchive.security.Permission;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.ForbiddenException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The group's work on a batch while it is 未鉴定: members (accounts or named persons), decisions per item or
 * for all at once (set-based), each member's opinion, and completing the appraisal (→ 已鉴定未审核) once
 * every item is decided, each group role is present and every member has given an opinion on the batch.
 */
@Component
public class AppraisalWork {

    private final AppraisalBatches batches;
    private final WorkRows rows;
    private final BatchRows batchRows;
    private final AppraisalFacts facts;
    private final Accounts accounts;
    private final ItemGuards guards;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    AppraisalWork(
            AppraisalBatches batches,
            WorkRows rows,
            BatchRows batchRows,
            AppraisalFacts facts,
            Accounts accounts,
            ItemGuards guards,
            AuditTrail audit,
            ApplicationEventPublisher events) {
        this.batches = batches;
        this.rows = rows;
        this.batchRows = batchRows;
        this.facts = facts;
        this.accounts = accounts;
        this.guards = guards;
        this.audit = audit;
        this.events = events;
    }

    /** A member: an account (login; its name is the account's) or a named person with a unit. */
    public record NewMember(
            @Nullable String role, @Nullable String login, @Nullable String name, @Nullable String unit) {}

    /** A decision on the named items (none named: every item of the batch). */
    public record NewDecision(
            @Nullable List<UUID> itemIds,
            @Nullable String decision,
            @Nullable String newRetentionCode,
            @Nullable String reason) {}

    /** An opinion; {@code memberSeq} null means the caller's own membership, {@code itemId} null the whole batch. */
    public record NewOpinion(
            @Nullable Integer memberSeq, @Nullable UUID itemId, @Nullable String verdict, @Nullable String opinion) {}

    @Transactional
    public int addMember(long batchId, NewMember m, Access access) {
        var b = batches.lock(batchId, access);
        b.state().requireOpenForAppraisal(b.batchNo());
        var role = parse(GroupRole.class, m.role(), "role");
        String login = strip(m.login());
        String unit = strip(m.unit());
        String name;
        if (login != null) {
            var account = accounts.byUsername(login)
                    .filter(a -> a.orgPath().startsWith(access.scope().orgPath()) && !a.administrator())
                    .filter(a -> accounts.permissions(a).contains(Permission.DISPOSITION_APPRAISE))
                    .orElseThrow(() -> new InvalidInputException(AppraisalWork.rule("login", "noSuchMember")));
            name = account.displayName();
            unit = unit == null ? account.orgName() : unit;
        } else {
            name = strip(m.name());
            if (name == null || name.length() > 100) {
                throw new InvalidInputException(Violation.of("name", name == null ? "required" : "maxLength", 100));
            }
        }
        if (unit != null && unit.length() > 200) {
            throw new InvalidInputException(Violation.of("unit", "maxLength", 200));
        }
        int seq = rows.addMember(b.id(), role, login, name, unit);
        record(
                access,
                b,
                AuditOperation.UPDATE,
                AuditDetail.of("audit.detail.appraisalMember", name, AuditDetail.label(role.labelKey())));
        if (login != null) {
            events.publishEvent(new AppraisalTaskAssigned(b.id(), b.batchNo(), login));
        }
        return seq;
    }

    @Transactional
    public void removeMember(long batchId, int seq, Access access) {
        var b = batches.lock(batchId, access);
        b.state().requireOpenForAppraisal(b.batchNo());
        if (!rows.removeMember(b.id(), seq)) {
            throw new InvalidInputException(AppraisalWork.rule("seq", "noSuchMember"));
        }
        record(access, b, AuditOperation.UPDATE, AuditDetail.of("audit.detail.appraisalMemberRemoved", seq));
    }

    @Transactional
    public int decide(long batchId, NewDecision d, Access access) {
        var b = batches.lock(batchId, access);
        b.state().requireOpenForAppraisal(b.batchNo());
        var decision = parse(Decision.class, d.decision(), "decision");
        String reason = strip(d.reason());
        var v = new ArrayList<Violation>();
        if (reason == null || reason.length() > 500) {
            v.add(Violation.of("reason", reason == null ? "required" : "maxLength", 500));
        }
        var terms = facts.termYears();
        String code = decision == Decision.EXTEND ? strip(d.newRetentionCode()) : null;
        if (decision == Decision.EXTEND && (code == null || !terms.containsKey(code))) {
            v.add(Violation.of("newRetentionCode", code == null ? "required" : "codeTable", code));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        List<UUID> ids = d.itemIds() == null || d.itemIds().isEmpty() ? null : List.copyOf(d.itemIds());
        if (decision == Decision.EXTEND) {
            rows.firstWithTerm(b.id(), ids, notLonger(terms, code)).ifPresent(c -> {
                throw new ConflictException("disposition.batch.conflict.notLonger", c);
            });
        } else {
            guards.check(ids == null ? rows.itemIds(b.id()) : ids, GuardedOperation.APPRAISE_FOR_DESTRUCTION);
        }
        int n = rows.decide(b.id(), ids, decision, code, reason);
        if (ids != null && n < ids.size()) {
            throw new InvalidInputException(AppraisalWork.rule("itemId", "notInBatch"));
        }
        record(
                access,
                b,
                AuditOperation.DECIDE,
                AuditDetail.of(
                        "audit.detail.appraisalDecided",
                        n,
                        AuditDetail.label(decision.labelKey()),
                        code == null ? "—" : AuditDetail.label("directory.retention." + code)));
        return n;
    }

    /** Terms that {@code code} would not lengthen: every fixed term of at least as many years (none for 永久). */
    static List<String> notLonger(Map<String, Optional<Integer>> terms, String code) {
        var target = terms.get(code);
        var out = new ArrayList<String>();
        terms.forEach((c, years) -> {
            if (years.isEmpty() || (target.isPresent() && years.get() >= target.get())) {
                out.add(c);
            }
        });
        return out;
    }

    @Transactional
    public void opinion(long batchId, NewOpinion o, Access access) {
        var b = batches.lock(batchId, access);
        b.state().requireOpenForAppraisal(b.batchNo());
        var verdict = parse(Verdict.class, o.verdict(), "verdict");
        String text = strip(o.opinion());
        if (text != null && text.length() > 1000) {
            throw new InvalidInputException(Violation.of("opinion", "maxLength", 1000));
        }
        var members = rows.members(b.id());
        String me = access.actor().name();
        var member = (o.memberSeq() == null
                        ? members.stream().filter(m -> me.equals(m.login()))
                        : members.stream().filter(m -> m.seq() == o.memberSeq()))
                .findFirst()
                .orElseThrow(() -> new ForbiddenException("disposition.batch.forbidden.notMember", b.batchNo()));
        boolean own = me.equals(member.login());
        boolean onBehalf = member.login() == null && access.can(Permission.DISPOSITION_PROPOSE);
        if (!own && !onBehalf) {
            throw new ForbiddenException("disposition.batch.forbidden.notMember", b.batchNo());
        }
        if (o.itemId() != null && !rows.inBatch(b.id(), o.itemId())) {
            throw new InvalidInputException(AppraisalWork.rule("itemId", "notInBatch"));
        }
        rows.opinion(b.id(), member.seq(), o.itemId(), verdict, text, me);
        record(
                access,
                b,
                AuditOperation.RECORD_OPINION,
                AuditDetail.of("audit.detail.appraisalOpinion", member.name(), AuditDetail.label(verdict.labelKey())));
    }

    /** 未鉴定 → 已鉴定未审核: every item decided, each group role present, every member's opinion on the batch. */
    @Transactional
    public AppraisalBatches.Batch complete(long batchId, Access access) {
        var b = batches.lock(batchId, access);
        var next = b.state().appraise(b.batchNo());
        var present =
                rows.members(b.id()).stream().map(AppraisalBatches.Member::role).toList();
        for (var role : GroupRole.values()) {
            if (!present.contains(role)) {
                throw new ConflictException("disposition.batch.conflict.roleMissing" + role.name(), b.batchNo());
            }
        }
        long undecided = rows.undecided(b.id());
        if (undecided > 0) {
            throw new ConflictException("disposition.batch.conflict.undecided", b.batchNo(), undecided);
        }
        var silent = rows.withoutOpinion(b.id());
        if (!silent.isEmpty()) {
            throw new ConflictException("disposition.batch.conflict.noOpinion", b.batchNo(), String.join("、", silent));
        }
        batchRows.moveTo(b.id(), next);
        record(
                access,
                b,
                AuditOperation.APPRAISE,
                AuditDetail.of("audit.detail.appraisalState", AuditDetail.label(next.labelKey())));
        var done = batchRows.batch(b.id()).orElseThrow();
        events.publishEvent(new AppraisalAwaitingApproval(
                b.id(),
                b.batchNo(),
                b.fondsId(),
                facts.fondsOrgPath(b.fondsId()).orElse("/"),
                done.appraisedAt()));
        return done;
    }

    private void record(Access access, AppraisalBatches.Batch b, AuditOperation op, AuditDetail detail) {
        audit.record(access.actor(), AuditedObject.APPRAISAL_BATCH, b.batchNo(), op, null, detail.encoded());
    }

    static <E extends Enum<E>> E parse(Class<E> type, @Nullable String value, String field) {
        try {
            if (value != null) {
                return Enum.valueOf(type, value.strip());
            }
        } catch (IllegalArgumentException e) {
            // named below
        }
        throw new InvalidInputException(Violation.of(field, value == null ? "required" : "codeTable", value));
    }

    /** A broken rule of appraisal, read under {@code disposition.batch.rule.<name>}. */
    static Violation rule(String field, String name, Object... args) {
        return new Violation(
                field,
                name,
                "disposition.batch.rule." + name,
                java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    static @Nullable String strip(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
