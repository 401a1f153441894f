package org.siarchive.notification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.siarchive.lending.LoansDue;
import org.siarchive.organisation.WorkingDays;
import org.siarchive.security.Permission;
import org.siarchive.security.Recipients;
import org.siarchive.shared.ReadableTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily notification sweep (issue 18), at 07:30 Beijing time by default
 * ({@code siarchive.notification.sweep-cron}; {@code -} switches it off, as the tests do, which call
 * {@link #sweep(LocalDate)}): physical loans due within {@code siarchive.notification.loan-due-days} (3) days or
 * overdue tell the archivist who lent them and the unit's lending managers, once per loan, day and kind;
 * rectification items due within {@code siarchive.notification.rectification-working-days} (3) working days, and
 * those past their deadline, tell whoever works them, once each.
 */
@Component
class DailySweep {

    /** What one sweep told: accounts told about loans and about rectifications. */
    record Swept(int loans, int rectifications) {}

    private final LoansDue loansDue;
    private final Deadlines deadlines;
    private final RectificationNotices rectifications;
    private final Recipients recipients;
    private final Notifications notifications;
    private final WorkingDays workingDays;
    private final ReadableTime time;
    private final int loanDays;
    private final int rectificationDays;

    DailySweep(
            LoansDue loansDue,
            Deadlines deadlines,
            RectificationNotices rectifications,
            Recipients recipients,
            Notifications notifications,
            WorkingDays workingDays,
            ReadableTime time,
            @Value("${siarchive.notification.loan-due-days:3}") int loanDays,
            @Value("${siarchive.notification.rectification-working-days:3}") int rectificationDays) {
        this.loansDue = loansDue;
        this.deadlines = deadlines;
        this.rectifications = rectifications;
        this.recipients = recipients;
        this.notifications = notifications;
        this.workingDays = workingDays;
        this.time = time;
        this.loanDays = Math.max(0, Math.min(loanDays, 30));
        this.rectificationDays = Math.max(0, Math.min(rectificationDays, 30));
    }

    @Scheduled(cron = "${siarchive.notification.sweep-cron:0 30 7 * * *}", zone = ReadableTime.DEFAULT_ZONE)
    @SchedulerLock(name = "notification-daily-sweep", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
    void scheduled() {
        sweep(time.today());
    }

    Swept sweep(LocalDate today) {
        return new Swept(loans(today), rectifications(today));
    }

    private int loans(LocalDate today) {
        int told = 0;
        for (var loan : loansDue.by(today.plusDays(loanDays))) {
            boolean overdue = loan.dueDate().isBefore(today);
            var accounts = new ArrayList<String>();
            recipients.active(loan.lentBy()).ifPresent(h -> accounts.add(h.username()));
            recipients
                    .withPermissionOver(Permission.LOAN_MANAGE, loan.orgPath())
                    .forEach(h -> accounts.add(h.username()));
            told += notifications.notify(
                    accounts,
                    new Message(
                            overdue ? NotificationKind.LOAN_OVERDUE : NotificationKind.LOAN_DUE,
                            (overdue ? "loan-overdue:" : "loan-due:") + loan.id() + ":" + today,
                            overdue ? "notification.message.loanOverdue" : "notification.message.loanDue",
                            List.of(Long.toString(loan.id()), loan.dueDate().toString()),
                            null,
                            "/lending/physical/" + loan.id()));
        }
        return told;
    }

    private int rectifications(LocalDate today) {
        int told = 0;
        var window = deadlines.between(today.minusDays(Deadlines.OVERDUE_WINDOW_DAYS), today.plusDays(60));
        for (var d : window) {
            if (d.deadline().isBefore(today)) {
                told += rectifications.tell(
                        d, NotificationKind.RECTIFICATION_OVERDUE, "rectification-overdue:", "rectificationOverdue");
            } else if (workingDays.between(today, d.deadline()) <= rectificationDays) {
                told += rectifications.tell(
                        d, NotificationKind.RECTIFICATION_DUE, "rectification-due:", "rectificationDue");
            }
        }
        return told;
    }
}
