package org.siarchive.comparison;

import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ReadableTime;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a day, a reminder for every open warning past its working-day deadline: a history line (REMIND), the
 * warning's reminder count, and an audit entry (WARNING REMIND), one transaction per warning, at most one per
 * warning and day — so running it twice a day, or after a restart, reminds nobody twice.
 */
@Component
public class WarningReminders {

    static final Actor REMINDER = new Actor("warning-reminder", "127.0.0.1", "siarchive warning reminders");
    static final int BATCH = 500;

    private final WarningRows rows;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final ReadableTime time;

    WarningReminders(WarningRows rows, AuditTrail audit, TransactionTemplate tx, ReadableTime time) {
        this.rows = rows;
        this.audit = audit;
        this.tx = tx;
        this.time = time;
    }

    /** The schedule: once in the cluster (a skipped locked call cannot return an int). */
    @Scheduled(cron = "${siarchive.comparison.warnings.reminder-cron:0 30 8 * * *}")
    @SchedulerLock(name = "comparison-warning-reminders", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
    void scheduledReminders() {
        remind();
    }

    public int remind() {
        return remind(time.today());
    }

    /** Reminds of the warnings overdue on {@code today}; returns how many were reminded. */
    public int remind(LocalDate today) {
        int total = 0;
        while (true) {
            var due = rows.overdueUnreminded(today, BATCH);
            int n = 0;
            for (var w : due) {
                Boolean done = tx.execute(s -> {
                    if (!rows.reminded(w.id(), today)) {
                        return false;
                    }
                    rows.event(w.id(), REMINDER.name(), "REMIND", w.dueOn().toString());
                    audit.record(
                            REMINDER,
                            AuditedObject.WARNING,
                            w.warningNo(),
                            AuditOperation.REMIND,
                            null,
                            AuditDetail.of("audit.detail.warningOverdue", w.dueOn())
                                    .encoded());
                    return true;
                });
                n += Boolean.TRUE.equals(done) ? 1 : 0;
            }
            total += n;
            if (due.size() < BATCH || n == 0) {
                return total;
            }
        }
    }
}
