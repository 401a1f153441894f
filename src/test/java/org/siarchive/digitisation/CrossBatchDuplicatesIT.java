package org.siarchive.digitisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.siarchive.catalog.Catalog;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.Scope;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Duplicates across batches (issue 15, docs/adr/0063): a page of an earlier batch comes in again — the same
 * bytes, or the same sheet scanned again at another resolution and format, noisy and turned by a degree —
 * and the item is suspected, naming the earlier page, or the 档号 of the item it was filed as; it is filed
 * only when the archivist decides so. Another county's batch is not revealed.
 */
class CrossBatchDuplicatesIT extends IntegrationTest {

    static final Access ARCHIVIST = ScanBatchIT.ARCHIVIST;

    /** A county clerk of another subtree, who sees the batches moved there and nothing else. */
    static final Access COUNTY = new Access(ARCHIVIST.actor(), new Scope("/555/", null, 3), ARCHIVIST.permissions());

    @Autowired
    ScanBatches batches;

    @Autowired
    ScanItems items;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.siarchive.security.Accounts accounts;

    @Autowired
    org.siarchive.organisation.Organisations organisations;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    /** The item page as an archivist of the root organisation reads it (both batches moved into their scope). */
    private String itemPage(UUID batch, UUID item, UUID... alsoMoved) {
        String root = organisations.root().path();
        moveTo(batch, root);
        for (UUID b : alsoMoved) {
            moveTo(b, root);
        }
        String run = Integer.toString(
                java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000, 999_999));
        var login = org.siarchive.security.TestAccounts.create(
                accounts,
                "dups" + run,
                organisations.root().id(),
                java.util.Set.of(org.siarchive.security.Role.ARCHIVIST),
                3,
                false);
        var session = new org.siarchive.support.ConsoleSession(port);
        assertThat(session.login(login.username(), login.password(), login.codes()))
                .isEqualTo("/");
        var page = session.get("/scan-batches/" + batch + "/items/" + item);
        assertThat(page.status()).isEqualTo(200);
        return page.body();
    }

    private UUID batchOf(List<String> names, List<byte[]> pages, String name) throws Exception {
        UUID batch = batches.create(
                name,
                "0001",
                false,
                5,
                new ByteArrayInputStream(ScanBatchIT.zip(
                        names, pages, "pages,business_step,cert_no,name,title\n1-" + pages.size() + ",GRCB,,,\n")),
                ARCHIVIST);
        for (int i = 0; i < 240 && batches.progress(batch, ARCHIVIST).status().equals("PROCESSING"); i++) {
            Thread.sleep(500);
        }
        assertThat(batches.progress(batch, ARCHIVIST).status()).isEqualTo("QC");
        return batch;
    }

    private void moveTo(UUID batch, String orgPath) {
        jdbc.sql("update scan_batch set org_path = :o where id = :b")
                .param("o", orgPath)
                .param("b", batch)
                .update();
    }

    @Test
    void aRescannedPageAndACopiedPageOfAFiledItemAreSuspectedNamingTheArchiveCode() throws Exception {
        // given an item scanned and filed
        byte[] form = MasterComparisonTest.form(81, 300, 0.2, false, false, 81, "png");
        byte[] idCopy = ScanBatchIT.page("居民身份证复印件", 81, -0.3, false);
        UUID first = batchOf(List.of("a/1.png", "a/2.png"), List.of(form, idCopy), "首次扫描");
        var firstItem = items.items(first, ARCHIVIST).get(0);
        UUID held = items.confirm(
                first, firstItem.id(), "GRCB", ScanBatchIT.id(81), "周亮远", "周亮远参保人员增员表", "2024-05-10", ARCHIVIST);
        String code = catalog.requireItem(held).archiveCode();

        // when the form comes in again scanned anew (200 dpi JPEG, speckled, turned 1°) beside a copy of the ID page
        byte[] rescan = MasterComparisonTest.form(81, 200, 1.2, true, false, 7, "jpg");
        UUID second = batchOf(List.of("b/1.jpg", "b/2.png"), List.of(rescan, idCopy), "二次扫描");
        var again = items.items(second, ARCHIVIST).get(0);

        // then each page names what it repeats: the earlier batch's page and the item it was filed as
        var suspicion = again.duplicate();
        assertThat(suspicion).isNotNull();
        assertThat(suspicion.heldItemId()).isEqualTo(held);
        assertThat(suspicion.heldArchiveCode()).isEqualTo(code);
        assertThat(suspicion.repeats()).extracting(ScanDuplicates.Repeat::seq).containsExactly(1, 2);
        var byImage = suspicion.repeats().get(0);
        assertThat(byImage.kind()).isEqualTo("PHASH");
        assertThat(byImage.distance()).isBetween(0, PageBands.MAX_DISTANCE);
        assertThat(byImage.earlierBatchId()).isEqualTo(first);
        assertThat(byImage.earlierSeq()).isEqualTo(1);
        assertThat(byImage.heldArchiveCode()).isEqualTo(code);
        assertThat(suspicion.repeats().get(1).kind()).isEqualTo("DIGEST");
        assertThat(suspicion.repeats().get(1).earlierSeq()).isEqualTo(2);
        // and filing it is refused until the archivist decides
        long before = jdbc.sql("select count(*) from item").query(Long.class).single();
        assertThatThrownBy(() -> items.confirm(
                        second, again.id(), "GRCB", ScanBatchIT.id(81), "周亮远", "周亮远参保人员增员表", "2024-05-10", ARCHIVIST))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(code);
        assertThat(jdbc.sql("select count(*) from item").query(Long.class).single())
                .isEqualTo(before);

        // the bands the index holds are the pHash's slices, as the lookup computes them
        jdbc.sql("select phash, phash_b0, phash_b1, phash_b2, phash_b3 from scan_page where batch_id = :b")
                .param("b", second)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)})
                .list()
                .forEach(r -> assertThat(PageBands.bands(r[0]))
                        .containsExactly((int) r[1], (int) r[2], (int) r[3], (int) r[4]));

        // the item page shows both pages of each repeat, the kind of match and the 档号
        assertThat(itemPage(second, again.id(), first))
                .contains("id=\"duplicate-repeats\"")
                .contains("图像相似（汉明距离 " + byImage.distance() + "）")
                .contains("内容完全相同")
                .contains(">" + code + "<")
                .contains("首次扫描")
                .contains("/scan-batches/" + first + "/pages/1");

        // a clerk of another subtree sees the batch moved to them; the filed item is named only as outside
        moveTo(second, "/555/");
        var seen = items.item(second, again.id(), COUNTY).duplicate();
        assertThat(seen).isNotNull();
        assertThat(seen.heldItemId()).isNull();
        assertThat(seen.heldArchiveCode()).isNull();
        assertThat(seen.repeats()).allSatisfy(r -> {
            assertThat(r.outsideScope()).isTrue();
            assertThat(r.earlierBatchId()).isNull();
            assertThat(r.earlierBatchName()).isNull();
        });
    }

    @Test
    void aPageOfABatchNotFiledIsNamedByBatchAndPageAndTheDecisionCoversIt() throws Exception {
        // given a batch waiting for QC, and another batch holding one of its pages scanned again
        byte[] form = MasterComparisonTest.form(83, 300, -0.4, false, false, 83, "png");
        UUID earlier = batchOf(List.of("1.png"), List.of(form), "待质检批次");
        byte[] rescan = MasterComparisonTest.form(83, 250, 0.7, true, false, 9, "png");
        byte[] other = ScanBatchIT.page("参保人员减员表", 84, 0.1, false);
        UUID later = batchOf(List.of("1.png", "2.png"), List.of(other, rescan), "再扫描批次");
        var it = items.items(later, ARCHIVIST).get(0);

        // then the item is suspected of repeating page 1 of the earlier batch (its page 2 only)
        var suspicion = it.duplicate();
        assertThat(suspicion).isNotNull();
        assertThat(suspicion.heldItemId()).isNull();
        assertThat(suspicion.repeats()).singleElement().satisfies(r -> {
            assertThat(r.seq()).isEqualTo(2);
            assertThat(r.kind()).isEqualTo("PHASH");
            assertThat(r.earlierBatchId()).isEqualTo(earlier);
            assertThat(r.earlierBatchName()).isEqualTo("待质检批次");
            assertThat(r.earlierSeq()).isEqualTo(1);
            assertThat(r.outsideScope()).isFalse();
        });
        assertThat(items.items(earlier, ARCHIVIST).get(0).duplicate())
                .as("the earlier batch is not suspected of the later one")
                .isNull();
        assertThatThrownBy(() -> items.confirm(
                        later, it.id(), "GRCB", ScanBatchIT.id(84), "周明远", "周明远参保人员增员表", "2024-05-10", ARCHIVIST))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("conflict.suspectedRepeat");

        // a batch of another county is not revealed: neither suspicion nor name
        moveTo(earlier, "/999/");
        moveTo(later, "/555/");
        assertThat(items.item(later, it.id(), COUNTY).duplicate()).isNull();

        // the archivist (who sees both) files it anyway, with a reason, audited
        moveTo(later, ARCHIVIST.scope().orgPath());
        items.decideDuplicate(later, it.id(), true, "原件两份，均须保存", ARCHIVIST);
        UUID filed =
                items.confirm(later, it.id(), "GRCB", ScanBatchIT.id(84), "周明远", "周明远参保人员增员表", "2024-05-10", ARCHIVIST);
        assertThat(catalog.requireItem(filed).files()).hasSize(2);
        assertThat(jdbc.sql(
                                "select reason from audit_entry where object_type = 'SCAN_ITEM' and object_id = :i and operation = 'DUPLICATE_FILE'")
                        .param("i", it.id().toString())
                        .query(String.class)
                        .single())
                .isEqualTo("原件两份，均须保存");
    }
}
