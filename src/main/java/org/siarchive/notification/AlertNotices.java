package org.siarchive.notification;

import java.util.List;
import org.siarchive.monitoring.AlertRaised;
import org.siarchive.security.Permission;
import org.siarchive.security.Recipients;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Security alerts (issue 18): an alert raised tells the accounts holding {@code monitoring:alert} — the security
 * administrators and the auditors — whose unit's subtree covers the alert's organisation (an alert of an unknown
 * organisation, {@code /}, those of the root unit). The line names the rule, never the account it is about.
 */
@Component
class AlertNotices {

    private final Recipients recipients;
    private final Notifications notifications;

    AlertNotices(Recipients recipients, Notifications notifications) {
        this.recipients = recipients;
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void on(AlertRaised e) {
        var accounts = recipients.withPermissionOver(Permission.MONITORING_ALERT, e.orgPath()).stream()
                .map(Recipients.Holder::username)
                .toList();
        notifications.notify(
                accounts,
                new Message(
                        NotificationKind.SECURITY_ALERT,
                        "alert:" + e.alertId(),
                        "notification.message.alert",
                        List.of(Message.label("monitoring.rule.name." + e.ruleCode())),
                        null,
                        "/monitoring/alerts/" + e.alertId()));
    }
}
