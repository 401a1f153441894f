package org.siarchive.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.quality.Submission;
import org.siarchive.shared.Actor;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.PortalBrowser;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Persons see their own archive (issue 19, item 3), over HTTP with a portal session: exactly their preserved
 * items and nothing withheld (compared with SQL), a watermarked PDF naming them and the Beijing time, their open
 * cases and who queried their file, and their own certificates; items, files and certificates of anyone else —
 * and withheld, malformed or invented ids — answer 404, each refusal audited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalArchiveIT extends IntegrationTest {

    private static final Pattern ITEM_IDS = Pattern.compile("data-item=\"([0-9a-f-]{36})\"");

    @LocalServerPort
    int port;

    @Autowired
    Captures captures;

    @Autowired
    PortalAccounts accounts;

    @Autowired
    PortalSessions sessions;

    @Autowired
    FieldCipher cipher;

    @Autowired
    JdbcClient jdbc;

    String certA;
    String certB;
    long accountA;
    long accountB;
    ItemRecord ownPublic;
    ItemRecord ownSecond;
    ItemRecord ownClassified;
    ItemRecord ownAudit;
    ItemRecord ownQuarantined;
    ItemRecord othersItem;
    String caseA;
    String caseB;

    @BeforeAll
    void plant() {
        certA = Samples.citizenId(1975);
        certB = Samples.citizenId(1980);
        ownPublic = capture(Samples.personEnrolment(Samples.acceptanceNo(), certA, "欧阳晓梅"), 1);
        ownSecond = capture(Samples.personEnrolment(Samples.acceptanceNo(), certA, "欧阳晓梅"), 2);
        ownClassified =
                capture(Samples.personEnrolment("0001", "3", Samples.acceptanceNo(), certA, "欧阳晓梅", null, null), 3);
        ownAudit = capture(auditFinding(certA), 4);
        ownQuarantined = capture(Samples.personEnrolment(Samples.acceptanceNo(), certA, "欧阳晓梅"), 5);
        // set aside as a capture that could not complete would be (Catalog.quarantine moves RECEIVING items only)
        jdbc.sql("update item set status = 'QUARANTINED', status_reason = '材料待核实' where id = :id")
                .param("id", ownQuarantined.id())
                .update();
        othersItem = capture(Samples.personEnrolment(Samples.acceptanceNo(), certB, "司徒建国"), 6);
        accountA = accounts.ensure(PortalUser.Kind.PERSON, "欧阳晓梅", certA, "13800000001", Actor.SYSTEM);
        accountB = accounts.ensure(PortalUser.Kind.PERSON, "司徒建国", certB, "13800000002", Actor.SYSTEM);
        caseA = plantCase(certA, "欧*梅");
        caseB = plantCase(certB, "司*国");
        plantInquiry(certA, "民政局（A）", "DIBAO");
        plantInquiry(certB, "住建局（B）", "HOUSING");
    }

    @AfterAll
    void removePlanted() {
        jdbc.sql("update item set status = 'PRESERVED', status_reason = null where id = :id")
                .param("id", ownQuarantined.id())
                .update();
        jdbc.sql("delete from continuation_case where case_no in (:a, :b)")
                .param("a", caseA)
                .param("b", caseB)
                .update();
        jdbc.sql("delete from exchange_entry where client_name in ('民政局（A）', '住建局（B）')")
                .update();
    }

    private ItemRecord capture(Submission s, long seed) {
        var uploads = new ArrayList<Upload>();
        uploads.add(Upload.ofBytes("申请表.png", Samples.png(19_300 + seed)));
        uploads.add(Upload.ofBytes("登记表.pdf", Samples.pdf("portal own archive " + seed)));
        return captures.capture(s, uploads, null, Actor.SYSTEM).item();
    }

    /** 数据比对预警核查 (JHYJ, category 09) about the person: internal, withheld by the default rule. */
    private static Submission auditFinding(String cert) {
        var s = Samples.personEnrolment(Samples.acceptanceNo(), cert, "欧阳晓梅");
        return new Submission(
                "0001",
                s.acceptanceNo(),
                "JHYJ",
                null,
                "数据比对预警核查报告",
                s.responsible(),
                s.docDate(),
                null,
                null,
                s.person(),
                null,
                s.handler(),
                s.handlingAgency(),
                s.handledAt(),
                List.of(new Submission.Material("JH04"), new Submission.Material("JH05")));
    }

    private String plantCase(String cert, String masked) {
        String no = "ZYT" + System.nanoTime();
        jdbc.sql(
                        """
                insert into continuation_case (case_no, kind, direction, scheme, person_token, cert_enc, name_enc,
                    name_masked, org_id, org_path, state, due_on, applied_on, peer_agency, created_by)
                values (:no, 'TRANSFER', 'IN', '110', :token, :cert, :name, :masked, 1, '/1/', 'LETTER_SENT',
                    current_date + 10, current_date - 3, '外省社会保险事业管理中心', 'test')""")
                .param("no", no)
                .param("token", cipher.blindIndex(cert, "continuation.cert_no"))
                .param("cert", cipher.encrypt(cert, "continuation.cert_no"))
                .param("name", cipher.encrypt(masked, "continuation.name"))
                .param("masked", masked)
                .update();
        return no;
    }

    private void plantInquiry(String cert, String client, String purpose) {
        jdbc.sql(
                        """
                insert into exchange_entry (client_name, purpose, subject_token, subject_masked, fields_requested,
                    fields_answered, result, remote_addr, request_ref, legal_basis_ref)
                values (:client, :purpose, :token, '110***0000', 'ENROLLED,ARCHIVE_ITEMS', 'ENROLLED', 'ANSWERED',
                    '10.9.8.7', 'REQ-INTERNAL-77', '协查函内部编号-88')""")
                .param("client", client)
                .param("purpose", purpose)
                .param("token", cipher.blindIndex(cert, "exchange.subject"))
                .update();
    }

    private PortalBrowser as(long account) {
        return new PortalBrowser(port).signedIn(sessions.open(account, "127.0.0.1"));
    }

    private long denied(long account) {
        return jdbc.sql("select count(*) from audit_entry where actor = :a and result = 'DENIED'")
                .param("a", "portal:" + account)
                .query(Long.class)
                .single();
    }

    /** What the rule lets the person see of their own file, straight from the tables. */
    private Set<String> expectedBySql(String cert) {
        return new HashSet<>(jdbc.sql(
                        """
                select i.id::text from item i join person p on p.id = i.person_id
                where p.cert_no_index = :k and i.status = 'PRESERVED' and i.security_level::int <= 2
                  and i.step_code not in ('JHCL', 'JHYJ') and i.category_code <> '09'""")
                .param("k", cipher.blindIndex(cert, "person.cert_no"))
                .query(String.class)
                .list());
    }

    @Test
    void aPersonSeesExactlyTheirOwnItemsAndNothingWithheld() {
        var page = as(accountA).get("/portal/items");
        assertThat(page.status()).isEqualTo(200);
        var shown = new HashSet<String>();
        ITEM_IDS.matcher(page.body()).results().forEach(m -> shown.add(m.group(1)));
        assertThat(shown)
                .isEqualTo(expectedBySql(certA))
                .containsExactlyInAnyOrder(
                        ownPublic.id().toString(), ownSecond.id().toString());
        assertThat(page.body())
                .contains(ownPublic.archiveCode(), "个人参保登记", "测试市社会保险事业管理中心")
                .doesNotContain(othersItem.archiveCode(), "司徒建国", ownClassified.archiveCode(), ownAudit.archiveCode())
                .doesNotContain(ownQuarantined.archiveCode(), certA, certB);
        // the other person sees theirs only
        var other = new HashSet<String>();
        ITEM_IDS.matcher(as(accountB).get("/portal/items").body()).results().forEach(m -> other.add(m.group(1)));
        assertThat(other)
                .isEqualTo(expectedBySql(certB))
                .containsExactly(othersItem.id().toString());
        // bounded: any page number is a page, never an error or everything
        assertThat(as(accountA).get("/portal/items?page=99999").body()).contains("id=\"portal-items-empty\"");
        assertThat(as(accountA).get("/portal/items?page=abc").status()).isEqualTo(200);
        assertThat(as(accountA).get("/portal/items?lang=en").body()).contains("My archive", "Business step");
        assertThat(jdbc.sql("select count(*) from audit_entry where actor = :a and operation = 'LIST'")
                        .param("a", "portal:" + accountA)
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void anItemOpensWithItsFilesAndDownloadsAsAPdfWatermarkedWithTheNameAndBeijingTime() throws Exception {
        var browser = as(accountA);
        var item = browser.get("/portal/items/" + ownPublic.id());
        assertThat(item.status()).isEqualTo(200);
        assertThat(item.body())
                .contains(ownPublic.archiveCode(), "data-seq=\"1\"", "data-seq=\"2\"")
                .doesNotContain(certA);
        assertThat(browser.get("/portal/items/" + ownPublic.id() + "?lang=en").body())
                .contains("Download (watermarked PDF)", "Handling agency");
        var before = ZonedDateTime.now(ZoneId.of("Asia/Shanghai"));
        for (int seq : new int[] {1, 2}) {
            var pdf = browser.bytes("/portal/items/" + ownPublic.id() + "/files/" + seq);
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
            try (var doc = Loader.loadPDF(pdf.body())) {
                String text = new PDFTextStripper().getText(doc);
                assertThat(text).contains("欧阳晓梅", ownPublic.archiveCode(), "portal:" + accountA);
                var stamp = Pattern.compile("欧阳晓梅\\s+(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})")
                        .matcher(text);
                assertThat(stamp.find()).as(text).isTrue();
                var at = java.time.LocalDateTime.parse(
                        stamp.group(1), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
                // Beijing time, not the server's UTC: within a minute of Beijing's clock
                assertThat(java.time.Duration.between(before.toLocalDateTime(), at)
                                .abs()
                                .toSeconds())
                        .isLessThan(60);
            }
        }
        assertThat(jdbc.sql(
                                """
                select count(*) from audit_entry where actor = :a and operation = 'DOWNLOAD'
                  and object_id = :id and result = 'SUCCESS'""")
                        .param("a", "portal:" + accountA)
                        .param("id", ownPublic.id().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql(
                                "select count(*) from audit_entry where actor = :a and operation = 'READ' and object_id = :id")
                        .param("a", "portal:" + accountA)
                        .param("id", ownPublic.id().toString())
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    /** Figures for the note: the list page and a ten-page copy, on this machine (printed, not asserted). */
    @Test
    void aTenPageCopyIsWatermarkedOnEveryPageAndItsCostIsMeasured() throws Exception {
        String certC = Samples.citizenId(1985);
        var item = captures.capture(
                        Samples.personEnrolment(Samples.acceptanceNo(), certC, "端木子涵"),
                        List.of(Upload.ofBytes("申请表.png", Samples.png(19_399)), Upload.ofBytes("登记表.pdf", pages(10))),
                        null,
                        Actor.SYSTEM)
                .item();
        long account = accounts.ensure(PortalUser.Kind.PERSON, "端木子涵", certC, null, Actor.SYSTEM);
        var b = as(account);
        b.get("/portal/items");
        long t0 = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            assertThat(b.get("/portal/items").status()).isEqualTo(200);
        }
        long t1 = System.nanoTime();
        var pdf = b.bytes("/portal/items/" + item.id() + "/files/2");
        long t2 = System.nanoTime();
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var doc = Loader.loadPDF(pdf.body())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(10);
            var stripper = new PDFTextStripper();
            for (int p = 1; p <= 10; p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                assertThat(stripper.getText(doc)).as("page " + p).contains("端木子涵", item.archiveCode());
            }
        }
        System.out.printf(
                "PORTAL-FIGURES list page %.1f ms (mean of 10); ten-page watermarked copy %.0f ms, %d KB%n",
                (t1 - t0) / 1e7, (t2 - t1) / 1e6, pdf.body().length / 1024);
    }

    private static byte[] pages(int n) throws java.io.IOException {
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            for (int i = 0; i < n; i++) {
                var page = new org.apache.pdfbox.pdmodel.PDPage();
                doc.addPage(page);
                try (var cs = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(
                            new org.apache.pdfbox.pdmodel.font.PDType1Font(
                                    org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA),
                            14);
                    cs.newLineAtOffset(72, 700);
                    cs.showText("page " + (i + 1) + " of the registration form");
                    cs.endText();
                }
            }
            var out = new java.io.ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void walkingOtherIdsAnswers404AndEachRefusalIsAudited() {
        var a = as(accountA);
        var paths = new ArrayList<String>();
        for (var foreign : List.of(othersItem, ownClassified, ownAudit, ownQuarantined)) {
            paths.add("/portal/items/" + foreign.id());
            paths.add("/portal/items/" + foreign.id() + "/files/1");
        }
        paths.add("/portal/items/" + UUID.randomUUID());
        paths.add("/portal/items/00000000-0000-0000-0000-000000000000");
        paths.add("/portal/items/not-a-uuid");
        paths.add("/portal/items/%27%20or%201%3D1--");
        paths.add("/portal/items/" + ownPublic.id() + "/files/99");
        paths.add("/portal/items/" + ownPublic.id() + "/files/0");
        paths.add("/portal/items/" + ownPublic.id() + "/files/-1");
        paths.add("/portal/items/" + ownPublic.id() + "/files/abc");
        paths.add("/portal/items/" + UUID.randomUUID() + "/files/1");
        for (String path : paths) {
            long before = denied(accountA);
            var r = a.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).doesNotContain(othersItem.title(), "司徒建国");
            assertThat(denied(accountA)).as(path + " audited").isEqualTo(before + 1);
        }
        // path tricks never reach another item: refused before any handler, or a 404 of the portal's own
        for (String trick : List.of(
                "/portal/items/" + othersItem.id() + "%2F..%2F" + ownPublic.id(),
                "/portal/items/..%2F..%2Fapi%2Fv1%2Fitems%2F" + othersItem.id(),
                "/portal/items/" + ownPublic.id() + "/files/1%3Bitem=" + othersItem.id())) {
            var r = a.get(trick);
            assertThat(r.status()).as(trick).isIn(400, 404);
            assertThat(r.body()).as(trick).doesNotContain(othersItem.archiveCode());
        }
        // an employer's agent has no own archive of a person
        long employer = accounts.ensure(PortalUser.Kind.EMPLOYER, "欧阳晓梅", certA, "13800000001", Actor.SYSTEM);
        assertThat(as(employer).get("/portal/items/" + ownPublic.id()).status()).isEqualTo(404);
    }

    @Test
    void openCasesAndWhoQueriedTheFileAreTheirOwnWithoutInternalDetails() {
        var a = as(accountA);
        var progress = a.get("/portal/progress");
        assertThat(progress.status()).isEqualTo(200);
        assertThat(progress.body())
                .contains(caseA, "已发联系函", "外省社会保险事业管理中心", ownQuarantined.title(), "材料待核实，经办机构正在处理")
                .doesNotContain(caseB);
        var inquiries = a.get("/portal/inquiries");
        assertThat(inquiries.status()).isEqualTo(200);
        assertThat(inquiries.body())
                .contains("民政局（A）", "低保资格核查", "是否参保", "已答复")
                .doesNotContain("住建局（B）", "REQ-INTERNAL-77", "协查函内部编号-88", "10.9.8.7");
        assertThat(as(accountB).get("/portal/progress").body()).contains(caseB).doesNotContain(caseA);
    }
}
