package org.siarchive.disposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.siarchive.disposition.WorklistFixture.TEN_YEARS;
import static org.siarchive.disposition.WorklistFixture.capture;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.capture.Captures;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.catalog.ItemSecrecy.Decision;
import org.siarchive.organisation.Organisations;
import org.siarchive.search.ArchiveSearch;
import org.siarchive.search.SearchQuery;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Scope;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The secrecy review (issue 16 item 1): items past their 保密期限 are listed; 解密/降密/维持 change the
 * item, its audit entry commits (or rolls back) with it, search follows the new level so a reader whose
 * clearance was too low finds the item after 解密, and bad decisions answer 422/409/404 writing nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecrecyReviewIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Captures captures;

    @Autowired
    Catalog catalog;

    @Autowired
    Organisations organisations;

    @Autowired
    SecrecyReview review;

    @Autowired
    AuditTrail audit;

    @Autowired
    ArchiveSearch search;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Accounts accounts;

    final String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    long orgId;
    String fonds;
    Access archivist;

    @BeforeAll
    void aCountyFonds() {
        var county =
                organisations.create(organisations.root().id(), "SR" + run, "丙县社保中心" + run, "COUNTY", Actor.SYSTEM);
        orgId = county.id();
        fonds = "S" + run.substring(0, 4);
        catalog.ensureFonds(fonds, "丙县档案" + run, county.name(), county.id(), Actor.SYSTEM);
        archivist = WorklistFixture.archivist("sr" + run, county.path(), 3);
    }

    private ItemRecord item(String level, String docDate, String name) {
        return capture(captures, fonds, TEN_YEARS, docDate, level, name);
    }

    private long found(String name, Scope scope) {
        return search.search(new SearchQuery(name, null, null, null, null, null, 0, 50), scope)
                .page()
                .total();
    }

    private void awaitFound(String name, Scope scope, long expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (found(name, scope) != expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(found(name, scope)).isEqualTo(expected);
    }

    @Test
    void itemsPastTheirDefaultPeriodAreListedAndKeepingMovesThemOut() {
        var old = item("2", "2010-05-05", "密审维持" + run);
        var young = item("2", ReadableTime.beijing().today().minusYears(1).toString(), "密审未到" + run);

        var due = review.due(archivist, 0, 100).content();
        assertThat(due).anySatisfy(d -> {
            assertThat(d.id()).isEqualTo(old.id());
            assertThat(d.dueOn()).isEqualTo(LocalDate.of(2020, 12, 31));
            assertThat(d.secrecyUntil()).isNull();
        });
        assertThat(due).noneMatch(d -> d.id().equals(young.id()));

        var until = ReadableTime.beijing().today().plusYears(5);
        var change = review.decide(old.id(), new SecrecyReview.Submitted(Decision.KEEP, until, "仍涉及个人隐私"), archivist);

        assertThat(change.toLevel()).isEqualTo(2);
        assertThat(change.until()).isEqualTo(until);
        assertThat(review.due(archivist, 0, 100).content()).noneMatch(d -> d.id().equals(old.id()));
    }

    @Test
    void declassifyingIsAuditedAndLetsAReaderWithoutClearanceFindTheItem() throws Exception {
        String name = "密审解密" + run;
        var item = item("2", "2011-02-02", name);
        var publicReader = new Scope(archivist.scope().orgPath(), null, 1);
        awaitFound(name, Scope.EVERYTHING, 1);
        assertThat(found(name, publicReader)).isZero();

        var change =
                review.decide(item.id(), new SecrecyReview.Submitted(Decision.DECLASSIFY, null, "期满解密"), archivist);

        assertThat(change.fromLevel()).isEqualTo(2);
        assertThat(change.toLevel()).isEqualTo(1);
        assertThat(catalog.requireItem(item.id()).securityLevel()).isEqualTo("1");
        assertThat(audit.forObject(AuditedObject.ITEM, item.id().toString()))
                .filteredOn(e -> e.operation().equals("REVIEW_SECRECY"))
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("期满解密"));
        awaitFound(name, publicReader, 1);
        assertThatThrownBy(() -> review.decide(
                        item.id(), new SecrecyReview.Submitted(Decision.DOWNGRADE, null, "再降"), archivist))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void theChangeAndItsAuditEntryRollBackTogether() {
        var item = item("3", "2009-09-09", "密审回滚" + run);

        tx.executeWithoutResult(status -> {
            review.decide(item.id(), new SecrecyReview.Submitted(Decision.DECLASSIFY, null, "回滚"), archivist);
            status.setRollbackOnly();
        });

        assertThat(catalog.requireItem(item.id()).securityLevel()).isEqualTo("3");
        assertThat(audit.forObject(AuditedObject.ITEM, item.id().toString()))
                .noneMatch(e -> e.operation().equals("REVIEW_SECRECY"));
    }

    @Test
    void badDecisionsNameTheFieldAndWriteNothing() {
        var item = item("3", "2008-08-08", "密审降密" + run);
        var other = new Access(archivist.actor(), new Scope("/none/", null, 3), archivist.permissions());

        assertThatThrownBy(() -> review.decide(
                        item.id(), new SecrecyReview.Submitted(Decision.DOWNGRADE, null, "降一级"), archivist))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field())
                        .containsExactly("until"));
        assertThatThrownBy(() -> review.decide(
                        item.id(),
                        new SecrecyReview.Submitted(
                                Decision.KEEP, ReadableTime.beijing().today(), ""),
                        archivist))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field())
                        .containsExactlyInAnyOrder("reason", "until"));
        assertThatThrownBy(() ->
                        review.decide(item.id(), new SecrecyReview.Submitted(Decision.DECLASSIFY, null, "越权"), other))
                .isInstanceOf(NotFoundException.class);
        assertThat(catalog.requireItem(item.id()).securityLevel()).isEqualTo("3");

        var down = review.decide(
                item.id(),
                new SecrecyReview.Submitted(
                        Decision.DOWNGRADE, ReadableTime.beijing().today().plusYears(3), "降为内部"),
                archivist);
        assertThat(down.toLevel()).isEqualTo(2);
    }

    @Test
    void theConsolePageListsAndARefusedFormComesBackWith422() {
        var item = item("2", "2012-01-01", "密审页面" + run);
        var login = TestAccounts.create(accounts, "srarch" + run, orgId, Set.of(Role.ARCHIVIST), 3, false);
        var session = new ConsoleSession(port);
        assertThat(session.login(login.username(), login.password(), login.codes()))
                .isEqualTo("/");

        var page = session.get("/disposition/secrecy");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(item.archiveCode()).contains("密级到期审查");

        var refused = session.post(
                "/disposition/secrecy/" + item.id(), Map.of("decision", "KEEP", "until", "", "reason", "维持"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("until-error");

        var done = session.post(
                "/disposition/secrecy/" + item.id(), Map.of("decision", "DECLASSIFY", "until", "", "reason", "解密"));
        assertThat(done.status()).isEqualTo(302);
        assertThat(catalog.requireItem(item.id()).securityLevel()).isEqualTo("1");
        var worklist = session.get("/disposition/expiring?preset=DATE&by=2030-12-31&fonds=" + fonds);
        assertThat(worklist.status()).isEqualTo(200);
        assertThat(worklist.body()).contains(item.archiveCode()).contains("name=\"itemId\"");
        assertThat(session.get("/disposition/expiring?preset=DATE").status()).isEqualTo(422);
        var api = session.api("GET", "/api/v1/disposition/expiring?by=2030-12-31&fonds=" + fonds, null);
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body()).contains(item.archiveCode());
        var xlsx = session.bytes("/disposition/expiring/export?preset=DATE&by=2030-12-31&fonds=" + fonds);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.body()).startsWith((byte) 'P', (byte) 'K');
    }
}
