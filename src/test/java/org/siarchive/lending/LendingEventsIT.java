package org.siarchive.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Scope;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Lending's state changes are told to the rest of the platform (ADR 0046): the last approval of a use request
 * publishes {@link LoanGranted}, a return of originals publishes {@link LoanReturned}; an earlier step, a
 * rejection or a refused transition publishes nothing.
 */
@RecordApplicationEvents
class LendingEventsIT extends IntegrationTest {

    @Autowired
    Captures captures;

    @Autowired
    Organisations organisations;

    @Autowired
    LoanRequests requests;

    @Autowired
    PhysicalLoans physical;

    @Autowired
    ApplicationEvents events;

    @Test
    void theLastApprovalOfARequestPublishesLoanGranted() {
        // given a two-step request (a sensitive item) for two items by a reader
        var open = capture("1");
        var sensitive = capture("2");
        var reader = access("reader");
        long id = requests.request(
                new LoanRequests.NewRequest(
                        List.of(open.archiveCode(), sensitive.archiveCode()), "AUDIT", "审计抽查", 3, false, false),
                reader);

        // when the first approver agrees, nothing is granted yet
        requests.decide(id, true, null, access("approver1"));
        assertThat(events.stream(LoanGranted.class)).isEmpty();

        // when the second approver agrees
        var granted = requests.decide(id, true, "同意", access("approver2"));

        // then the request is approved and LoanGranted names it
        assertThat(granted.status()).isEqualTo(LoanRequestState.APPROVED);
        assertThat(events.stream(LoanGranted.class)).singleElement().satisfies(e -> {
            assertThat(e.requestId()).isEqualTo(id);
            assertThat(e.borrower()).isEqualTo(reader.actor().name());
            assertThat(e.purposeCode()).isEqualTo("AUDIT");
            assertThat(e.itemCount()).isEqualTo(2);
            assertThat(e.orgPath()).isEqualTo(organisations.root().path());
            assertThat(e.grantedFrom()).isEqualTo(granted.grantedFrom());
            assertThat(e.grantedUntil()).isEqualTo(granted.grantedUntil());
        });
        // and the request and its decision were published for the utilisation statistics (issue 18)
        assertThat(events.stream(LoanRequested.class)).singleElement().satisfies(e -> {
            assertThat(e.requestId()).isEqualTo(id);
            assertThat(e.itemCount()).isEqualTo(2);
            assertThat(e.requestedAt()).isEqualTo(granted.createdAt());
        });
        assertThat(events.stream(LoanDecided.class)).singleElement().satisfies(e -> {
            assertThat(e.approved()).isTrue();
            assertThat(e.requestedAt()).isEqualTo(granted.createdAt());
            assertThat(e.decidedAt()).isAfterOrEqualTo(e.requestedAt());
        });
    }

    @Test
    void aRejectedOrWithdrawnRequestPublishesNothingAndCannotBeDecidedAgain() {
        var reader = access("reader");
        long id = requests.request(
                new LoanRequests.NewRequest(List.of(capture("1").archiveCode()), "QUERY", "核对", 1, false, false),
                reader);

        requests.decide(id, false, "用途不明", access("approver"));

        assertThat(requests.visible(id, reader, false).status()).isEqualTo(LoanRequestState.REJECTED);
        assertThatThrownBy(() -> requests.decide(id, true, null, access("other")))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("conflict.loanNotPending"));
        assertThatThrownBy(() -> requests.withdraw(id, reader)).isInstanceOf(ConflictException.class);
        assertThat(events.stream(LoanGranted.class)).isEmpty();
        assertThat(events.stream(LoanDecided.class)).singleElement().satisfies(e -> assertThat(e.approved())
                .isFalse());
    }

    @Test
    void everyReturnOfOriginalsPublishesLoanReturned() {
        // given two originals lent to a borrower
        var first = capture("1");
        var second = capture("1");
        var archivist = access("archivist");
        long id = physical.lend(
                new PhysicalLoans.NewLoan(
                        "郑借",
                        "区审计局",
                        "UNIT",
                        "AUDIT",
                        "审计核查",
                        List.of(first.archiveCode(), second.archiveCode()),
                        ReadableTime.beijing().today().plusDays(10)),
                archivist);

        // when one comes back damaged, then the other
        var partial = physical.giveBack(id, List.of(first.archiveCode()), true, archivist);
        var returned = physical.giveBack(id, List.of(), false, archivist);

        // then the loan is PARTIAL, then RETURNED, and each return was published
        assertThat(partial.status()).isEqualTo(PhysicalLoanState.PARTIAL);
        assertThat(returned.status()).isEqualTo(PhysicalLoanState.RETURNED);
        var published = events.stream(LoanReturned.class).toList();
        assertThat(published).hasSize(2).allSatisfy(e -> {
            assertThat(e.loanId()).isEqualTo(id);
            assertThat(e.borrower()).isEqualTo("郑借");
            assertThat(e.borrowerUnit()).isEqualTo("区审计局");
            assertThat(e.orgPath()).isEqualTo(organisations.root().path());
            assertThat(e.at()).isNotNull();
        });
        assertThat(published.get(0).returned()).isEqualTo(1);
        assertThat(published.get(0).damaged()).isTrue();
        assertThat(published.get(0).complete()).isFalse();
        assertThat(published.get(1).stillOut()).isZero();
        assertThat(published.get(1).complete()).isTrue();
        // and a loan returned in full refuses another return or an extension
        assertThatThrownBy(() -> physical.giveBack(id, List.of(), false, archivist))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("conflict.loanReturned"));
        assertThatThrownBy(
                        () -> physical.extend(id, ReadableTime.beijing().today().plusDays(20), "再借", archivist))
                .isInstanceOf(ConflictException.class);
        assertThat(events.stream(LoanReturned.class)).hasSize(2);
    }

    /** A caller at the root organisation, cleared for every level. */
    private Access access(String role) {
        String name = role + UUID.randomUUID().toString().substring(0, 6);
        var scope = new Scope(organisations.root().path(), null, 3);
        return new Access(new Actor(name, "127.0.0.1", "test"), scope, Set.of());
    }

    private ItemRecord capture(String level) {
        var s = Samples.personEnrolment(
                "0001", level, Samples.acceptanceNo(), Samples.citizenId(1971), "事件" + level, "13800138000", null);
        return captures.capture(
                        s,
                        List.of(
                                Upload.ofBytes("a.png", Samples.png(7900 + (int) (System.nanoTime() % 500))),
                                Upload.ofBytes("b.pdf", Samples.pdf("events " + UUID.randomUUID()))),
                        null,
                        Actor.SYSTEM)
                .item();
    }
}
