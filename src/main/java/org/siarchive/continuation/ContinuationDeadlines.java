package org.siarchive.continuation;

import java.time.LocalDate;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ReadableTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily overdue check: an open case whose deadline passed gets its overdue warning once per deadline — the
 * date noted ({@code overdue_noted}), an OVERDUE step and an audit entry, in one transaction — and the worklist
 * shows it first. Runs each morning (Beijing time); tests call {@link #run(LocalDate)} with the day they need.
 */
@Component
public class ContinuationDeadlines {

    private final JdbcClient jdbc;
    private final CaseRows rows;
    private final CaseSteps steps;
    private final AuditTrail audit;
    private final ReadableTime time;
    private final TransactionTemplate tx;

    ContinuationDeadlines(
            JdbcClient jdbc,
            CaseRows rows,
            CaseSteps steps,
            AuditTrail audit,
            ReadableTime time,
            TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.steps = steps;
        this.audit = audit;
        this.time = time;
        this.tx = tx;
    }

    @Scheduled(cron = "${siarchive.continuation.overdue-cron:0 30 6 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "continuation-deadlines", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
    void daily() {
        run(time.today());
    }

    /** Raises the warnings due on {@code today}; returns the cases warned now. */
    public List<String> run(LocalDate today) {
        List<Long> ids = jdbc.sql("select id from continuation_case where due_on < :today "
                        + "and state not in ('COMPLETED', 'CLOSED', 'REFUSED') "
                        + "and overdue_noted is distinct from due_on order by due_on, id limit 10000")
                .param("today", today)
                .query(Long.class)
                .list();
        var warned = new java.util.ArrayList<String>();
        for (long id : ids) {
            Boolean raised = tx.execute(s -> {
                var c = rows.byId(id);
                int n = jdbc.sql("update continuation_case set overdue_noted = due_on where id = :id "
                                + "and due_on = :due and overdue_noted is distinct from due_on")
                        .param("id", id)
                        .param("due", c.dueOn())
                        .update();
                if (n != 1) {
                    return false;
                }
                steps.record(c, "OVERDUE", c.dueOn(), null, null, Actor.SYSTEM);
                audit.record(
                        Actor.SYSTEM,
                        AuditedObject.CONTINUATION_CASE,
                        c.caseNo(),
                        AuditOperation.RAISE,
                        null,
                        AuditDetail.of("audit.detail.continuationOverdue", c.caseNo(), c.dueOn())
                                .encoded());
                return true;
            });
            if (Boolean.TRUE.equals(raised)) {
                warned.add(rows.byId(id).caseNo());
            }
        }
        return warned;
    }
}
