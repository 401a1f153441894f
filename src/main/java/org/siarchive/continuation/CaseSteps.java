package org.siarchive.continuation;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.organisation.WorkingDays;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way a case moves: a {@code continuation_step} row, the case's new state and deadline, and the audit
 * entry, all in the caller's transaction. The deadline of the step now expected is the configured number of
 * working days (15) after the step's date, on {@link WorkingDays}; a case that ends has none.
 */
@Component
class CaseSteps {

    /** What a step records: its code, the state it leads to, the audit operation, the document it produced. */
    record Move(String step, CaseView.State to, AuditOperation operation, @Nullable String document) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final WorkingDays workingDays;
    private final ContinuationSettings settings;
    private final org.springframework.context.ApplicationEventPublisher events;

    CaseSteps(
            JdbcClient jdbc,
            AuditTrail audit,
            WorkingDays workingDays,
            ContinuationSettings settings,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.audit = audit;
        this.workingDays = workingDays;
        this.settings = settings;
    }

    /** Refuses (409) a step the case's state does not allow. */
    static void expect(CaseView c, Set<CaseView.State> allowed) {
        if (!allowed.contains(c.state())) {
            throw new ConflictException("continuation.conflict.state", c.caseNo());
        }
    }

    /** The deadline of a step taken on {@code day}. */
    LocalDate due(LocalDate day) {
        return workingDays.plus(day, settings.days());
    }

    /** Records the move on {@code day}; returns the new deadline (null when the case ends). */
    @Transactional(propagation = Propagation.MANDATORY)
    @Nullable
    LocalDate move(CaseView c, Move m, LocalDate day, @Nullable String note, Actor actor) {
        LocalDate due = m.to().open() ? due(day) : null;
        int updated = jdbc.sql("update continuation_case set state = :to, due_on = :due, overdue_noted = null, "
                        + "closed_at = case when :ends then now() else closed_at end "
                        + "where id = :id and state = :from")
                .param("to", m.to().name())
                .param("due", due)
                .param("ends", !m.to().open())
                .param("id", c.id())
                .param("from", c.state().name())
                .update();
        if (updated != 1) {
            throw new ConflictException("continuation.conflict.state", c.caseNo());
        }
        record(c, m.step(), due, note, m.document(), actor);
        events.publishEvent(new CaseProgressed(c.id(), c.caseNo(), m.to()));
        audit.record(
                actor,
                AuditedObject.CONTINUATION_CASE,
                c.caseNo(),
                m.operation(),
                null,
                AuditDetail.of(
                                "audit.detail.continuationStep",
                                c.caseNo(),
                                AuditDetail.label("continuation.step." + m.step()),
                                due == null ? "-" : due.toString())
                        .encoded());
        return due;
    }

    /** The first step of a case just written in its first state: its deadline set, the step and audit recorded. */
    @Transactional(propagation = Propagation.MANDATORY)
    void opened(CaseView c, String step, @Nullable String document, AuditOperation op, LocalDate day, Actor actor) {
        LocalDate due = due(day);
        jdbc.sql("update continuation_case set due_on = :due where id = :id")
                .param("due", due)
                .param("id", c.id())
                .update();
        record(c, step, due, null, document, actor);
        events.publishEvent(new CaseProgressed(c.id(), c.caseNo(), c.state()));
        audit.record(
                actor,
                AuditedObject.CONTINUATION_CASE,
                c.caseNo(),
                op,
                null,
                AuditDetail.of(
                                "audit.detail.continuationStep",
                                c.caseNo(),
                                AuditDetail.label("continuation.step." + step),
                                due.toString())
                        .encoded());
    }

    /** Keeps why a case was refused. */
    @Transactional(propagation = Propagation.MANDATORY)
    void refusalReason(CaseView c, String reason) {
        jdbc.sql("update continuation_case set refusal_reason = :r where id = :id")
                .param("r", reason)
                .param("id", c.id())
                .update();
    }

    /** A step row only (the first one, and OVERDUE notes). */
    @Transactional(propagation = Propagation.MANDATORY)
    void record(
            CaseView c,
            String step,
            @Nullable LocalDate due,
            @Nullable String note,
            @Nullable String document,
            Actor actor) {
        jdbc.sql("insert into continuation_step (case_id, seq, step, actor, due_on, note, document) "
                        + "values (:id, (select coalesce(max(seq), 0) + 1 from continuation_step where case_id = :id), "
                        + ":step, :actor, :due, :note, :doc)")
                .param("id", c.id())
                .param("step", step)
                .param("actor", actor.name())
                .param("due", due)
                .param("note", note == null ? null : note.length() > 1000 ? note.substring(0, 1000) : note)
                .param("doc", document)
                .update();
    }
}
