package org.siarchive.notification;

import org.siarchive.shared.Labelled;

/** What a notification is about; its label ({@code notification.kind.<name>}) heads the line in the inbox. */
public enum NotificationKind implements Labelled {
    /** A use request (利用单) waits for this approver's decision. */
    LOAN_AWAITING,
    /** The reader's use request was granted. */
    LOAN_GRANTED,
    /** A physical loan (实体借阅) is due within the reminder window. */
    LOAN_DUE,
    /** A physical loan is overdue. */
    LOAN_OVERDUE,
    /** The account was made a member of an appraisal group (鉴定小组). */
    APPRAISAL_TASK,
    /** An appraisal batch (鉴定批次) waits for the leader's approval. */
    APPRAISAL_AWAITING,
    /** A security alert (安全告警) was raised. */
    SECURITY_ALERT,
    /** A rectification item (整改事项) was assigned. */
    RECTIFICATION_ASSIGNED,
    /** A rectification item's deadline is near. */
    RECTIFICATION_DUE,
    /** A rectification item's deadline has passed. */
    RECTIFICATION_OVERDUE,
    /** A message sent to a person through an external channel only (a one-time code, the portal). */
    DIRECT;

    @Override
    public String labelKey() {
        return "notification.kind." + name();
    }
}
