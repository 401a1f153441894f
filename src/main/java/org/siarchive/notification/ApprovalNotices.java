package org.siarchive.notification;

import java.util.List;
import org.siarchive.disposition.AppraisalAwaitingApproval;
import org.siarchive.disposition.AppraisalTaskAssigned;
import org.siarchive.lending.LoanAwaitingApproval;
import org.siarchive.lending.LoanGranted;
import org.siarchive.security.Permission;
import org.siarchive.security.Recipients;
import org.siarchive.shared.ReadableTime;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Approvals waiting and decisions made (issue 18): a use request waiting for a step tells the approvers who could
 * decide it (within the applicant's organisation, cleared for its most sensitive item, not the applicant, at step
 * 2 not the first approver and at the first approver's level or above); a granted request tells its applicant; a
 * batch appraised tells the approvers of its fonds' organisation; a member added to an appraisal group is told of
 * the task. Listeners run after the publishing transaction commits, from persisted event publications; a
 * redelivered event tells nobody twice (natural keys).
 */
@Component
class ApprovalNotices {

    private final Recipients recipients;
    private final Notifications notifications;
    private final ReadableTime time;

    ApprovalNotices(Recipients recipients, Notifications notifications, ReadableTime time) {
        this.recipients = recipients;
        this.notifications = notifications;
        this.time = time;
    }

    @ApplicationModuleListener
    void on(LoanAwaitingApproval e) {
        String first = e.firstApprover();
        String firstOrg = e.firstApproverOrgPath();
        var approvers = recipients.withPermissionOver(Permission.LOAN_APPROVE, e.orgPath()).stream()
                .filter(h -> !h.username().equals(e.applicant()))
                .filter(h -> h.clearance() >= e.maxSecurityLevel())
                .filter(h -> first == null
                        || (!h.username().equals(first) && firstOrg != null && firstOrg.startsWith(h.orgPath())))
                .map(Recipients.Holder::username)
                .toList();
        notifications.notify(
                approvers,
                new Message(
                        NotificationKind.LOAN_AWAITING,
                        "loan-awaiting:" + e.requestId() + ":" + e.step(),
                        "notification.message.loanAwaiting",
                        List.of(
                                Long.toString(e.requestId()),
                                Integer.toString(e.step()),
                                Integer.toString(e.stepsRequired())),
                        null,
                        "/lending/requests/" + e.requestId()));
    }

    @ApplicationModuleListener
    void on(LoanGranted e) {
        recipients
                .active(e.borrower())
                .ifPresent(h -> notifications.notify(
                        List.of(h.username()),
                        new Message(
                                NotificationKind.LOAN_GRANTED,
                                "loan-granted:" + e.requestId(),
                                "notification.message.loanGranted",
                                List.of(
                                        Long.toString(e.requestId()),
                                        time.format(e.grantedUntil(), ReadableTime.MINUTES)),
                                null,
                                "/lending/requests/" + e.requestId())));
    }

    @ApplicationModuleListener
    void on(AppraisalAwaitingApproval e) {
        var approvers = recipients.withPermissionOver(Permission.DISPOSITION_APPROVE, e.orgPath(), e.fondsId()).stream()
                .map(Recipients.Holder::username)
                .toList();
        String round = e.appraisedAt() == null ? "" : ":" + e.appraisedAt().toInstant();
        notifications.notify(
                approvers,
                new Message(
                        NotificationKind.APPRAISAL_AWAITING,
                        "appraisal-awaiting:" + e.batchId() + round,
                        "notification.message.appraisalAwaiting",
                        List.of(e.batchNo()),
                        null,
                        "/disposition/batches/" + e.batchId()));
    }

    @ApplicationModuleListener
    void on(AppraisalTaskAssigned e) {
        recipients
                .active(e.login())
                .ifPresent(h -> notifications.notify(
                        List.of(h.username()),
                        new Message(
                                NotificationKind.APPRAISAL_TASK,
                                "appraisal-task:" + e.batchId() + ":" + e.login(),
                                "notification.message.appraisalTask",
                                List.of(e.batchNo()),
                                null,
                                "/disposition/batches/" + e.batchId())));
    }
}
