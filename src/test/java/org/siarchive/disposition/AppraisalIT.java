package org.siarchive.disposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.organisation.Organisations;
import org.siarchive.quality.Submission;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ReadableTime;
import org.siarchive.support.ApiClient;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Appraisal batches end to end (issue 16, item 2): propose → decisions → opinions → complete → the leader
 * returns → complete again → approves → extensions executed (the catalogue's term changed, its history kept,
 * search shows the new term) → the destruction part's door completes and locks the batch; the refusals (409,
 * 403, 404) and the two papers read back from PDF and Excel.
 */
class AppraisalIT extends IntegrationTest {

    static final String FONDS = "0165";
    static final String OTHER_FONDS = "0166";

    @Autowired
    Captures captures;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    Catalog catalog;

    @Autowired
    AuditTrail audit;

    @Autowired
    AppraisalApproval approval;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private ItemRecord item(String fonds, String step, String insurance, String material, String docDate) {
        return item(fonds, step, insurance, List.of(material), docDate);
    }

    private ItemRecord item(String fonds, String step, String insurance, List<String> materials, String docDate) {
        var s = new Submission(
                fonds,
                Samples.acceptanceNo(),
                step,
                insurance,
                "鉴定测试材料" + System.nanoTime(),
                "测试市社会保险事业管理中心",
                docDate,
                null,
                null,
                new Submission.Person("01", Samples.citizenId(1960), "鉴定人" + (System.nanoTime() % 1000)),
                null,
                "李经办",
                "测试市社会保险事业管理中心",
                docDate + "T09:30:00+08:00",
                materials.stream().map(Submission.Material::new).toList());
        var files = materials.stream()
                .map(m -> Upload.ofBytes(m + ".pdf", Samples.pdf("appraisal " + m + System.nanoTime())))
                .toList();
        return captures.capture(s, files, null, Actor.SYSTEM).item();
    }

    /** 门诊待遇核定 (10年) formed in 2010: its term ended on 2020-12-31. */
    private ItemRecord expired(String fonds) {
        return item(fonds, "MZHD", "310", "YB01", "2010-03-01");
    }

    private record Session(ConsoleSession console, String login) {}

    private Session login(Set<Role> roles, long orgId) {
        String name = "ap" + UUID.randomUUID().toString().substring(0, 8);
        boolean totp = roles.stream().anyMatch(Role::requiresSecondFactor);
        var l = TestAccounts.create(accounts, name, orgId, roles, 3, totp);
        var s = new ConsoleSession(port);
        assertThat(s.login(l.username(), l.password(), l.codes())).isEqualTo("/");
        s.get("/account");
        return new Session(s, name);
    }

    private Session login(Role role) {
        return login(Set.of(role), organisations.root().id());
    }

    private static JsonNode json(ConsoleSession.Page p) {
        return ApiClient.JSON.readTree(p.body());
    }

    private static String body(Object o) {
        return ApiClient.JSON.writeValueAsString(o);
    }

    private static final String API = "/api/v1/disposition/batches";

    private ConsoleSession.Page post(Session s, String path, Object json) {
        return s.console().api("POST", path, body(json));
    }

    @org.junit.jupiter.api.BeforeEach
    void fonds() {
        catalog.ensureFonds(FONDS, "鉴定测试全宗", "鉴定测试社保中心", organisations.root().id(), Actor.SYSTEM);
    }

    /** "All due items matching the filter" takes the worklist's rule: terms ending by the chosen day. */
    @Test
    void allDueItemsOfAFondsMakeOneBatch() throws Exception {
        catalog.ensureFonds("0167", "鉴定筛选全宗", "鉴定测试社保中心", organisations.root().id(), Actor.SYSTEM);
        expired("0167");
        expired("0167");
        var archivist = login(Role.ARCHIVIST);
        var before = post(archivist, API, Map.of("title", "到期前", "by", "2020-12-30", "fonds", "0167"));
        assertThat(before.status())
                .as("nothing ends by 2020-12-30: " + before.body())
                .isEqualTo(422);
        var r = post(archivist, API, Map.of("title", "按条件", "by", "2020-12-31", "fonds", "0167"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(json(r).path("items").asInt()).isEqualTo(2);
    }

    @Test
    void aBatchWalksFromProposalToCompletion() throws Exception {
        var a = expired(FONDS);
        var b = expired(FONDS);
        var c = expired(FONDS);
        var archivist = login(Role.ARCHIVIST);
        var clerk = login(Role.CLERK);
        var leader = login(Role.APPROVER);

        var created =
                post(archivist, API, Map.of("title", "2020年到期门诊材料鉴定", "itemIds", List.of(a.id(), b.id(), c.id())));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = json(created).path("id").asLong();
        String no = json(created).path("batchNo").asString();
        assertThat(no).startsWith(FONDS + "-JD" + ReadableTime.beijing().today().getYear() + "-");
        assertThat(json(created).path("state").asString()).isEqualTo("UNAPPRAISED");

        // every item destroyed by default, then one extended; a term not longer is refused
        assertThat(json(post(
                                archivist,
                                API + "/" + id + "/decisions",
                                Map.of("decision", "DESTROY", "reason", "已无查考价值")))
                        .path("items")
                        .asInt())
                .isEqualTo(3);
        var same = post(
                archivist,
                API + "/" + id + "/decisions",
                Map.of("itemIds", List.of(a.id()), "decision", "EXTEND", "newRetentionCode", "D10", "reason", "仍需查考"));
        assertThat(same.status()).isEqualTo(409);
        assertThat(same.body()).contains(a.archiveCode(), "只延不缩");
        assertThat(post(
                                archivist,
                                API + "/" + id + "/decisions",
                                Map.of(
                                        "itemIds",
                                        List.of(a.id()),
                                        "decision",
                                        "EXTEND",
                                        "newRetentionCode",
                                        "D30",
                                        "reason",
                                        "仍需查考"))
                        .status())
                .isEqualTo(200);

        // the group: a clerk with an account, three named persons
        int clerkSeq = json(post(
                        archivist, API + "/" + id + "/members", Map.of("role", "BUSINESS", "login", clerk.login())))
                .path("seq")
                .asInt();
        var seqs = new ArrayList<Integer>();
        for (var m : List.of(
                Map.of("role", "LEADER", "name", "张组长", "unit", "测试市社保中心"),
                Map.of("role", "ARCHIVE", "name", "王档案", "unit", "测试市社保中心"),
                Map.of("role", "HRSS", "name", "李人社", "unit", "测试市人力资源和社会保障局"))) {
            var r = post(archivist, API + "/" + id + "/members", m);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            seqs.add(json(r).path("seq").asInt());
        }
        var early = post(archivist, API + "/" + id + "/complete", Map.of());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("张组长");

        // the clerk records their own opinions; not someone else's
        assertThat(post(clerk, API + "/" + id + "/opinions", Map.of("verdict", "AGREE", "opinion", "同意"))
                        .status())
                .isEqualTo(204);
        assertThat(post(
                                clerk,
                                API + "/" + id + "/opinions",
                                Map.of("itemId", b.id(), "verdict", "DISAGREE", "opinion", "该件建议再保存"))
                        .status())
                .isEqualTo(204);
        assertThat(post(clerk, API + "/" + id + "/opinions", Map.of("memberSeq", seqs.get(0), "verdict", "AGREE"))
                        .status())
                .isEqualTo(403);
        for (int seq : seqs) {
            var r = post(
                    archivist,
                    API + "/" + id + "/opinions",
                    Map.of("memberSeq", seq, "verdict", "AGREE", "opinion", "同意鉴定结论"));
            assertThat(r.status()).as(r.body()).isEqualTo(204);
        }
        assertThat(post(archivist, API + "/" + id + "/opinions", Map.of("memberSeq", clerkSeq, "verdict", "AGREE"))
                        .status())
                .isEqualTo(403);

        assertThat(json(post(archivist, API + "/" + id + "/complete", Map.of()))
                        .path("state")
                        .asString())
                .isEqualTo("APPRAISED");
        // a clerk never approves; the leader returns it, the group completes it again, the leader approves
        assertThat(post(clerk, API + "/" + id + "/approve", Map.of("text", "同意"))
                        .status())
                .isEqualTo(403);
        var back = post(leader, API + "/" + id + "/return", Map.of("text", "请补充业务部门意见"));
        assertThat(json(back).path("state").asString()).isEqualTo("UNAPPRAISED");
        assertThat(json(back).path("returnedReason").asString()).isEqualTo("请补充业务部门意见");
        assertThat(json(post(archivist, API + "/" + id + "/complete", Map.of()))
                        .path("state")
                        .asString())
                .isEqualTo("APPRAISED");
        var approved = post(leader, API + "/" + id + "/approve", Map.of("text", "同意按鉴定意见处置"));
        assertThat(json(approved).path("state").asString()).isEqualTo("APPROVED");
        assertThat(post(archivist, API + "/" + id + "/decisions", Map.of("decision", "DESTROY", "reason", "改"))
                        .status())
                .isEqualTo(409);

        // extensions executed: the catalogue's term changed, its original end kept, search shows the new term
        var extended = post(archivist, API + "/" + id + "/extensions", Map.of());
        assertThat(json(extended).path("state").asString()).isEqualTo("EXTENDED_NOT_DESTROYED");
        var after = catalog.item(a.id()).orElseThrow();
        assertThat(after.retentionCode()).isEqualTo("D30");
        assertThat(jdbc.sql("select retention_end from item where id = :i")
                        .param("i", a.id())
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(LocalDate.of(2040, 12, 31));
        var history = jdbc.sql(
                        "select old_code, old_end, new_code, batch_no from item_retention_change where item_id = :i")
                .param("i", a.id())
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        assertThat(history).containsExactly(List.of("D10", "2020-12-31", "D30", no));
        assertThat(jdbc.sql("select original_end from appraisal_item where item_id = :i")
                        .param("i", a.id())
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(catalog.item(b.id()).orElseThrow().retentionCode()).isEqualTo("D10");
        var page = archivist.console().get("/items/" + a.id());
        assertThat(page.body()).contains("id=\"retention-history\"", "保管期限变更记录", no, "2020-12-31");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(json(archivist
                                .console()
                                .api(
                                        "GET",
                                        "/api/v1/search?archiveCode=" + enc(a.archiveCode()) + "&retention=D30",
                                        null))
                        .path("total")
                        .asLong())
                .isEqualTo(1));

        // the papers: PDF text and Excel cells read back
        var pdf = archivist.console().bytes("/disposition/batches/" + id + "/documents/conclusion?format=pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc).replace("\n", "");
            assertThat(text).contains("鉴定意见书", a.archiveCode(), b.archiveCode(), "延期", "销毁", "张组长", "同意按鉴定意见处置");
        }
        var xlsx = archivist.console().bytes("/disposition/batches/" + id + "/documents/opinion-sheet?format=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var cells = new ArrayList<String>();
            var f = new DataFormatter();
            wb.getSheetAt(0).forEach(r -> r.forEach(cell -> cells.add(f.formatCellValue(cell))));
            assertThat(cells).contains("不同意", "同意", b.archiveCode(), "整批", "王档案", "业务人员");
        }
        var opinionPdf =
                archivist.console().bytes("/disposition/batches/" + id + "/documents/opinion-sheet?format=pdf");
        try (var doc = Loader.loadPDF(opinionPdf.body())) {
            assertThat(new PDFTextStripper().getText(doc).replace("\n", "")).contains("鉴定意见表", b.archiveCode(), "不同意");
        }

        // the destruction part's door: destroyed items recorded, the batch completes and locks
        jdbc.sql("update appraisal_item set executed_at = now() where batch_id = :b and decision = 'DESTROY'")
                .param("b", id)
                .update();
        BatchState done = approval.destructionsExecuted(id, Actor.SYSTEM);
        assertThat(done).isEqualTo(BatchState.COMPLETED);
        assertThat(jdbc.sql("select count(*) from appraisal_item where batch_id = :b and open")
                        .param("b", id)
                        .query(Long.class)
                        .single())
                .isZero();
        var locked = post(leader, API + "/" + id + "/approve", Map.of("text", "再批"));
        assertThat(locked.status()).isEqualTo(409);
        assertThat(locked.body()).contains("锁定");

        var ops = audit.forObject(AuditedObject.APPRAISAL_BATCH, no).stream()
                .map(e -> e.typedOperation().orElseThrow())
                .toList();
        assertThat(ops)
                .contains(
                        AuditOperation.CREATE,
                        AuditOperation.DECIDE,
                        AuditOperation.UPDATE,
                        AuditOperation.RECORD_OPINION,
                        AuditOperation.APPRAISE,
                        AuditOperation.SEND_BACK,
                        AuditOperation.APPROVE,
                        AuditOperation.EXTEND,
                        AuditOperation.FINISH);
        assertThat(audit.forObject(AuditedObject.ITEM, a.id().toString()).stream()
                        .anyMatch(e -> e.is(AuditOperation.SET_RETENTION)))
                .isTrue();
    }

    @Test
    void refusalsNameTheRule() {
        var archivist = login(Role.ARCHIVIST);
        var permanent = item(FONDS, "TJBB", null, "TJ01", "2010-03-01");
        var running = item(FONDS, "GRCB", "110", List.of("RY01", "RY02"), "2024-05-10");
        var due = expired(FONDS);
        var r = post(archivist, API, Map.of("title", "永久", "itemIds", List.of(permanent.id())));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body()).contains(permanent.archiveCode(), "永久");
        r = post(archivist, API, Map.of("title", "未到期", "itemIds", List.of(running.id())));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body()).contains(running.archiveCode(), "尚未期满");
        r = post(archivist, API, Map.of("title", ""));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("title", "itemId");
        var first = post(archivist, API, Map.of("title", "第一批", "itemIds", List.of(due.id())));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        long id = json(first).path("id").asLong();
        r = post(archivist, API, Map.of("title", "第二批", "itemIds", List.of(due.id())));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body())
                .contains(due.archiveCode(), json(first).path("batchNo").asString());

        // 三员 take no part; a proposer who is also a leader never approves their own batch
        for (var admin : List.of(Role.SYSADMIN, Role.SECADMIN, Role.AUDITOR)) {
            var s = login(admin);
            assertThat(s.console().api("GET", API, null).status()).isEqualTo(403);
            assertThat(s.console().get("/disposition/batches").status()).isEqualTo(403);
            assertThat(post(s, API + "/" + id + "/approve", Map.of("text", "同意"))
                            .status())
                    .isEqualTo(403);
        }
        var both = login(
                Set.of(Role.ARCHIVIST, Role.APPROVER), organisations.root().id());
        var own = post(
                both,
                API,
                Map.of("title", "自提自批", "itemIds", List.of(expired(FONDS).id())));
        long ownId = json(own).path("id").asLong();
        jdbc.sql("update appraisal_batch set state = 'APPRAISED' where id = :b")
                .param("b", ownId)
                .update();
        var self = post(both, API + "/" + ownId + "/approve", Map.of("text", "同意"));
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.body()).contains("由您提出");

        // another unit's archivist: 404 for the batch, its page, its papers; absent from the list
        var unit = organisations.create(
                organisations.root().id(),
                "AP" + UUID.randomUUID().toString().substring(0, 4),
                "鉴定外区" + System.nanoTime(),
                "COUNTY",
                Actor.SYSTEM);
        catalog.ensureFonds(OTHER_FONDS, "外区鉴定全宗", unit.name(), unit.id(), Actor.SYSTEM);
        var outsider = login(Set.of(Role.ARCHIVIST), unit.id());
        assertThat(outsider.console().api("GET", API + "/" + id, null).status()).isEqualTo(404);
        assertThat(outsider.console().get("/disposition/batches/" + id).status())
                .isEqualTo(404);
        assertThat(outsider.console()
                        .bytes("/disposition/batches/" + id + "/documents/conclusion?format=pdf")
                        .statusCode())
                .isEqualTo(404);
        assertThat(post(outsider, API + "/" + id + "/decisions", Map.of("decision", "DESTROY", "reason", "x"))
                        .status())
                .isEqualTo(404);
        assertThat(outsider.console().api("GET", API, null).body())
                .doesNotContain(json(first).path("batchNo").asString());
        var mine = expired(OTHER_FONDS);
        assertThat(post(outsider, API, Map.of("title", "外区", "itemIds", List.of(mine.id())))
                        .status())
                .isEqualTo(201);
        assertThat(post(outsider, API, Map.of("title", "越界", "itemIds", List.of(due.id())))
                        .status())
                .isEqualTo(404);
        // the console pages of one's own unit
        var list = archivist.console().get("/disposition/batches");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(json(first).path("batchNo").asString());
        var detail = archivist.console().get("/disposition/batches/" + id);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains(due.archiveCode(), "未鉴定");
        // a refused console form: 422 on the same page, the error beside its field, the input kept
        var refused = archivist
                .console()
                .post(
                        "/disposition/batches/" + id + "/decisions",
                        Map.of("decision", "EXTEND", "newRetentionCode", "", "reason", "尚需查考的理由"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"newRetentionCode-error\"", "id=\"form-errors\"", "尚需查考的理由");
        var conflict = archivist
                .console()
                .post(
                        "/disposition/batches/" + id + "/decisions",
                        Map.of("decision", "EXTEND", "newRetentionCode", "D10", "reason", "同期限"));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body()).contains("id=\"decision-error\"", "只延不缩");
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
