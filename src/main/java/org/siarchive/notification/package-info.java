/**
 * Notifications (通知): one inbox per account — approvals waiting, loans granted or due, overdue returns,
 * appraisal tasks, security alerts, rectification deadlines — shown behind the bell of the console's top bar, and
 * the {@code Notifier} port through which a notification also leaves by SMS or e-mail when an installation
 * configures those channels (the console inbox is the default channel).
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {
            "audit",
            "comparison",
            "disposition",
            "lending",
            "monitoring",
            "organisation",
            "security",
            "shared",
            "supervision"
        })
package org.siarchive.notification;

import org.jspecify.annotations.NullMarked;
