package org.siarchive.digitisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.Renditions;
import org.siarchive.quality.CitizenIdNumber;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Scope;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.ScanPages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A scan batch end to end on real storage, PostgreSQL and Tesseract: a zip with a manifest, planted
 * defects found per page and per item, OCR suggestions, the QC sample, confirmation into a captured
 * item, and the DA/T 31 decision.
 */
@RecordApplicationEvents
public class ScanBatchIT extends IntegrationTest {

    @Autowired
    ApplicationEvents events;

    @Autowired
    ScanBatches batches;

    @Autowired
    ScanItems items;

    @Autowired
    Catalog catalog;

    @Autowired
    Renditions renditions;

    @Autowired
    org.siarchive.preservation.Preservation preservation;

    static final Access ARCHIVIST = new Access(
            new Actor("scan-archivist", "ROOT", "127.0.0.1", "junit"),
            Scope.EVERYTHING,
            Set.of("digitisation:scan", "digitisation:qc", "catalog:item:read", "capture:create"));

    static String id(int n) {
        String first17 = "51010619830214%03d".formatted(300 + n);
        return first17 + CitizenIdNumber.checkChar(first17);
    }

    /**
     * The person on test form {@code n}: the surname cycles with a prime period, so forms whose ID numbers
     * differ in one digit (n ± 1, 10, 100) are also filled for another name — the same name and an ID one
     * digit apart is what a real duplicate with a typing error looks like, and is rightly suspected.
     */
    static String person(int n) {
        return "周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施".charAt(n % 19) + "明亮".substring(n % 2, n % 2 + 1) + "远";
    }

    public static byte[] page(String title, int n, double skew, boolean noisy) {
        var lines = new java.util.ArrayList<>(
                ScanPages.enrolmentForm(person(n), id(n), "成都示范科技有限公司", "91510100MA6123456X"));
        lines.set(0, title);
        return ScanPages.png(ScanPages.render(new ScanPages.Spec(lines, 300, skew, noisy, true, false, n)), 300);
    }

    public static byte[] zip(List<String> names, List<byte[]> files, String manifest) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var z = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < names.size(); i++) {
                z.putNextEntry(new ZipEntry(names.get(i)));
                z.write(files.get(i));
                z.closeEntry();
            }
            if (manifest != null) {
                z.putNextEntry(new ZipEntry("manifest.csv"));
                z.write(manifest.getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private void awaitQc(UUID batch) throws InterruptedException {
        for (int i = 0; i < 240 && batches.progress(batch, ARCHIVIST).status().equals("PROCESSING"); i++) {
            Thread.sleep(500);
        }
        assertThat(batches.progress(batch, ARCHIVIST).status()).isEqualTo("QC");
    }

    @Test
    void aBatchIsCheckedReadSuggestedSampledConfirmedAndDecided() throws Exception {
        byte[] reduction = page("参保人员减员表", 2, 0.5, false);
        var files = List.of(
                page("参保人员增员表", 1, 0.8, false),
                page("居民身份证复印件", 1, -0.6, true),
                reduction,
                ScanPages.png(ScanPages.blank(300, true, 9), 300),
                reduction,
                page("参保人员增员表", 3, 4.5, false));
        var names = List.of(
                "scan/0001.png", "scan/0002.png", "scan/0003.png", "scan/0004.png", "scan/0005.png", "scan/0006.png");
        String manifest = "pages,business_step,cert_no,name,title\n1-2,,,,\n3-5,,,,\n6-7,,,,\n";
        UUID batch = batches.create(
                "周一扫描", "0001", true, 5, new ByteArrayInputStream(zip(names, files, manifest)), ARCHIVIST);
        awaitQc(batch);

        var progress = batches.progress(batch, ARCHIVIST);
        assertThat(progress.pagesDone()).isEqualTo(6);
        assertThat(progress.pageErrors()).isZero();
        var list = items.items(batch, ARCHIVIST);
        assertThat(list).hasSize(3);
        assertThat(list.get(0).pages()).extracting(ScanItems.PageView::flags).containsExactly("", "");
        assertThat(list.get(1).pages()).extracting(ScanItems.PageView::flags).containsExactly("", "BLANK", "DUPLICATE");
        assertThat(list.get(2).pages()).extracting(ScanItems.PageView::flags).containsExactly("SKEW");
        assertThat(list.get(2).missingPages()).isEqualTo(1);
        assertThat(list.get(0).suggestedStep()).isEqualTo("GRCB");
        assertThat(list.get(1).suggestedStep()).isEqualTo("GRJY");
        assertThat(list.get(0).certNoMasked()).isEqualTo(id(1).substring(0, 6) + "********" + id(1).substring(14));
        assertThat(list.get(0).title()).isEqualTo("参保人员增员表");
        assertThat(list.stream().filter(ScanItems.ItemView::sampled)).hasSize(1);
        // word confidences are kept with each read page (encrypted: the words include ID numbers)
        var words = jdbc.sql("select ocr_words_enc from scan_page where batch_id = :b and seq = 1")
                .param("b", batch)
                .query(byte[].class)
                .single();
        assertThat(words).isNotNull();
        assertThat(new String(words, StandardCharsets.ISO_8859_1)).doesNotContain(id(1));
        assertThat(list.get(0).pages().get(0).ocrLowConfidence()).isNotNull();

        if (accounts.byUsername("scan-archivist").isEmpty()) {
            accounts.provision(
                    "scan-archivist",
                    "扫描员周敏",
                    organisations.root().id(),
                    Set.of(org.siarchive.security.Role.ARCHIVIST),
                    "Scan-archivist-1234",
                    false);
        }
        UUID captured =
                items.confirm(batch, list.get(0).id(), "GRCB", null, "周亮远", "周亮远参保人员增员表", "2024-05-10", ARCHIVIST);
        var item = catalog.requireItem(captured);
        // filed with the names people read (issue 14): the form name, the organisation's name, the display name
        String orgName = organisations.byCode("ROOT").orElseThrow().name();
        assertThat(item.title()).isEqualTo("参保人员增员表");
        assertThat(item.responsible()).isEqualTo(orgName);
        assertThat(item.handlingAgency()).isEqualTo(orgName);
        assertThat(item.handler()).isEqualTo("扫描员周敏");
        assertThat(item.acceptanceNo()).matches("0001-SM2024-\\d{6}").doesNotContain("SCAN");
        assertThat(item.files()).hasSize(2).extracting(f -> f.materialCode()).containsExactly("RY01", "RY02");
        assertThat(item.certNo()).isEqualTo(id(1));
        assertThat(items.item(batch, list.get(0).id(), ARCHIVIST).status()).isEqualTo("CONFIRMED");
        assertThat(events.stream(RecognisedTextFiled.class))
                .as("search hears that the item's recognised text is filed with it")
                .containsExactly(new RecognisedTextFiled(captured, list.get(0).id(), batch));
        awaitSearchIndexed(captured);
        // the searchable access copy follows on the OCR workers, into the same OCFL object
        java.util.Optional<Renditions.Rendition> copy = java.util.Optional.empty();
        for (int i = 0; i < 120 && copy.isEmpty(); i++) {
            Thread.sleep(250);
            copy = renditions.find(captured, "ACCESS_PDF");
        }
        var rendition = copy.orElseThrow();
        assertThat(rendition.logicalPath()).isEqualTo("access/" + item.archiveCode() + ".pdf");
        try (var in = preservation.read(
                        item.objectId(),
                        rendition.logicalPath(),
                        new org.siarchive.preservation.Fixity(
                                rendition.sizeBytes(), rendition.sm3(), rendition.sha256()));
                var doc = org.apache.pdfbox.Loader.loadPDF(in.readAllBytes())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", ""))
                    .contains(id(1));
        }
        assertThat(catalog.requireItem(captured).files())
                .extracting(f -> f.logicalPath())
                .containsExactly(
                        "content/" + item.archiveCode() + "-0001.png", "content/" + item.archiveCode() + "-0002.png");

        var sampled =
                list.stream().filter(ScanItems.ItemView::sampled).findFirst().orElseThrow();
        items.review(batch, sampled.id(), true, null, ARCHIVIST);
        assertThat(items.decide(batch, ARCHIVIST))
                .as("blank, duplicate, skewed and missing pages fail the automatic checks")
                .isEqualTo("REJECTED");
        assertThat(events.stream(ScanBatchDecided.class)).singleElement().satisfies(d -> {
            assertThat(d.batchId()).isEqualTo(batch);
            assertThat(d.decision()).isEqualTo(ScanBatchDecided.Decision.REJECTED);
            assertThat(d.itemCount()).isEqualTo(3);
        });

        var countyClerk = new Access(ARCHIVIST.actor(), new Scope("/999/", null, 2), ARCHIVIST.permissions());
        assertThatThrownBy(() -> batches.progress(batch, countyClerk)).isInstanceOf(NotFoundException.class);
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.siarchive.security.Accounts accounts;

    @Autowired
    org.siarchive.organisation.Organisations organisations;

    /** The persisted publication of the item's {@link RecognisedTextFiled} to search's indexer, completed. */
    private void awaitSearchIndexed(UUID item) throws InterruptedException {
        String sql =
                """
                select count(*) from event_publication where event_type = :t and listener_id like '%SearchIndexer%'
                and serialized_event like :item and completion_date is not null
                """;
        int done = 0;
        for (int i = 0; i < 80 && done == 0; i++) {
            Thread.sleep(250);
            done = jdbc.sql(sql)
                    .param("t", RecognisedTextFiled.class.getName())
                    .param("item", "%" + item + "%")
                    .query(Integer.class)
                    .single();
        }
        assertThat(done)
                .as("search indexed the item again on its recognised text")
                .isEqualTo(1);
    }

    /** The DA/T 31 decision is announced with the batch, its item count, its organisation and its time. */
    @Test
    void anAcceptedBatchIsAnnouncedInTheDecisionsTransaction() throws Exception {
        UUID batch = batches.create(
                "验收",
                "0001",
                false,
                100,
                new ByteArrayInputStream(zip(List.of("1.png"), List.of(page("参保人员增员表", 47, 0.2, false)), null)),
                ARCHIVIST);
        awaitQc(batch);
        var item = items.items(batch, ARCHIVIST).get(0);
        items.review(batch, item.id(), true, null, ARCHIVIST);
        assertThat(events.stream(ScanBatchDecided.class)).isEmpty();

        assertThat(items.decide(batch, ARCHIVIST)).isEqualTo("ACCEPTED");

        var decidedAt = jdbc.sql("select decided_at from scan_batch where id = :b")
                .param("b", batch)
                .query(java.time.OffsetDateTime.class)
                .single();
        assertThat(events.stream(ScanBatchDecided.class))
                .containsExactly(new ScanBatchDecided(
                        batch,
                        ScanBatchDecided.Decision.ACCEPTED,
                        1,
                        ARCHIVIST.scope().orgPath(),
                        decidedAt));
        assertThat(jdbc.sql(
                                "select count(*) from audit_entry where object_type = 'SCAN_BATCH' and object_id = :b and operation = 'ACCEPTED'")
                        .param("b", batch.toString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    /** A batch cut off mid-way (pages left pending, as after kill -9) is finished by the worker, each page once. */
    @Test
    void anInterruptedBatchResumesWherePagesArePending() throws Exception {
        var files = List.of(page("参保人员增员表", 11, 0.3, false), page("居民身份证复印件", 11, 0.2, false));
        UUID batch = batches.create(
                "中断",
                "0001",
                false,
                5,
                new ByteArrayInputStream(zip(List.of("a.png", "b.png"), files, null)),
                ARCHIVIST);
        awaitQc(batch);
        var firstRun = jdbc.sql("select processed_at from scan_page where batch_id = :b and seq = 1")
                .param("b", batch)
                .query(java.time.OffsetDateTime.class)
                .single();
        // the state a crash leaves: page 2 not stored yet, the batch still processing
        jdbc.sql("update scan_page set status = 'PENDING', flags = '' where batch_id = :b and seq = 2")
                .param("b", batch)
                .update();
        jdbc.sql("update scan_batch set status = 'PROCESSING', finished_at = null where id = :b")
                .param("b", batch)
                .update();
        awaitQc(batch);
        assertThat(batches.progress(batch, ARCHIVIST).pagesDone()).isEqualTo(2);
        assertThat(jdbc.sql("select processed_at from scan_page where batch_id = :b and seq = 1")
                        .param("b", batch)
                        .query(java.time.OffsetDateTime.class)
                        .single())
                .as("a finished page is not processed again")
                .isEqualTo(firstRun);
    }

    static byte[] coverSheet(String code) throws Exception {
        byte[] pdf = new LabelSheets().coverSheets(List.of(new LabelSheets.Label(code, "个人参保登记", "")));
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return ScanPages.png(new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 150), 150);
        }
    }

    @Test
    void coverSheetsSplitAStackWithoutAManifest() throws Exception {
        var files = List.of(
                coverSheet("SL-A"),
                page("参保人员增员表", 21, 0.2, false),
                page("居民身份证复印件", 21, -0.2, false),
                coverSheet("SL-B"),
                page("参保人员减员表", 22, 0.1, false));
        UUID batch = batches.create(
                "分隔页",
                "0001",
                false,
                50,
                new ByteArrayInputStream(zip(List.of("1.png", "2.png", "3.png", "4.png", "5.png"), files, null)),
                ARCHIVIST);
        awaitQc(batch);
        var list = items.items(batch, ARCHIVIST);
        assertThat(list).extracting(ScanItems.ItemView::coverCode).containsExactly("SL-A", "SL-B");
        assertThat(list.get(0).pages()).extracting(ScanItems.PageView::seq).containsExactly(2, 3);
        assertThat(list.get(1).pages()).extracting(ScanItems.PageView::seq).containsExactly(5);
        assertThat(list).allSatisfy(i -> assertThat(i.flagged()).isFalse());
    }

    @Test
    void pdfPagesAnExcelManifestAndTheInboxFolderAreAcceptedToo() throws Exception {
        // a scanner's two-page PDF and an Excel manifest splitting it into two items
        byte[] pdf;
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            for (int i = 0; i < 2; i++) {
                var img = ScanPages.render(new ScanPages.Spec(
                        ScanPages.enrolmentForm("吴" + i, id(30 + i), "成都示范科技有限公司", "x"),
                        200,
                        0,
                        false,
                        true,
                        false,
                        i));
                var pg = new org.apache.pdfbox.pdmodel.PDPage(
                        new org.apache.pdfbox.pdmodel.common.PDRectangle(595, 420));
                doc.addPage(pg);
                try (var cs = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, pg)) {
                    cs.drawImage(
                            org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(doc, img),
                            0,
                            0,
                            595,
                            420);
                }
            }
            var out = new ByteArrayOutputStream();
            doc.save(out);
            pdf = out.toByteArray();
        }
        byte[] xlsx;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("清单");
            String[][] rows = {
                {"pages", "business_step", "cert_no", "name", "title"},
                {"1", "GRCB", "", "", "吴0"},
                {"2", "GRCB", "", "", "吴1"}
            };
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
            xlsx = out.toByteArray();
        }
        var zipOut = new ByteArrayOutputStream();
        try (var z = new ZipOutputStream(zipOut, StandardCharsets.UTF_8)) {
            z.putNextEntry(new ZipEntry("scan.pdf"));
            z.write(pdf);
            z.closeEntry();
            z.putNextEntry(new ZipEntry("manifest.xlsx"));
            z.write(xlsx);
            z.closeEntry();
        }
        UUID batch = batches.create("PDF", "0001", false, 5, new ByteArrayInputStream(zipOut.toByteArray()), ARCHIVIST);
        awaitQc(batch);
        var list = items.items(batch, ARCHIVIST);
        assertThat(list).extracting(ScanItems.ItemView::title).containsExactly("吴0", "吴1");
        assertThat(list).allSatisfy(i -> assertThat(i.pages()).singleElement().satisfies(p -> {
            assertThat(p.dpi()).isEqualTo(300);
            assertThat(p.flags()).isEmpty();
        }));

        // the inbox: only a direct child folder by name
        var inbox = DATA_DIR.resolve("inbox").resolve("周二扫描");
        java.nio.file.Files.createDirectories(inbox);
        java.nio.file.Files.write(inbox.resolve("1.png"), page("参保人员增员表", 31, 0, false));
        UUID fromFolder = batches.createFromFolder("周二", "0001", false, 5, "周二扫描", ARCHIVIST);
        awaitQc(fromFolder);
        assertThat(batches.progress(fromFolder, ARCHIVIST).pagesDone()).isEqualTo(1);
        assertThatThrownBy(() -> batches.createFromFolder("x", "0001", false, 5, "../digitisation", ARCHIVIST))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> batches.createFromFolder("x", "0001", false, 5, "nope", ARCHIVIST))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void pathTricksForeignFilesAndBrokenZipsAreAnsweredNotObeyed() throws Exception {
        byte[] png = page("参保人员增员表", 5, 0, false);
        UUID batch = batches.create(
                "路径",
                "0001",
                false,
                5,
                new ByteArrayInputStream(zip(List.of("../../../../tmp/evil.png"), List.of(png), null)),
                ARCHIVIST);
        assertThat(batches.dir(batch).resolve("p00001.png")).exists();
        assertThat(java.nio.file.Path.of("/tmp/evil.png")).doesNotExist();
        awaitQc(batch);
        assertThatThrownBy(() -> batches.create(
                        "exe",
                        "0001",
                        false,
                        5,
                        new ByteArrayInputStream(zip(List.of("a.exe"), List.of(new byte[] {1, 2}), null)),
                        ARCHIVIST))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(
                                ((InvalidInputException) e).violations().get(0).rule())
                        .isEqualTo("scanFormat"));
        assertThatThrownBy(() -> batches.create(
                        "broken",
                        "0001",
                        false,
                        5,
                        new ByteArrayInputStream(new byte[] {80, 75, 3, 4, 9, 9}),
                        ARCHIVIST))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> batches.create(
                        "bad manifest",
                        "0001",
                        false,
                        5,
                        new ByteArrayInputStream(zip(List.of("a.png"), List.of(png), "pages\nx-y\n")),
                        ARCHIVIST))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(
                                ((InvalidInputException) e).violations().get(0).rule())
                        .isEqualTo("manifestLine"));
    }
}
