package org.siarchive.disposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.siarchive.disposition.WorklistFixture.PERMANENT;
import static org.siarchive.disposition.WorklistFixture.TEN_YEARS;
import static org.siarchive.disposition.WorklistFixture.capture;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.siarchive.capture.Captures;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.catalog.ItemState;
import org.siarchive.catalog.RetentionWorklist;
import org.siarchive.catalog.RetentionWorklist.Filter;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.Scope;
import org.siarchive.support.ApiClient;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The expiry worklist (issue 16 item 1) against items captured for it in a county's own fonds: due by a
 * day, 永久 and destroyed items never, other units' items invisible, counts per fonds × category, volumes
 * and boxes due only when all they hold is, items in an open appraisal batch marked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExpiryWorklistIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Captures captures;

    @Autowired
    Catalog catalog;

    @Autowired
    Organisations organisations;

    @Autowired
    RetentionWorklist retention;

    @Autowired
    ExpiryWorklist worklist;

    @Autowired
    JdbcClient jdbc;

    final String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    String fonds;
    String otherFonds;
    Access county;
    ItemRecord old1;
    ItemRecord old2;
    ItemRecord recent;
    ItemRecord permanent;
    ItemRecord destroyed;
    ItemRecord elsewhere;

    @BeforeAll
    void itemsOfTwoCounties() {
        var mine = organisations.create(organisations.root().id(), "WL" + run, "甲县社保中心" + run, "COUNTY", Actor.SYSTEM);
        var other = organisations.create(organisations.root().id(), "WO" + run, "乙县社保中心" + run, "COUNTY", Actor.SYSTEM);
        fonds = "W" + run.substring(0, 4);
        otherFonds = "V" + run.substring(0, 4);
        catalog.ensureFonds(fonds, "甲县档案" + run, mine.name(), mine.id(), Actor.SYSTEM);
        catalog.ensureFonds(otherFonds, "乙县档案" + run, other.name(), other.id(), Actor.SYSTEM);
        county = WorklistFixture.archivist("wl" + run, mine.path(), 3);
        old1 = capture(captures, fonds, TEN_YEARS, "2014-03-01", "2", "失业金核定甲");
        old2 = capture(captures, fonds, TEN_YEARS, "2014-11-20", "2", "失业金核定乙");
        recent = capture(captures, fonds, TEN_YEARS, "2016-06-01", "2", "失业金核定丙");
        permanent = capture(captures, fonds, PERMANENT, "2014-02-01", "1", "年度统计报表");
        destroyed = capture(captures, fonds, TEN_YEARS, "2013-05-05", "2", "已销毁的核定");
        jdbc.sql("update item set status = 'DESTROYED', destroyed_at = now() where id = :id")
                .param("id", destroyed.id())
                .update();
        elsewhere = capture(captures, otherFonds, TEN_YEARS, "2014-04-04", "2", "乙县的核定");
    }

    private List<UUID> due(LocalDate by, Scope scope) {
        return retention.dueItemIds(by, null, null, scope, 1000);
    }

    @Test
    void itemsAreDueByTheEndOfTheirTermAndNeverWhenPermanentOrDestroyed() {
        assertThat(old1.retentionEnd()).isEqualTo(LocalDate.of(2024, 12, 31));

        assertThat(due(LocalDate.of(2024, 12, 30), county.scope())).isEmpty();
        assertThat(due(LocalDate.of(2024, 12, 31), county.scope())).containsExactly(old1.id(), old2.id());
        assertThat(due(LocalDate.of(2026, 12, 31), county.scope())).containsExactly(old1.id(), old2.id(), recent.id());
        assertThat(due(LocalDate.of(2999, 12, 31), county.scope()))
                .doesNotContain(permanent.id(), destroyed.id(), elsewhere.id());
        assertThat(retention.dueItemIds(LocalDate.of(2999, 12, 31), fonds, "08", county.scope(), 10))
                .isEmpty();
    }

    @Test
    void anotherUnitsItemsAreInvisibleAndItsFondsCountsNothing() {
        assertThat(due(LocalDate.of(2030, 1, 1), Scope.EVERYTHING)).contains(elsewhere.id(), old1.id());
        assertThat(retention.dueItemIds(LocalDate.of(2030, 1, 1), otherFonds, null, county.scope(), 10))
                .isEmpty();
        assertThat(retention.facts(List.of(elsewhere.id(), old1.id()), county.scope()))
                .containsOnlyKeys(old1.id());
        var low = new Scope(county.scope().orgPath(), null, 1);
        assertThat(due(LocalDate.of(2030, 1, 1), low)).isEmpty();
    }

    @Test
    void countsPerFondsAndCategoryMatchTheCapturedItems() {
        var counts = retention.counts(new Filter(LocalDate.of(2026, 12, 31), null, null), county.scope());

        assertThat(counts).singleElement().satisfies(c -> {
            assertThat(c.fondsCode()).isEqualTo(fonds);
            assertThat(c.categoryCode()).isEqualTo("05");
            assertThat(c.items()).isEqualTo(3);
            assertThat(c.earliest()).isEqualTo(LocalDate.of(2024, 12, 31));
        });
        var page = retention.items(new Filter(LocalDate.of(2026, 12, 31), fonds, "05"), county.scope(), 0, 2);
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.content())
                .extracting(RetentionWorklist.DueItem::archiveCode)
                .containsExactly(old1.archiveCode(), old2.archiveCode());
    }

    @Test
    void factsNameTheTermTheEndAndTheState() {
        var facts = retention.facts(List.of(permanent.id(), old1.id(), destroyed.id()));

        assertThat(facts.keySet()).containsExactly(permanent.id(), old1.id(), destroyed.id());
        assertThat(facts.get(permanent.id()).permanent()).isTrue();
        assertThat(facts.get(permanent.id()).end()).isNull();
        assertThat(facts.get(old1.id()).retentionCode()).isEqualTo("D10");
        assertThat(facts.get(old1.id()).expired(LocalDate.of(2025, 1, 1))).isTrue();
        assertThat(facts.get(old1.id()).expired(LocalDate.of(2024, 12, 31))).isFalse();
        assertThat(facts.get(old1.id()).pageCount()).isPositive();
        assertThat(facts.get(destroyed.id()).state()).isEqualTo(ItemState.DESTROYED);
    }

    @Test
    void volumesAndBoxesAreDueWhenEverythingInThemIs() {
        var api = new ApiClient(port);
        var volume = api.postJson(
                "/api/v1/volumes",
                Map.of(
                        "title",
                        "2014年失业金核定" + run,
                        "items",
                        List.of(old1.id().toString(), old2.id().toString())));
        assertThat(volume.status()).isEqualTo(201);
        String boxNo = "B" + run;
        var box = api.postJson("/api/v1/boxes", Map.of("fondsCode", fonds, "boxNo", boxNo));
        long boxId = box.json().get("id").asLong();
        assertThat(api.postJson(
                                "/api/v1/boxes/" + boxId + "/items",
                                Map.of(
                                        "items",
                                        List.of(
                                                old1.id().toString(),
                                                recent.id().toString())))
                        .status())
                .isEqualTo(200);
        var by2025 = new Filter(LocalDate.of(2025, 12, 31), fonds, null);
        var by2026 = new Filter(LocalDate.of(2026, 12, 31), fonds, null);

        var volumes = retention.volumes(by2025, county.scope(), 0, 10).content();
        assertThat(volumes).singleElement().satisfies(v -> {
            assertThat(v.archiveCode())
                    .isEqualTo(volume.json().get("archiveCode").asString());
            assertThat(v.endDate()).isEqualTo(LocalDate.of(2024, 12, 31));
            assertThat(v.items()).isEqualTo(2);
        });
        assertThat(retention.boxes(by2025, county.scope(), 0, 10).content()).isEmpty();
        assertThat(retention.boxes(by2026, county.scope(), 0, 10).content())
                .singleElement()
                .satisfies(b -> {
                    assertThat(b.archiveCode()).isEqualTo(boxNo);
                    assertThat(b.endDate()).isEqualTo(LocalDate.of(2026, 12, 31));
                });
        assertThat(retention
                        .volumes(by2026, new Scope("/none/", null, 3), 0, 10)
                        .content())
                .isEmpty();
    }

    @Test
    void itemsInAnOpenAppraisalBatchAreMarked() {
        long batch = jdbc.sql(
                        """
                insert into appraisal_batch (batch_no, fonds_id, title, state, proposed_by)
                values (:no, :fonds, '测试批次', 'UNAPPRAISED', 'junit') returning id
                """)
                .param("no", "JD" + run)
                .param(
                        "fonds",
                        retention.facts(List.of(old1.id())).get(old1.id()).fondsId())
                .query(Long.class)
                .single();
        jdbc.sql("insert into appraisal_item (batch_id, item_id, archive_code) values (:b, :i, :c)")
                .param("b", batch)
                .param("i", old2.id())
                .param("c", old2.archiveCode())
                .update();

        var rows = worklist.items(new Filter(LocalDate.of(2026, 12, 31), fonds, null), county, 0, 10)
                .content();

        assertThat(rows)
                .extracting(r -> r.item().id(), ExpiryWorklist.Row::inOpenBatch)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(old1.id(), false),
                        org.assertj.core.groups.Tuple.tuple(old2.id(), true),
                        org.assertj.core.groups.Tuple.tuple(recent.id(), false));
    }

    @Test
    void itemsUnderALegalHoldAreMarkedHeld() {
        long hold = jdbc.sql(
                        """
                insert into legal_hold (hold_no, case_type, case_ref, reason, owner, subject, org_path, placed_by)
                values (:no, 'AUDIT', '稽核〔2026〕1号', '稽核取证', 'junit', 'ITEMS', :org, 'junit') returning id
                """)
                .param("no", "DJ" + run)
                .param("org", county.scope().orgPath())
                .query(Long.class)
                .single();
        jdbc.sql("insert into legal_hold_item (hold_id, item_id) values (:h, :i)")
                .param("h", hold)
                .param("i", recent.id())
                .update();

        var rows = worklist.items(new Filter(LocalDate.of(2026, 12, 31), fonds, null), county, 0, 10)
                .content();

        assertThat(rows)
                .extracting(r -> r.item().id(), ExpiryWorklist.Row::held)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(old1.id(), false),
                        org.assertj.core.groups.Tuple.tuple(old2.id(), false),
                        org.assertj.core.groups.Tuple.tuple(recent.id(), true));
        jdbc.sql(
                        "update legal_hold set released_at = now(), released_by = 'junit', release_reason = '结案' where id = :h")
                .param("h", hold)
                .update();
        assertThat(worklist.items(new Filter(LocalDate.of(2026, 12, 31), fonds, null), county, 0, 10)
                        .content())
                .noneMatch(ExpiryWorklist.Row::held);
    }
}
