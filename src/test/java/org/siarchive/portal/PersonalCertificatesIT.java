package org.siarchive.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.certificates.Certificates;
import org.siarchive.shared.Actor;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.PortalBrowser;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Self-service certificates (issue 19, item 3): a person issues today's extract of their own archive as signed
 * PDF and OFD, lists and downloads them, and the public page verifies them; the extract lists what the person is
 * shown (a 敏感 item left out); a bad form keeps its input and names the field; another person's certificate,
 * and invented ids, answer 404, audited.
 */
class PersonalCertificatesIT extends IntegrationTest {

    private static final Pattern ISSUED = Pattern.compile("issued=([0-9A-Z]{16})");
    private static final Pattern DOCUMENT = Pattern.compile("/portal/certificates/(\\d+)/document");

    @LocalServerPort
    int port;

    @Autowired
    Captures captures;

    @Autowired
    Certificates certificates;

    @Autowired
    PortalAccounts accounts;

    @Autowired
    PortalSessions sessions;

    @Autowired
    JdbcClient jdbc;

    private long person(String name, String cert, int shown, int sensitive) {
        for (int i = 0; i < shown + sensitive; i++) {
            var s = i < shown
                    ? Samples.personEnrolment(Samples.acceptanceNo(), cert, name)
                    : Samples.personEnrolment("0001", "3", Samples.acceptanceNo(), cert, name, null, null);
            captures.capture(
                    s,
                    List.of(
                            Upload.ofBytes("a.png", Samples.png(cert.hashCode() + i)),
                            Upload.ofBytes("b.pdf", Samples.pdf("extract " + i))),
                    null,
                    Actor.SYSTEM);
        }
        return accounts.ensure(PortalUser.Kind.PERSON, name, cert, "13900000000", Actor.SYSTEM);
    }

    private PortalBrowser as(long account) {
        return new PortalBrowser(port).signedIn(sessions.open(account, "127.0.0.1"));
    }

    private String issue(PortalBrowser b, String format, String purpose) {
        b.get("/portal/certificates");
        var r = b.post("/portal/certificates", Map.of("format", format, "purpose", purpose));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        var m = ISSUED.matcher(r.location());
        assertThat(m.find()).as(r.location()).isTrue();
        return m.group(1);
    }

    private long idOf(String code) {
        return jdbc.sql("select id from certificate where code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    @Test
    void aPersonIssuesTheirOwnExtractDownloadsItAndThePublicPageVerifiesIt() throws Exception {
        String cert = Samples.citizenId(1968);
        long account = person("上官婉清", cert, 2, 1);
        var b = as(account);
        String pdfCode = issue(b, "PDF", "办理贷款");
        String ofdCode = issue(b, "OFD", "个人留存");

        var list = b.get("/portal/certificates?issued=" + pdfCode);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(pdfCode, ofdCode, "/verify/" + pdfCode, "id=\"portal-issued\"");
        var ids = DOCUMENT.matcher(list.body()).results().map(m -> m.group(1)).toList();
        assertThat(ids).containsExactlyInAnyOrder(Long.toString(idOf(pdfCode)), Long.toString(idOf(ofdCode)));

        var pdf = b.bytes("/portal/certificates/" + idOf(pdfCode) + "/document");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("社会保险业务档案摘录证明", pdfCode, "/verify/" + pdfCode, "上**清");
            assertThat(text).doesNotContain(cert);
            assertThat(doc.getSignatureDictionaries()).hasSize(1);
        }
        // the extract lists what the person is shown: two items, the 敏感 one left out
        assertThat(certificates.byCode(pdfCode).orElseThrow().items()).isEqualTo(2);
        assertThat(certificates.verify(pdfCode, pdf.body()).authentic()).isTrue();
        var ofd = b.bytes("/portal/certificates/" + idOf(ofdCode) + "/document");
        assertThat(ofd.statusCode()).isEqualTo(200);
        assertThat(certificates.verify(ofdCode, ofd.body()).authentic()).isTrue();

        // the person is told each certificate is ready, once
        assertThat(jdbc.sql(
                                """
                select count(*) from portal_notice where account_id = :a
                  and label_key = 'portal.notice.certificate.ready' and args[1] in (:p, :o)""")
                        .param("a", account)
                        .param("p", pdfCode)
                        .param("o", ofdCode)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        var verify = new ConsoleSession(port).get("/verify/" + pdfCode);
        assertThat(verify.status()).isEqualTo(200);
        assertThat(verify.body()).contains("id=\"verify-found\"", "上**清").doesNotContain(cert);

        assertThat(jdbc.sql(
                                """
                select count(*) from audit_entry where actor = :a and object_type = 'CERTIFICATE'
                  and operation in ('ISSUE', 'DOWNLOAD') and result = 'SUCCESS'""")
                        .param("a", "portal:" + account)
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
    }

    @Test
    void aBadFormKeepsItsInputAndNamesTheFieldAndNothingIsIssued() {
        String cert = Samples.citizenId(1972);
        long account = person("诸葛明远", cert, 1, 0);
        var b = as(account);
        b.get("/portal/certificates");
        var r = b.post("/portal/certificates", Map.of("format", "DOCX", "purpose", ""));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("id=\"form-errors\"", "id=\"purpose-error\"", "id=\"format-error\"");
        var longPurpose = "用".repeat(201);
        var r2 = b.post("/portal/certificates", Map.of("format", "PDF", "purpose", longPurpose));
        assertThat(r2.status()).isEqualTo(422);
        assertThat(r2.body()).contains(longPurpose, "id=\"purpose-error\"");
        assertThat(jdbc.sql("select count(*) from certificate where issued_by = :a")
                        .param("a", "portal:" + account)
                        .query(Long.class)
                        .single())
                .isZero();
        // a person with nothing the portal shows gets a plain answer, not an empty certificate
        long nobody =
                accounts.ensure(PortalUser.Kind.PERSON, "东方未明", Samples.citizenId(1990), "13900000001", Actor.SYSTEM);
        var none = as(nobody);
        none.get("/portal/certificates");
        var r3 = none.post("/portal/certificates", Map.of("format", "PDF", "purpose", "个人留存"));
        assertThat(r3.status()).isEqualTo(409);
        assertThat(r3.body()).contains("id=\"portal-problem\"", "暂无可在网上开具证明的档案");
    }

    @Test
    void anotherPersonsCertificateAndInventedIdsAnswer404Audited() {
        long a = person("慕容秋水", Samples.citizenId(1977), 1, 0);
        long b = person("皇甫春生", Samples.citizenId(1979), 1, 0);
        String codeOfB = issue(as(b), "PDF", "个人留存");
        long idOfB = idOf(codeOfB);
        var browser = as(a);
        for (String id : List.of(Long.toString(idOfB), "999999999", "-1", "abc", "1%20or%201=1", "0")) {
            long before = denied(a);
            var r = browser.get("/portal/certificates/" + id + "/document");
            assertThat(r.status()).as(id).isEqualTo(404);
            assertThat(r.body()).as(id).doesNotContain(codeOfB);
            assertThat(denied(a)).as(id + " audited").isEqualTo(before + 1);
        }
        assertThat(browser.get("/portal/certificates").body()).doesNotContain(codeOfB);
        assertThat(as(b).bytes("/portal/certificates/" + idOfB + "/document").statusCode())
                .isEqualTo(200);
    }

    private long denied(long account) {
        return jdbc.sql("select count(*) from audit_entry where actor = :a and result = 'DENIED'")
                .param("a", "portal:" + account)
                .query(Long.class)
                .single();
    }
}
