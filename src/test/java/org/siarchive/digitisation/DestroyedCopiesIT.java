package org.siarchive.digitisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.siarchive.catalog.ItemFeed;
import org.siarchive.catalog.Renditions;
import org.siarchive.organisation.Organisations;
import org.siarchive.quality.CitizenIdNumber;
import org.siarchive.search.IndexFiles;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.Scope;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.ScanPages;
import org.siarchive.support.Tombstoning;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 16, item 4 (docs/adr/0070): a scanned item is captured through the real scan path (Tesseract OCR,
 * a marker planted in the page's text), indexed and lent; then it is destroyed as the destruction engine
 * will (tombstone + {@code ItemDestroyed} in one transaction). Afterwards no file of the search index and no
 * digitisation row or file holds its text or images, every content route answers 410 with the destruction
 * record, the 档号 still finds the tombstone, lending refuses it, the fixity feed skips it, and a second
 * delivery of the event changes nothing.
 */
class DestroyedCopiesIT extends IntegrationTest {

    /** Planted in the scanned page (the employer's name): four characters no other test page carries. */
    static final String MARKER = "青松江柏";

    static final Access ARCHIVIST = new Access(
            new Actor("copies-archivist", "ROOT", "127.0.0.1", "junit"),
            Scope.EVERYTHING,
            Set.of("digitisation:scan", "digitisation:qc", "catalog:item:read", "capture:create"));

    @Autowired
    ScanBatches batches;

    @Autowired
    ScanItems items;

    @Autowired
    ScannedItemTexts texts;

    @Autowired
    Renditions renditions;

    @Autowired
    ItemFeed feed;

    @Autowired
    DestroyedScans destroyedScans;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ApplicationContext context;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @LocalServerPort
    int port;

    private static String idNo() {
        String first17 = "510106198705217" + "31";
        return first17 + CitizenIdNumber.checkChar(first17);
    }

    private UUID scannedItem() throws Exception {
        var lines = new java.util.ArrayList<>(
                ScanPages.enrolmentForm("柏松远", idNo(), MARKER + "科技有限公司", "91510100MA6123456X"));
        lines.set(0, "参保人员增员表");
        byte[] page = ScanPages.png(ScanPages.render(new ScanPages.Spec(lines, 300, 0.3, false, true, false, 41)), 300);
        byte[] second = ScanBatchIT.page("居民身份证复印件", 41, -0.6, true);
        String manifest = "pages,business_step,cert_no,name,title\n1-2,,,,\n";
        UUID batch = batches.create(
                "销毁副本",
                "0001",
                true,
                100,
                new ByteArrayInputStream(
                        ScanBatchIT.zip(List.of("scan/0001.png", "scan/0002.png"), List.of(page, second), manifest)),
                ARCHIVIST);
        for (int i = 0; i < 240 && batches.progress(batch, ARCHIVIST).status().equals("PROCESSING"); i++) {
            Thread.sleep(500);
        }
        var scanned = items.items(batch, ARCHIVIST).get(0);
        if (accounts.byUsername("copies-archivist").isEmpty()) {
            accounts.provision(
                    "copies-archivist",
                    "档案员柏青",
                    organisations.root().id(),
                    Set.of(Role.ARCHIVIST),
                    "Copies-arch-1234",
                    false);
        }
        UUID captured = items.confirm(batch, scanned.id(), "GRCB", null, "柏松远", "柏松远参保人员增员表", "2024-05-10", ARCHIVIST);
        // the searchable access copy and the index follow on workers: wait for both before destroying
        for (int i = 0; i < 160 && renditions.find(captured, "ACCESS_PDF").isEmpty(); i++) {
            Thread.sleep(250);
        }
        for (int i = 0; i < 160 && !indexed(captured); i++) {
            Thread.sleep(250);
        }
        return captured;
    }

    private boolean indexed(UUID item) {
        return jdbc.sql(
                                """
                select count(*) from event_publication where listener_id like '%SearchIndexer%'
                and serialized_event like :item and completion_date is not null
                and event_type = 'org.siarchive.digitisation.RecognisedTextFiled'
                """)
                        .param("item", "%" + item + "%")
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private ConsoleSession login(Role role) {
        String run = UUID.randomUUID().toString().substring(0, 6);
        var l = TestAccounts.create(
                accounts,
                "cp" + role.name().toLowerCase() + run,
                organisations.root().id(),
                Set.of(role),
                3,
                role.requiresSecondFactor());
        var s = new ConsoleSession(port);
        assertThat(s.login(l.username(), l.password(), l.codes())).isEqualTo("/");
        s.get("/account");
        return s;
    }

    private List<Path> pageFiles(UUID item) {
        return jdbc.sql(
                        """
                select p.batch_id, p.path from scan_page p join scan_item s on s.id = p.item_id where s.item_id = :id
                """)
                .param("id", item)
                .query((rs, n) -> batches.dir(rs.getObject(1, UUID.class)).resolve(rs.getString(2)))
                .list();
    }

    @Test
    void aDestroyedItemLeavesNoCopyAnswersGoneAndStaysFindableByItsCode() throws Exception {
        UUID item = scannedItem();
        String code = jdbc.sql("select archive_code from item where id = :id")
                .param("id", item)
                .query(String.class)
                .single();
        Path index = DATA_DIR.resolve("search-index");
        byte[] marker = MARKER.getBytes(StandardCharsets.UTF_8);
        byte[] bigram = "江柏".getBytes(StandardCharsets.UTF_8);

        // before: the marker is in the OCR text (decrypted), in the index's dictionary and in its raw files
        assertThat(texts.ofItem(item)).hasValueSatisfying(t -> assertThat(t).contains(MARKER));
        IndexFiles.commit(context);
        assertThat(IndexFiles.hasTerm(index, "江柏"))
                .as("the bigram of the marker is indexed")
                .isTrue();
        assertThat(IndexFiles.filesContaining(index, marker, bigram))
                .as("the raw scan finds the marker before destruction (so it can fail)")
                .isNotEmpty();
        var files = pageFiles(item);
        assertThat(files).isNotEmpty().allSatisfy(f -> assertThat(f).isRegularFile());

        // a reader holds a grant on it before it is destroyed
        var reader = login(Role.READER);
        var approver = login(Role.APPROVER);
        var archivist = login(Role.ARCHIVIST);
        var requested = reader.post(
                "/lending/requests",
                Map.of("archiveCodes", code, "purposeCode", "QUERY", "purpose", "核对", "periodDays", "3"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(302);
        long request = Long.parseLong(
                requested.location().substring(requested.location().lastIndexOf('/') + 1));
        assertThat(approver.post("/lending/requests/" + request + "/decision", Map.of("approve", "true"))
                        .status())
                .isEqualTo(302);
        String state = jdbc.sql("select status from loan_request where id = :id")
                .param("id", request)
                .query(String.class)
                .single();
        if (state.equals("PENDING")) { // a sensitive item needs a second, different approver
            var second = login(Role.APPROVER);
            assertThat(second.post("/lending/requests/" + request + "/decision", Map.of("approve", "true"))
                            .status())
                    .isEqualTo(302);
        }
        String viewerPage = "/lending/requests/" + request + "/items/" + item + "/pages/1/1";
        assertThat(reader.bytes(viewerPage).statusCode()).as("granted before").isEqualTo(200);

        // another reader's request is still pending when the item is destroyed
        var later = login(Role.READER)
                .post(
                        "/lending/requests",
                        Map.of("archiveCodes", code, "purposeCode", "QUERY", "purpose", "复核", "periodDays", "3"));
        assertThat(later.status()).as(later.body()).isEqualTo(302);
        long pending =
                Long.parseLong(later.location().substring(later.location().lastIndexOf('/') + 1));

        var written = Tombstoning.destroy(jdbc, tx, events, item, "CP" + System.nanoTime() % 1_000_000);
        int listeners = Tombstoning.awaitListeners(jdbc, item, 4);
        assertThat(IndexFiles.expunge(context)).isTrue();

        // after: no index file, no dictionary, no digitisation row or file holds the text or the images
        assertThat(IndexFiles.hasTerm(index, "江柏"))
                .as("dictionary after expunge")
                .isFalse();
        assertThat(IndexFiles.filesContaining(index, marker, bigram))
                .as("raw index files")
                .isEmpty();
        assertThat(texts.ofItem(item)).isEmpty();
        assertThat(files).allSatisfy(f -> assertThat(f).doesNotExist());
        assertThat(jdbc.sql(
                                """
                select count(*) from scan_page p join scan_item s on s.id = p.item_id where s.item_id = :id
                and (p.ocr_text_enc is not null or p.ocr_words_enc is not null or p.sheet is not null
                     or p.fingerprint is not null or s.person_name is not null or s.cert_no_enc is not null)
                """)
                        .param("id", item)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from scan_page p join scan_item s on s.id = p.item_id"
                                + " where s.item_id = :id and p.sha256 is not null and s.destroyed_at is not null")
                        .param("id", item)
                        .query(Integer.class)
                        .single())
                .as("hashes stay as fixity facts")
                .isPositive();
        assertThat(jdbc.sql("select count(*) from loan_request_item where item_id = :id and ended_at is null")
                        .param("id", item)
                        .query(Integer.class)
                        .single())
                .as("the grant ended for the item")
                .isZero();

        // every content route answers 410 with the destruction record
        var page = archivist.get("/items/" + item);
        assertThat(page.status()).isEqualTo(410);
        assertThat(page.body()).contains("已销毁", code, written.listNo(), written.batchNo(), "电子数据彻底删除", "档案馆二楼机房");
        assertThat(archivist.get("/items/" + item + "/correction").status()).isEqualTo(410);
        var json = archivist.api("GET", "/api/v1/items/" + item, null);
        assertThat(json.status()).isEqualTo(410);
        assertThat(json.body()).contains("\"listNo\":\"" + written.listNo() + "\"", "\"archiveCode\":\"" + code + "\"");
        assertThat(json.body()).contains("2026-11-01 10:00 → 2027-11-01 10:00", "sha256");
        for (String path : List.of(
                "/api/v1/items/" + item + "/files/1",
                "/api/v1/items/" + item + "/access.pdf",
                "/api/v1/items/by-archive-code?code=" + java.net.URLEncoder.encode(code, StandardCharsets.UTF_8))) {
            assertThat(archivist.api("GET", path, null).status()).as(path).isEqualTo(410);
        }
        // every item route of the API document for the destroyed id: 410; the preservation history (events,
        // not content) stays readable as the record of what happened
        var doc = org.siarchive.support.ApiClient.JSON.readTree(
                archivist.api("GET", "/v3/api-docs", null).body());
        int walked = 0;
        for (var route : doc.path("paths").properties()) {
            String template = route.getKey();
            if (!template.startsWith("/api/v1/items/{id}")
                    || !route.getValue().has("get")
                    || template.endsWith("/preservation-events")) {
                continue;
            }
            String concrete = template.replace("{id}", item.toString()).replace("{seq}", "1");
            assertThat(archivist.api("GET", concrete, null).status())
                    .as(concrete)
                    .isEqualTo(410);
            walked++;
        }
        assertThat(walked).as("item routes walked").isGreaterThanOrEqualTo(3);
        for (String path : List.of(
                viewerPage,
                "/lending/requests/" + request + "/items/" + item,
                "/lending/requests/" + request + "/items/" + item + "/record")) {
            assertThat(reader.bytes(path).statusCode()).as(path).isEqualTo(410);
        }
        UUID batch = jdbc.sql("select s.batch_id from scan_item s where s.item_id = :id")
                .param("id", item)
                .query(UUID.class)
                .single();
        // the scan page route (GET /scan-batches/{id}/pages/{seq}) asks this door before it reads a file
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> destroyedScans.refuseIfDestroyed(batch, 1))
                .isInstanceOf(org.siarchive.shared.GoneException.class);

        // findable by its 档号, not by its words; lending refuses it; the fixity feed skips it
        var byCode = archivist.api(
                "GET", "/api/v1/search?q=" + java.net.URLEncoder.encode(code, StandardCharsets.UTF_8), null);
        assertThat(byCode.status()).isEqualTo(200);
        assertThat(byCode.body()).contains("\"destroyed\":[{\"id\":\"" + item + "\"");
        var consoleByCode =
                archivist.get("/search?archiveCode=" + java.net.URLEncoder.encode(code, StandardCharsets.UTF_8));
        assertThat(consoleByCode.body()).contains("id=\"tombstones\"", code);
        var byWords = archivist.api(
                "GET", "/api/v1/search?q=" + java.net.URLEncoder.encode(MARKER, StandardCharsets.UTF_8), null);
        assertThat(byWords.body()).doesNotContain(item.toString());
        var refused = reader.post(
                "/lending/requests",
                Map.of("archiveCodes", code, "purposeCode", "QUERY", "purpose", "核对", "periodDays", "3"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("已销毁", code);
        var approving = approver.post("/lending/requests/" + pending + "/decision", Map.of("approve", "true"));
        assertThat(approving.status())
                .as("a pending request naming a destroyed item is not granted")
                .isEqualTo(409);
        assertThat(approving.body()).contains("已销毁", code);
        var all = new java.util.ArrayList<UUID>();
        for (var p = feed.preserved(ItemFeed.WHOLE_STORE, null, ItemFeed.MAX_PAGE); ; ) {
            p.items().forEach(i -> all.add(i.id()));
            if (p.next() == null) {
                break;
            }
            p = feed.preserved(ItemFeed.WHOLE_STORE, p.next(), ItemFeed.MAX_PAGE);
        }
        assertThat(all).doesNotContain(item);

        // a second delivery (a republication after a crash) completes and changes nothing
        Tombstoning.announceAgain(jdbc, tx, events, item, written.listNo());
        assertThat(Tombstoning.awaitListeners(jdbc, item, listeners * 2)).isEqualTo(listeners * 2);
        assertThat(IndexFiles.expunge(context)).isTrue();
        assertThat(IndexFiles.filesContaining(index, marker, bigram)).isEmpty();
        assertThat(archivist.get("/items/" + item).status()).isEqualTo(410);
    }
}
