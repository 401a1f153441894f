package org.siarchive.portal;

import java.util.List;
import org.siarchive.continuation.CaseProgressed;
import org.siarchive.continuation.PersonCases;
import org.siarchive.notification.Message;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a person of their 转移接续 case's progress (issue 19, item 5): each new state of the case becomes a portal
 * message — and an SMS when the account gave a phone — if the person has a portal account. Once per case and
 * state (the natural key), so a redelivered event tells nothing twice.
 */
@Component
class CaseProgressNotices {

    private final PersonCases cases;
    private final PortalAccounts accounts;
    private final PortalNotices notices;

    CaseProgressNotices(PersonCases cases, PortalAccounts accounts, PortalNotices notices) {
        this.cases = cases;
        this.accounts = accounts;
        this.notices = notices;
    }

    @ApplicationModuleListener
    void on(CaseProgressed event) {
        cases.certNoOfCase(event.caseId())
                .flatMap(cert -> accounts.find(PortalUser.Kind.PERSON, cert))
                .ifPresent(account -> notices.notify(
                        account,
                        "portal.notice.case.progress",
                        List.of(event.caseNo(), Message.label(event.state().labelKey())),
                        "case-progress:" + event.caseId() + ":" + event.state().name()));
    }
}
