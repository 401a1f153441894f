package org.siarchive.notification;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Actor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox to SMS and e-mail: each message through its channel's adapter, in a transaction that marks it
 * sent (erasing the address) and writes the audit entry (SEND on NOTIFICATION: personal contact data leaves the
 * platform, the address masked in the trail). A failure is tried again after 1, 2, 4 … minutes, at most
 * {@value #MAX_ATTEMPTS} times, then given up (and the address erased). Every minute by default
 * ({@code siarchive.notification.outbox-cron}; {@code -} switches it off, as the tests do).
 */
@Component
class OutboxWorker {

    static final int MAX_ATTEMPTS = 8;
    static final int BATCH = 100;
    static final Actor SENDER = new Actor("notification-outbox", "127.0.0.1", "siarchive notifications");

    private final OutboxRows rows;
    private final Map<String, Notifier> notifiers;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    OutboxWorker(OutboxRows rows, List<Notifier> notifiers, AuditTrail audit, TransactionTemplate tx) {
        this.rows = rows;
        this.notifiers =
                notifiers.stream().collect(Collectors.toUnmodifiableMap(Notifier::channel, Function.identity()));
        this.audit = audit;
        this.tx = tx;
    }

    @Scheduled(cron = "${siarchive.notification.outbox-cron:0 * * * * *}")
    @SchedulerLock(name = "notification-outbox", lockAtMostFor = "PT10M")
    void scheduled() {
        deliver();
    }

    /** Delivers what is due now, batch by batch; returns how many were sent. */
    int deliver() {
        int sent = 0;
        for (int i = 0; i < 1_000; i++) {
            var r = tx.execute(s -> batch());
            if (r == null) {
                break;
            }
            sent += r.sent();
            if (!r.more()) {
                break;
            }
        }
        return sent;
    }

    private record Batch(int sent, boolean more) {}

    private Batch batch() {
        var due = rows.due(BATCH);
        int sent = 0;
        for (var p : due) {
            if (one(p)) {
                sent++;
            }
        }
        return new Batch(sent, due.size() == BATCH);
    }

    private boolean one(OutboxRows.Pending p) {
        var notifier = notifiers.get(p.channel());
        var m = new Message(
                NotificationKind.valueOf(p.kind()), p.naturalKey(), p.labelKey(), p.args(), p.subject(), p.link());
        var to = new Recipient(
                p.account(),
                Notifier.SMS.equals(p.channel()) ? p.address() : null,
                Notifier.MAIL.equals(p.channel()) ? p.address() : null,
                NoticeText.locale(p.language()));
        try {
            if (notifier == null || p.address() == null) {
                throw new IOException("channel " + p.channel() + " is not configured");
            }
            notifier.deliver(to, m);
        } catch (IOException | RuntimeException e) {
            boolean last = p.attempts() + 1 >= MAX_ATTEMPTS;
            var next = OffsetDateTime.now().plus(Duration.ofMinutes(1L << Math.min(p.attempts(), 10)));
            rows.failed(p.id(), String.valueOf(e.getMessage()), last ? null : next);
            return false;
        }
        rows.sent(p.id());
        audit.record(
                SENDER,
                AuditedObject.NOTIFICATION,
                Long.toString(p.id()),
                AuditOperation.SEND,
                null,
                AuditDetail.of(
                                "audit.detail.notificationSent",
                                AuditDetail.label("notification.channel." + p.channel()),
                                Addresses.masked(p.address()),
                                AuditDetail.label("notification.kind." + p.kind()))
                        .encoded());
        return true;
    }
}
