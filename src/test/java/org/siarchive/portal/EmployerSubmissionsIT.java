package org.siarchive.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siarchive.organisation.Organisations;
import org.siarchive.quality.CreditCode;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Actor;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.HostileFiles;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.PortalBrowser;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Employers' online submissions over HTTP (issue 19, item 4): a binding requested in the portal and
 * approved in the console, a declaration submitted with a valid PDF, accepted by a clerk into capture (档号
 * the employer then sees, equal to its catalogue's), a return with its reason, and the refusals — an unbound
 * credit code (403), hostile or malformed files (422, no row), another employer's ids (404, audited).
 */
class EmployerSubmissionsIT extends IntegrationTest {

    private static final Pattern SUBMISSION_ID = Pattern.compile("/portal/submissions/(\\d+)$");

    @LocalServerPort
    int port;

    @Autowired
    PortalSessions sessions;

    @Autowired
    PortalAccounts portalAccounts;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    JdbcClient jdbc;

    private ConsoleSession clerk;

    @BeforeEach
    void clerk() {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        var staff = TestAccounts.create(
                accounts, "emclerk" + run, organisations.root().id(), Set.of(Role.CLERK), 3, false);
        clerk = new ConsoleSession(port);
        clerk.login(staff.username(), staff.password(), staff.codes());
    }

    @Test
    void aBoundEmployerSubmitsAClerkAcceptsAndTheEmployerSeesTheArchiveCodeOfItsCatalogue() {
        String code = creditCode();
        var employer = employer("王经办");
        bind(employer, code, "测试市申报样本有限公司");

        var form = employer.get("/portal/submissions/new?businessStep=JFHD&creditCode=" + code);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("缴费申报与核定", "file-ZJ01", "file-ZJ02", "必交");

        long t0 = System.nanoTime();
        var sent = submit(
                employer,
                code,
                "JFHD",
                "2025年度缴费基数申报",
                Map.of(
                        "file-ZJ01", new Part("基数申报表.pdf", Samples.pdf("declaration " + code)),
                        "file-ZJ02", new Part("工资明细.pdf", Samples.pdf("wages " + code))));
        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        long submitted = System.nanoTime() - t0;
        long id = idOf(sent.location());
        assertThat(employer.get("/portal/submissions/" + id).body()).contains("待受理");

        var inbox = clerk.get("/submissions");
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.body()).contains("2025年度缴费基数申报");
        assertThat(clerk.get("/submissions/" + id).body()).contains("基数申报表.pdf", "受理并归档");

        long t1 = System.nanoTime();
        var accepted = clerk.post("/submissions/" + id + "/accept", Map.of());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(302);
        System.out.printf(
                "employer submission: submit (screen + keep, 2 PDFs) %d ms, accept (capture) %d ms%n",
                submitted / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
        String archiveCode = jdbc.sql("select archive_code from portal_submission where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(archiveCode).isNotBlank();
        // accepting again captures nothing new: the same 档号
        assertThat(clerk.post("/submissions/" + id + "/accept", Map.of()).status())
                .isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from item i join employer e on e.id = i.employer_id"
                                + " where e.credit_code = :c")
                        .param("c", code)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(audited("PORTAL_SUBMISSION", Long.toString(id), "RECEIVE")).isEqualTo(1);
        assertThat(noticed(id, "portal.notice.submission.accepted"))
                .as("told once, not per retry")
                .isEqualTo(1);
        assertThat(noticed(id, "portal.notice.binding.approved")).isEqualTo(1);

        var mine = employer.get("/portal/submissions/" + id);
        assertThat(mine.body()).contains("已受理", archiveCode);
        var catalogue = employer.get("/portal/employer");
        assertThat(catalogue.status()).isEqualTo(200);
        assertThat(catalogue.body()).contains(archiveCode, "共 1 件");
        String itemId = jdbc.sql("select item_id::text from portal_submission where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(employer.get("/portal/employer/items/" + itemId).body()).contains(archiveCode);
        assertThat(jdbc.sql(
                                "select count(*) from portal_submission_file where submission_id = :id and content is not null")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .as("the kept bytes leave once the archive holds them")
                .isZero();
    }

    @Test
    void aReturnedSubmissionShowsItsReasonAndAReturnNeedsOne() {
        String code = creditCode();
        var employer = employer("赵经办");
        bind(employer, code, "测试市退回样本有限公司");
        var sent = submit(
                employer,
                code,
                "DWBG",
                "单位名称变更登记",
                Map.of(
                        "file-DW04", new Part("变更登记表.pdf", Samples.pdf("change " + code)),
                        "file-DW05", new Part("营业执照.pdf", Samples.pdf("licence " + code))));
        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        long id = idOf(sent.location());

        clerk.get("/submissions/" + id);
        var blank = clerk.post("/submissions/" + id + "/return", Map.of("reason", " "));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.body()).contains("reason-error");
        var returned = clerk.post("/submissions/" + id + "/return", Map.of("reason", "营业执照复印件不清晰，请重新上传"));
        assertThat(returned.status()).isEqualTo(302);
        assertThat(audited("PORTAL_SUBMISSION", Long.toString(id), "SEND_BACK")).isEqualTo(1);
        assertThat(noticed(id, "portal.notice.submission.returned")).isEqualTo(1);
        assertThat(clerk.post("/submissions/" + id + "/accept", Map.of()).status())
                .as("a returned submission is not accepted afterwards")
                .isEqualTo(409);

        var mine = employer.get("/portal/submissions/" + id);
        assertThat(mine.body()).contains("已退回", "营业执照复印件不清晰，请重新上传");
    }

    @Test
    void anUnboundCreditCodeIsRefusedWith403AndAudited() {
        String bound = creditCode();
        String other = creditCode();
        var employer = employer("钱经办");
        bind(employer, bound, "测试市已绑定有限公司");
        long before = submissionsOf(other);
        var sent = submit(
                employer,
                other,
                "JFHD",
                "冒名申报",
                Map.of(
                        "file-ZJ01", new Part("a.pdf", Samples.pdf("a " + other)),
                        "file-ZJ02", new Part("b.pdf", Samples.pdf("b " + other))));
        assertThat(sent.status()).isEqualTo(403);
        assertThat(sent.body()).contains("creditCode-error", "未绑定");
        var english = submit(
                employer,
                "/portal/submissions?lang=en",
                other,
                "JFHD",
                "冒名申报",
                Map.of(
                        "file-ZJ01", new Part("a.pdf", Samples.pdf("e " + other)),
                        "file-ZJ02", new Part("b.pdf", Samples.pdf("f " + other))));
        assertThat(english.status()).isEqualTo(403);
        assertThat(english.body()).contains("is not bound to the employer with credit code " + other);
        assertThat(submissionsOf(other)).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from audit_entry where object_type = 'EMPLOYER_BINDING'"
                                + " and object_id = :c and result = 'DENIED'")
                        .param("c", other)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        // a pending (not yet approved) binding does not count either
        employer.get("/portal/employer/bindings");
        employer.post("/portal/employer/bindings", Map.of("creditCode", other, "employerName", "测试市待审核有限公司"));
        assertThat(submit(
                                employer,
                                other,
                                "JFHD",
                                "待审核申报",
                                Map.of(
                                        "file-ZJ01", new Part("a.pdf", Samples.pdf("c " + other)),
                                        "file-ZJ02", new Part("b.pdf", Samples.pdf("d " + other))))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void hostileOrMalformedFilesAreRefusedLikeCaptureAndNothingIsKept() {
        String code = creditCode();
        var employer = employer("孙经办");
        bind(employer, code, "测试市恶意文件有限公司");
        var hostile = submit(
                employer,
                code,
                "JFHD",
                "带脚本的申报",
                Map.of(
                        "file-ZJ01", new Part("脚本.pdf", HostileFiles.pdfWithOpenActionScript()),
                        "file-ZJ02", new Part("b.pdf", Samples.pdf("ok " + code))));
        assertThat(hostile.status()).isEqualTo(422);
        assertThat(hostile.body()).contains("file-ZJ01-error");
        var malformed = submit(
                employer,
                code,
                "JFHD",
                "损坏的申报",
                Map.of(
                        "file-ZJ01",
                                new Part(
                                        "坏.pdf",
                                        "%PDF-1.7\n1 0 obj << /Type /Catalog".getBytes(StandardCharsets.US_ASCII)),
                        "file-ZJ02", new Part("b.pdf", Samples.pdf("ok2 " + code))));
        assertThat(malformed.status()).isEqualTo(422);
        var missing = submit(
                employer, code, "JFHD", "缺材料的申报", Map.of("file-ZJ01", new Part("a.pdf", Samples.pdf("only " + code))));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body()).contains("缺材料的申报");
        assertThat(submissionsOf(code)).isZero();
    }

    @Test
    void anotherEmployersSubmissionAndItemAnswer404AndAreAudited() {
        String codeA = creditCode();
        var a = employer("周经办");
        bind(a, codeA, "测试市甲有限公司");
        var sent = submit(
                a,
                codeA,
                "JFHD",
                "甲单位申报",
                Map.of(
                        "file-ZJ01", new Part("a.pdf", Samples.pdf("A1 " + codeA)),
                        "file-ZJ02", new Part("b.pdf", Samples.pdf("A2 " + codeA))));
        long id = idOf(sent.location());
        clerk.get("/submissions/" + id);
        clerk.post("/submissions/" + id + "/accept", Map.of());
        String itemId = jdbc.sql("select item_id::text from portal_submission where id = :id")
                .param("id", id)
                .query(String.class)
                .single();

        String codeB = creditCode();
        var b = employer("吴经办");
        bind(b, codeB, "测试市乙有限公司");
        assertThat(b.get("/portal/submissions/" + id).status()).isEqualTo(404);
        assertThat(b.get("/portal/submissions/999999999").status()).isEqualTo(404);
        assertThat(b.get("/portal/submissions/abc").status()).isEqualTo(404);
        assertThat(b.get("/portal/employer/items/not-a-uuid").status()).isEqualTo(404);
        assertThat(b.get("/portal/employer/items/" + itemId).status()).isEqualTo(404);
        assertThat(b.get("/portal/employer").body()).doesNotContain("甲单位申报");
        assertThat(b.get("/portal/submissions").body()).doesNotContain("甲单位申报");
        assertThat(jdbc.sql("select count(*) from audit_entry where object_type = 'PORTAL_SUBMISSION'"
                                + " and object_id = :id and operation = 'ACCESS' and result = 'DENIED'")
                        .param("id", Long.toString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(audited("ITEM", itemId, "ACCESS")).isEqualTo(1);
        assertThat(a.get("/portal/submissions/" + id).status()).isEqualTo(200);

        // a person's account has no employer pages
        long person = portalAccounts.ensure(
                PortalUser.Kind.PERSON, "郑参保", Samples.citizenId(1980), "13800000001", Actor.SYSTEM);
        var p = new PortalBrowser(port).signedIn(sessions.open(person, "127.0.0.1"));
        assertThat(p.get("/portal/submissions").status()).isEqualTo(403);
    }

    // helpers

    record Part(String name, byte[] bytes) {}

    private PortalBrowser employer(String name) {
        long id = portalAccounts.ensure(
                PortalUser.Kind.EMPLOYER, name, Samples.citizenId(1975), "13900000000", Actor.SYSTEM);
        return new PortalBrowser(port).signedIn(sessions.open(id, "127.0.0.1"));
    }

    /** Requests the binding in the portal and approves it in the console. */
    private void bind(PortalBrowser employer, String code, String name) {
        assertThat(employer.get("/portal/employer/bindings").status()).isEqualTo(200);
        var asked = employer.post("/portal/employer/bindings", Map.of("creditCode", code, "employerName", name));
        assertThat(asked.status()).as(asked.body()).isEqualTo(302);
        long binding = jdbc.sql("select id from employer_binding where credit_code = :c and state = 'PENDING'")
                .param("c", code)
                .query(Long.class)
                .single();
        var page = clerk.get("/portal-bindings");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(name);
        var approved =
                clerk.post("/portal-bindings/" + binding + "/decide", Map.of("decision", "approve", "reason", ""));
        assertThat(approved.status()).as(approved.body()).isEqualTo(302);
        assertThat(audited("EMPLOYER_BINDING", Long.toString(binding), "APPROVE"))
                .isEqualTo(1);
    }

    private ConsoleSession.Page submit(
            PortalBrowser browser, String code, String step, String title, Map<String, Part> files) {
        return submit(browser, "/portal/submissions", code, step, title, files);
    }

    private ConsoleSession.Page submit(
            PortalBrowser browser, String path, String code, String step, String title, Map<String, Part> files) {
        browser.get("/portal/submissions/new?businessStep=" + step);
        String boundary = "----emp" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        var fields = new LinkedHashMap<String, String>();
        fields.put("_csrf", browser.csrf());
        fields.put("creditCode", code);
        fields.put("businessStep", step);
        fields.put("title", title);
        fields.put("docDate", "2025-03-01");
        fields.forEach((k, v) -> write(
                body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n"));
        for (var e : files.entrySet()) {
            write(
                    body,
                    "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"; filename=\""
                            + e.getValue().name() + "\"\r\nContent-Type: application/pdf\r\n\r\n");
            body.writeBytes(e.getValue().bytes());
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static void write(ByteArrayOutputStream body, String s) {
        body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private static long idOf(String location) {
        var m = SUBMISSION_ID.matcher(location);
        assertThat(m.find()).as(location).isTrue();
        return Long.parseLong(m.group(1));
    }

    private long submissionsOf(String code) {
        return jdbc.sql("select count(*) from portal_submission where credit_code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    /** Messages of the submission's account under {@code key}. */
    private long noticed(long submission, String key) {
        return jdbc.sql(
                        """
                select count(*) from portal_notice n
                 where n.account_id = (select account_id from portal_submission where id = :s) and n.label_key = :k""")
                .param("s", submission)
                .param("k", key)
                .query(Long.class)
                .single();
    }

    private long audited(String type, String id, String operation) {
        return jdbc.sql("select count(*) from audit_entry where object_type = :t and object_id = :i and operation = :o")
                .param("t", type)
                .param("i", id)
                .param("o", operation)
                .query(Long.class)
                .single();
    }

    /** A random valid 统一社会信用代码 (GB 32100, with its GB 11714 organisation code). */
    private static String creditCode() {
        String body8 = "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
        String first17 = "91110105" + body8 + CreditCode.organisationCheckChar(body8);
        String code = first17 + CreditCode.checkChar(first17);
        assertThat(CreditCode.isValid(code)).isTrue();
        return code;
    }
}
