package org.siarchive.notification;

import java.time.LocalDate;
import java.util.List;
import org.siarchive.security.Permission;
import org.siarchive.security.Recipients;
import org.siarchive.supervision.RectificationAssigned;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Rectification items (整改事项, issue 18): an item assigned tells its owner — or, when the unit as a whole owns it
 * (or the owner's account is no longer active), the unit's accounts holding {@code supervision:rectify} — and is
 * remembered with its deadline, so that the daily sweep reminds the same people a few working days before it and
 * once it has passed.
 */
@Component
class RectificationNotices {

    private final Recipients recipients;
    private final Notifications notifications;
    private final Deadlines deadlines;

    RectificationNotices(Recipients recipients, Notifications notifications, Deadlines deadlines) {
        this.recipients = recipients;
        this.notifications = notifications;
        this.deadlines = deadlines;
    }

    @ApplicationModuleListener
    void on(RectificationAssigned e) {
        var d = new Deadlines.Deadline(e.rectificationId(), e.orgPath(), e.owner(), e.title(), e.deadline());
        deadlines.remember(d);
        tell(d, NotificationKind.RECTIFICATION_ASSIGNED, "rectification-assigned:", "rectificationAssigned");
    }

    /** Tells whoever works the item; the natural key is {@code prefix} and the item's id. */
    int tell(Deadlines.Deadline d, NotificationKind kind, String prefix, String message) {
        return notifications.notify(
                whoWorks(d),
                new Message(
                        kind,
                        prefix + d.rectificationId(),
                        "notification.message." + message,
                        List.of(date(d.deadline())),
                        d.title(),
                        "/supervision/rectifications/" + d.rectificationId()));
    }

    private List<String> whoWorks(Deadlines.Deadline d) {
        String owner = d.owner();
        if (owner != null) {
            var account = recipients.active(owner);
            if (account.isPresent()) {
                return List.of(account.get().username());
            }
        }
        return recipients.withPermissionOver(Permission.SUPERVISION_RECTIFY, d.orgPath()).stream()
                .map(Recipients.Holder::username)
                .toList();
    }

    private static String date(LocalDate d) {
        return d.toString();
    }
}
