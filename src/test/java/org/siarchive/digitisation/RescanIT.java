package org.siarchive.digitisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Upload;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.support.ApiClient;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.ScanPages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rescan in place on real storage, PostgreSQL, the worker and Tesseract (docs/adr/0062): an item rejected in
 * the QC sample gets new pages through the REST API; they are checked and read like any page, the old ones
 * stay superseded, the item returns to review, and the batch is accepted on its current pages.
 */
class RescanIT extends IntegrationTest {

    /** The archivist's scope is the root unit, as the initial API token's is (a batch is the uploader's unit's). */
    private org.siarchive.shared.Access archivist;

    @Autowired
    org.siarchive.organisation.Organisations organisations;

    @Autowired
    org.siarchive.security.Accounts accounts;

    @LocalServerPort
    int port;

    @Autowired
    ScanBatches batches;

    @Autowired
    ScanItems items;

    @Autowired
    Rescans rescans;

    @Autowired
    JdbcClient jdbc;

    private org.siarchive.shared.Access archivist() {
        if (archivist == null) {
            var all = ScanBatchIT.ARCHIVIST;
            archivist = new org.siarchive.shared.Access(
                    all.actor(),
                    new org.siarchive.shared.Scope(
                            organisations.root().path(), null, all.scope().clearance()),
                    all.permissions());
        }
        return archivist;
    }

    private void awaitQc(UUID batch) throws InterruptedException {
        for (int i = 0; i < 240 && batches.progress(batch, archivist()).status().equals("PROCESSING"); i++) {
            Thread.sleep(500);
        }
        assertThat(batches.progress(batch, archivist()).status()).isEqualTo("QC");
    }

    @Test
    void aRejectedItemIsRescannedInPlaceAndTheBatchIsAcceptedOnItsCurrentPages() throws Exception {
        // given a batch of two items, every item sampled, the first one's second page skewed far beyond the limit
        var files = List.of(
                ScanBatchIT.page("参保人员增员表", 111, 0.3, false),
                ScanBatchIT.page("居民身份证复印件", 111, 4.5, false),
                ScanBatchIT.page("参保人员减员表", 112, -0.4, false));
        String manifest = "pages,business_step,cert_no,name,title\n1-2,GRCB,,,\n3,,,,\n";
        UUID batch = batches.create(
                "重扫批次",
                "0001",
                true,
                100,
                new ByteArrayInputStream(ScanBatchIT.zip(List.of("a/1.png", "a/2.png", "a/3.png"), files, manifest)),
                archivist());
        awaitQc(batch);
        var first = items.items(batch, archivist()).get(0);
        var second = items.items(batch, archivist()).get(1);
        assertThat(first.flagged()).isTrue();
        var oldPaths = jdbc.sql("select path from scan_page where item_id = :i order by seq")
                .param("i", first.id())
                .query(String.class)
                .list();

        // a pending item is not rescanned, nor is anything written for a refused upload
        assertThatThrownBy(() -> rescans.rescan(batch, second.id(), pngs(1), archivist()))
                .isInstanceOf(ConflictException.class);
        items.review(batch, first.id(), false, "第 2 页倾斜", archivist());
        assertThatThrownBy(() -> rescans.rescan(
                        batch, first.id(), List.of(Upload.ofBytes("notes.txt", "页面".getBytes())), archivist()))
                .isInstanceOf(InvalidInputException.class);
        assertThat(pageRows(batch)).isEqualTo(3);
        try (var dir = Files.list(batches.dir(batch))) {
            assertThat(dir.filter(Files::isDirectory)).isEmpty();
        }

        // when new pages come through the API (a zip of two level pages)
        var zip = ScanBatchIT.zip(
                List.of("r/1.png", "r/2.png"),
                List.of(ScanBatchIT.page("参保人员增员表", 113, 0.2, false), ScanBatchIT.page("居民身份证复印件", 113, -0.3, false)),
                null);
        var response = new ApiClient(port)
                .multipart(
                        "/api/v1/scan-batches/" + batch + "/items/" + first.id() + "/rescan",
                        Map.of(),
                        "files",
                        "rescan.zip",
                        zip);
        assertThat(response.status()).as(new String(response.body())).isEqualTo(200);
        assertThat(response.json().get("version").asInt()).isEqualTo(2);
        assertThat(response.json().get("pagesBefore").asInt()).isEqualTo(2);
        assertThat(response.json().get("pagesAfter").asInt()).isEqualTo(2);
        awaitQc(batch);

        // then the item holds the new pages, checked and read; the old ones are kept, superseded
        var rescanned = items.item(batch, first.id(), archivist());
        assertThat(rescanned.seq()).isEqualTo(1);
        assertThat(rescanned.status()).isEqualTo("PENDING");
        assertThat(rescanned.sampled()).isTrue();
        assertThat(rescanned.sampleResult()).isNull();
        assertThat(rescanned.flagged()).isFalse();
        assertThat(rescanned.pages()).extracting(ScanItems.PageView::seq).containsExactly(4, 5);
        assertThat(rescanned.pages()).allSatisfy(p -> {
            assertThat(p.status()).isEqualTo("DONE");
            assertThat(p.ocrConfidence()).isNotNull();
        });
        var superseded = jdbc.sql(
                        "select path from scan_page where item_id = :i and superseded_at is not null and version = 1 order by seq")
                .param("i", first.id())
                .query(String.class)
                .list();
        assertThat(superseded).isEqualTo(oldPaths);
        superseded.forEach(p -> assertThat(batches.dir(batch).resolve(p)).exists());
        assertThat(rescans.history(first.id())).singleElement().satisfies(r -> {
            assertThat(r.version()).isEqualTo(2);
            assertThat(r.rejectedNote()).isEqualTo("第 2 页倾斜");
            assertThat(r.rejectedPages()).isEqualTo(2);
            assertThat(r.newPages()).isEqualTo(2);
        });
        assertThat(jdbc.sql(
                                "select count(*) from audit_entry where object_id = :i and operation = 'RESCAN' and object_type = 'SCAN_ITEM'")
                        .param("i", first.id().toString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        var progress = batches.progress(batch, archivist());
        assertThat(progress.pagesTotal()).isEqualTo(3);
        assertThat(progress.pagesDone()).isEqualTo(3);
        assertThat(progress.flagged()).isZero();

        // and once both samples pass, the batch is accepted
        items.review(batch, first.id(), true, null, archivist());
        items.review(batch, second.id(), true, null, archivist());
        assertThat(items.decide(batch, archivist())).isEqualTo("ACCEPTED");
        assertThatThrownBy(() -> rescans.rescan(batch, first.id(), pngs(1), archivist()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void theItemPageOffersTheRescanAndAnswersARefusedFileOnTheSamePage() throws Exception {
        // given an archivist of the root unit signed in, and a one-page item rejected in its sample
        String run = Integer.toString(
                java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000, 999_999));
        var login = org.siarchive.security.TestAccounts.create(
                accounts,
                "rescan" + run,
                organisations.root().id(),
                java.util.Set.of(org.siarchive.security.Role.ARCHIVIST),
                3,
                false);
        var session = new org.siarchive.support.ConsoleSession(port);
        assertThat(session.login(login.username(), login.password(), login.codes()))
                .isEqualTo("/");
        UUID batch = batches.create(
                "重扫表单",
                "0001",
                false,
                100,
                new ByteArrayInputStream(ScanBatchIT.zip(
                        List.of("1.png"),
                        List.of(ScanBatchIT.page("参保人员增员表", 31, 0.2, false)),
                        "pages,business_step,cert_no,name,title\n1,GRCB,,,\n")),
                archivist());
        awaitQc(batch);
        UUID item = items.items(batch, archivist()).get(0).id();
        String page = "/scan-batches/" + batch + "/items/" + item;
        session.get(page);
        assertThat(session.post(page + "/review", Map.of("result", "reject", "note", "页面模糊"))
                        .status())
                .isEqualTo(302);
        var rejected = session.get(page);
        assertThat(rejected.body()).contains("id=\"rescan-form\"", "页面模糊").doesNotContain("id=\"confirm-form\"");

        // when a file that is no page image is sent, then the same page answers 422 naming the file
        var refused = postFiles(session, page + "/rescan", "notes.txt", "不是图像".getBytes());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"rescan-form\"", "id=\"form-errors\"", "notes.txt");
        assertThat(pageRows(batch)).isEqualTo(1);

        // and a page image replaces the page: the item waits for processing, its history shows the rejection
        var done = postFiles(session, page + "/rescan", "new-page.png", ScanBatchIT.page("参保人员增员表", 32, 0.1, false));
        assertThat(done.status()).isEqualTo(302);
        awaitQc(batch);
        var after = session.get(page);
        assertThat(after.body()).contains("id=\"rescan-history\"", "页面模糊").doesNotContain("id=\"rescan-form\"");
        assertThat(items.item(batch, item, archivist()).pages())
                .singleElement()
                .satisfies(p -> assertThat(p.sourceName()).isEqualTo("new-page.png"));
    }

    private org.siarchive.support.ConsoleSession.Page postFiles(
            org.siarchive.support.ConsoleSession session, String path, String name, byte[] file) {
        String boundary = "----rescan" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        var utf8 = java.nio.charset.StandardCharsets.UTF_8;
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + session.csrf()
                        + "\r\n")
                .getBytes(utf8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(utf8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(utf8));
        return session.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "text/html")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private int pageRows(UUID batch) {
        return jdbc.sql("select count(*) from scan_page where batch_id = :b")
                .param("b", batch)
                .query(Integer.class)
                .single();
    }

    private static List<Upload> pngs(int n) {
        var out = new java.util.ArrayList<Upload>();
        for (int i = 0; i < n; i++) {
            out.add(Upload.ofBytes("p" + i + ".png", ScanPages.png(ScanPages.blank(300, false, i), 300)));
        }
        return out;
    }
}
