package org.siarchive.digitisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.catalog.Renditions;
import org.siarchive.organisation.Organisations;
import org.siarchive.preservation.Preservation;
import org.siarchive.search.RecognisedTexts;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Scope;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Re-digitisation of catalogued paper (docs/adr/0062): a manifest line naming an existing 档号 attaches its
 * pages to that item on confirmation — same item, a new object version holding the pages and the searchable
 * PDF, registered copies, audit entries, the item's recognised text — and a 档号 outside the confirmer's unit
 * is a field error that writes nothing.
 */
class RedigitisationIT extends IntegrationTest {

    static final Access ARCHIVIST = ScanBatchIT.ARCHIVIST;

    @Autowired
    ScanBatches batches;

    @Autowired
    ScanItems items;

    @Autowired
    Captures captures;

    @Autowired
    Catalog catalog;

    @Autowired
    Renditions renditions;

    @Autowired
    Preservation preservation;

    @Autowired
    RecognisedTexts texts;

    @Autowired
    Organisations organisations;

    @Autowired
    JdbcClient jdbc;

    private ItemRecord captured() {
        var s = Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1971), "欧阳明远");
        var uploads = List.of(
                Upload.ofBytes("a.png", Samples.png(ThreadLocalRandom.current().nextLong())),
                Upload.ofBytes("b.png", Samples.png(ThreadLocalRandom.current().nextLong())));
        return captures.capture(s, uploads, null, Actor.SYSTEM).item();
    }

    /** Each batch scans another person's form: the same page in two batches is a repeat (docs/adr/0063). */
    private static final java.util.concurrent.atomic.AtomicInteger PERSON =
            new java.util.concurrent.atomic.AtomicInteger(131);

    private UUID batchNaming(String code, String fonds, boolean ocr, Access access) throws Exception {
        int n = PERSON.getAndAdd(2);
        String manifest = "pages,business_step,cert_no,name,title,acceptance_no,archive_code\n1-2,,,,,," + code + "\n";
        UUID batch = batches.create(
                "重新数字化" + fonds,
                fonds,
                ocr,
                5,
                new ByteArrayInputStream(ScanBatchIT.zip(
                        List.of("p/1.png", "p/2.png"),
                        List.of(
                                ScanBatchIT.page("参保人员增员表", n, 0.2, false),
                                ScanBatchIT.page("居民身份证复印件", n, -0.2, false)),
                        manifest)),
                access);
        for (int i = 0; i < 240 && batches.progress(batch, access).status().equals("PROCESSING"); i++) {
            Thread.sleep(500);
        }
        assertThat(batches.progress(batch, access).status()).isEqualTo("QC");
        return batch;
    }

    @Test
    void aManifestNamingAnExisting档号AttachesThePagesToThatItem() throws Exception {
        // given an item captured earlier, and a scan batch whose manifest names its 档号 as typed (with "-")
        var held = captured();
        String typed = held.archiveCode().replace('·', '-');
        UUID batch = batchNaming(typed, "0001", true, ARCHIVIST);
        var scanned = items.items(batch, ARCHIVIST).get(0);
        assertThat(jdbc.sql("select archive_code from scan_item where id = :i")
                        .param("i", scanned.id())
                        .query(String.class)
                        .single())
                .isEqualTo(typed);

        // when it is confirmed (no step, title or date: the item's own stay)
        UUID confirmed = items.confirm(batch, scanned.id(), "", null, null, "", "", ARCHIVIST);

        // then it is the same item, in a new version of its object holding the pages, registered as its copies
        assertThat(confirmed).isEqualTo(held.id());
        var after = catalog.requireItem(held.id());
        assertThat(after.objectVersion()).isGreaterThan(held.objectVersion());
        assertThat(after.files()).hasSameSizeAs(held.files());
        var pages = renditions.ofItems(List.of(held.id())).get(held.id()).stream()
                .filter(r -> r.kind().equals("SCAN_PAGE"))
                .toList();
        assertThat(pages)
                .extracting(Renditions.Rendition::logicalPath)
                .containsExactly(
                        "digitised/" + scanned.id() + "/page-001.png", "digitised/" + scanned.id() + "/page-002.png");
        var stored = preservation.storagePaths(held.objectId());
        for (var p : pages) {
            assertThat(stored).containsKey(p.logicalPath());
            assertThat(org.siarchive.preservation.Digester.of(stored.get(p.logicalPath()))
                            .sha256())
                    .isEqualTo(p.sha256());
        }
        assertThat(items.item(batch, scanned.id(), ARCHIVIST).status()).isEqualTo("CONFIRMED");
        assertThat(items.item(batch, scanned.id(), ARCHIVIST).itemId()).isEqualTo(held.id());
        assertThat(audits("SCAN_ITEM", scanned.id().toString(), "CONFIRM")).isEqualTo(1);
        assertThat(audits("ITEM", held.id().toString(), "RENDITION")).isGreaterThanOrEqualTo(1);
        assertThat(texts.ofItem(held.id())).get().asString().contains("增员表");

        // and the searchable PDF follows on the OCR workers, in a further version
        java.util.Optional<Renditions.Rendition> pdf = java.util.Optional.empty();
        for (int i = 0; i < 240 && pdf.isEmpty(); i++) {
            Thread.sleep(250);
            pdf = renditions.find(held.id(), "ACCESS_PDF");
        }
        assertThat(pdf).isPresent();
        assertThat(preservation.storagePaths(held.objectId()))
                .containsKey(pdf.get().logicalPath());
        assertThat(preservation.validate(held.objectId())).isEmpty();
    }

    @Test
    void a档号OfAnotherUnitIsAFieldErrorAndNothingIsWritten() throws Exception {
        // given an item of the root unit and a county clerk scanning into the county's own fonds
        var held = captured();
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        var county =
                organisations.create(organisations.root().id(), "RD" + run, "戊县社保中心" + run, "COUNTY", Actor.SYSTEM);
        String fonds = "R" + run.substring(0, 4);
        catalog.ensureFonds(fonds, "戊县档案" + run, county.name(), county.id(), Actor.SYSTEM);
        var clerk = new Access(
                new Actor("county-scanner", county.path(), "127.0.0.1", "junit"),
                new Scope(county.path(), null, ARCHIVIST.scope().clearance()),
                ARCHIVIST.permissions());
        UUID batch = batchNaming(held.archiveCode(), fonds, false, clerk);
        var scanned = items.items(batch, clerk).get(0);

        // when the clerk confirms, then the 档号 is unknown to them, on its field
        assertThatThrownBy(() -> items.confirm(batch, scanned.id(), "", null, null, "", "", clerk))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("archiveCode");
                            assertThat(v.rule()).isEqualTo("unknownArchiveCode");
                        }));

        // and nothing was written: the scan item waits, the item's object holds no digitised page (its OFD
        // preservation copy may be made meanwhile, by another path)
        assertThat(items.item(batch, scanned.id(), clerk).status()).isEqualTo("PENDING");
        assertThat(preservation.storagePaths(held.objectId()).keySet()).noneMatch(p -> p.startsWith("digitised/"));
        assertThat(renditions.ofItems(List.of(held.id())).getOrDefault(held.id(), List.of()))
                .noneMatch(r -> r.kind().equals("SCAN_PAGE"));
        assertThat(audits("SCAN_ITEM", scanned.id().toString(), "CONFIRM")).isZero();
    }

    @Test
    void aManifestCodeWithoutThe档号FormIsRefusedAtUpload() {
        String manifest = "pages,business_step,cert_no,name,title,acceptance_no,archive_code\n1,,,,,,周明远的档案\n";
        long before =
                jdbc.sql("select count(*) from scan_batch").query(Long.class).single();
        assertThatThrownBy(() -> batches.create(
                        "档号格式",
                        "0001",
                        false,
                        5,
                        new ByteArrayInputStream(ScanBatchIT.zip(
                                List.of("1.png"), List.of(ScanBatchIT.page("参保人员增员表", 122, 0, false)), manifest)),
                        ARCHIVIST))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("manifest");
                            assertThat(v.rule()).isEqualTo("manifestArchiveCode");
                        }));
        assertThat(jdbc.sql("select count(*) from scan_batch").query(Long.class).single())
                .isEqualTo(before);
    }

    private int audits(String type, String id, String operation) {
        return jdbc.sql(
                        "select count(*) from audit_entry where object_type = :t and object_id = :o and operation = :op")
                .param("t", type)
                .param("o", id)
                .param("op", operation)
                .query(Integer.class)
                .single();
    }
}
