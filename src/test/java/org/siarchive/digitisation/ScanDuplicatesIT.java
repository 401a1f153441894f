package org.siarchive.digitisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.siarchive.catalog.Catalog;
import org.siarchive.shared.ConflictException;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A scanned item whose pages are byte for byte those of an item already captured is a suspected
 * duplicate: it is shown as such beside the item held, and is filed only when the archivist decides so with
 * a reason (audited), or discarded.
 */
class ScanDuplicatesIT extends IntegrationTest {

    static final org.siarchive.shared.Access ARCHIVIST = ScanBatchIT.ARCHIVIST;

    @Autowired
    ScanBatches batches;

    @Autowired
    ScanItems items;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    private UUID batchOf(List<byte[]> pages, String name) throws Exception {
        var names = java.util.stream.IntStream.rangeClosed(1, pages.size())
                .mapToObj(i -> "scan/%04d.png".formatted(i))
                .toList();
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

    private UUID captureFirst(UUID batch, int n) {
        var it = items.items(batch, ARCHIVIST).get(0);
        return items.confirm(batch, it.id(), "GRCB", ScanBatchIT.id(n), "周明远", "周明远参保人员增员表", "2024-05-10", ARCHIVIST);
    }

    private long items() {
        return jdbc.sql("select count(*) from item").query(Long.class).single();
    }

    @Test
    void aScanOfPagesAlreadyCapturedIsNotFiledSilently() throws Exception {
        // given an item captured from a scanned stack
        var pages = List.of(ScanBatchIT.page("参保人员增员表", 41, 0.2, false), ScanBatchIT.page("居民身份证复印件", 41, -0.2, false));
        UUID held = captureFirst(batchOf(pages, "第一次扫描"), 41);
        String heldCode = catalog.requireItem(held).archiveCode();

        // when the same pages come in again in another batch
        UUID second = batchOf(pages, "重复扫描");
        var again = items.items(second, ARCHIVIST).get(0);
        long before = items();

        // then confirming it is refused, naming the item held, and nothing is filed
        assertThatThrownBy(() -> items.confirm(
                        second, again.id(), "GRCB", ScanBatchIT.id(41), "周明远", "周明远参保人员增员表", "2024-05-10", ARCHIVIST))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(heldCode);
        assertThat(items()).isEqualTo(before);
        // and the review screen shows it as a suspected duplicate of the item held
        var suspicion = items.item(second, again.id(), ARCHIVIST).duplicate();
        assertThat(suspicion).isNotNull();
        assertThat(suspicion.heldItemId()).isEqualTo(held);
        assertThat(suspicion.heldArchiveCode()).isEqualTo(heldCode);
        assertThat(suspicion.undecided()).isTrue();
    }

    @Test
    void theArchivistFilesASuspectedDuplicateAnywayOnlyWithAReasonAndItIsAudited() throws Exception {
        // given a rescan of pages already filed
        var pages = List.of(ScanBatchIT.page("参保人员增员表", 43, 0.1, false), ScanBatchIT.page("居民身份证复印件", 43, 0.1, false));
        UUID held = captureFirst(batchOf(pages, "原扫描"), 43);
        UUID second = batchOf(pages, "再次扫描");
        var again = items.items(second, ARCHIVIST).get(0);

        // when the archivist decides to file it anyway, first without a reason, then with one
        assertThatThrownBy(() -> items.decideDuplicate(second, again.id(), true, " ", ARCHIVIST))
                .isInstanceOf(org.siarchive.shared.InvalidInputException.class);
        items.decideDuplicate(second, again.id(), true, "原件补盖公章后重新扫描，两份均须保存", ARCHIVIST);
        UUID filed = items.confirm(
                second, again.id(), "GRCB", ScanBatchIT.id(43), "周明远", "周明远参保人员增员表", "2024-05-10", ARCHIVIST);

        // then it is filed as a new item beside the one held, and the decision is audited with its reason
        assertThat(filed).isNotEqualTo(held);
        assertThat(jdbc.sql(
                                "select reason from audit_entry where object_type = 'SCAN_ITEM' and object_id = :i and operation = 'DUPLICATE_FILE'")
                        .param("i", again.id().toString())
                        .query(String.class)
                        .single())
                .isEqualTo("原件补盖公章后重新扫描，两份均须保存");
        assertThat(items.item(second, again.id(), ARCHIVIST).duplicate().decision())
                .isEqualTo("FILE");
    }

    @Test
    void theArchivistDiscardsASuspectedDuplicate() throws Exception {
        var pages = List.of(ScanBatchIT.page("参保人员增员表", 45, 0.1, false), ScanBatchIT.page("居民身份证复印件", 45, 0.1, false));
        captureFirst(batchOf(pages, "原扫描"), 45);
        UUID second = batchOf(pages, "误重复扫描");
        var again = items.items(second, ARCHIVIST).get(0);
        long before = items();

        items.decideDuplicate(second, again.id(), false, null, ARCHIVIST);

        assertThat(items.item(second, again.id(), ARCHIVIST).status()).isEqualTo("DISCARDED");
        assertThatThrownBy(() -> items.confirm(
                        second, again.id(), "GRCB", ScanBatchIT.id(45), "周明远", "周明远参保人员增员表", "2024-05-10", ARCHIVIST))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("conflict.itemDiscarded");
        assertThat(items()).isEqualTo(before);
        assertThat(jdbc.sql(
                                "select count(*) from audit_entry where object_type = 'SCAN_ITEM' and object_id = :i and operation = 'DUPLICATE_DISCARD'")
                        .param("i", again.id().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }
}
