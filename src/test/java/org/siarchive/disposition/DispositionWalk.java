package org.siarchive.disposition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.shared.ReadableTime;
import org.siarchive.support.ApiClient;
import org.siarchive.support.ConsoleSession;
import tools.jackson.databind.JsonNode;

/**
 * The steps of a disposition batch over HTTP, each by the role that owns it, on console sessions (cookies,
 * CSRF, password and TOTP): JSON calls to the /api/v1/disposition endpoints the parts of issue 16 expose.
 */
final class DispositionWalk {

    private final int port;
    private final RoleSessions people;
    private final ConsoleSession archivist;
    private final ConsoleSession clerk;
    private final ConsoleSession leader;

    DispositionWalk(int port, RoleSessions people) {
        this.port = port;
        this.people = people;
        this.archivist = RoleSessions.login(port, people.archivist());
        this.clerk = RoleSessions.login(port, people.clerk());
        this.leader = RoleSessions.login(port, people.leader());
    }

    static JsonNode ok(ConsoleSession.Page page, String step) {
        assertThat(page.status()).as(step + ": " + page.body()).isBetween(200, 299);
        return page.body().isBlank() ? ApiClient.JSON.createObjectNode() : ApiClient.JSON.readTree(page.body());
    }

    static String json(Object body) {
        return ApiClient.JSON.writeValueAsString(body);
    }

    void worklistShows(List<UUID> items) {
        var page = ok(
                archivist.api(
                        "GET",
                        "/api/v1/disposition/expiring?by="
                                + ReadableTime.beijing().today() + "&fonds=0001&category=07&size=100",
                        null),
                "worklist");
        var ids = new ArrayList<String>();
        page.path("items")
                .path("content")
                .forEach(n -> ids.add(n.path("item").path("id").asString()));
        assertThat(ids).containsAll(items.stream().map(UUID::toString).toList());
    }

    long startBatch(String title, List<UUID> items) {
        var body = Map.of(
                "title", title, "itemIds", items.stream().map(UUID::toString).toList());
        return ok(archivist.api("POST", "/api/v1/disposition/batches", json(body)), "start batch")
                .path("id")
                .asLong();
    }

    /** One decision for every item (销毁), then {@code extend} (if any) changed to 延期 to 30 years. */
    void decide(long batch, @Nullable UUID extend) {
        ok(decideAll(batch), "销毁");
        if (extend != null) {
            String decisions = "/api/v1/disposition/batches/" + batch + "/decisions";
            var e = new LinkedHashMap<String, Object>();
            e.put("itemIds", List.of(extend.toString()));
            e.put("decision", "EXTEND");
            e.put("newRetentionCode", "D30");
            e.put("reason", "涉及待遇追溯，延长保管");
            ok(archivist.api("POST", decisions, json(e)), "延期");
        }
    }

    ConsoleSession.Page decideAll(long batch) {
        var all = new LinkedHashMap<String, Object>();
        all.put("decision", "DESTROY");
        all.put("reason", "保管期满，无继续保存价值");
        return archivist.api("POST", "/api/v1/disposition/batches/" + batch + "/decisions", json(all));
    }

    void groupOpinions(long batch) {
        String members = "/api/v1/disposition/batches/" + batch + "/members";
        ok(
                archivist.api(
                        "POST",
                        members,
                        json(Map.of("role", "LEADER", "login", people.leader().username()))),
                "组长");
        ok(
                archivist.api(
                        "POST",
                        members,
                        json(Map.of("role", "BUSINESS", "login", people.clerk().username()))),
                "业务");
        ok(
                archivist.api(
                        "POST",
                        members,
                        json(Map.of(
                                "role", "ARCHIVE", "login", people.archivist().username()))),
                "档案");
        var hrss = new LinkedHashMap<String, Object>();
        hrss.put("role", "HRSS");
        hrss.put("name", "王审核");
        hrss.put("unit", "测试市人力资源和社会保障局");
        int named =
                ok(archivist.api("POST", members, json(hrss)), "人社").path("seq").asInt();
        String opinions = "/api/v1/disposition/batches/" + batch + "/opinions";
        var agree = Map.of("verdict", "AGREE", "opinion", "同意鉴定意见");
        ok(leader.api("POST", opinions, json(agree)), "组长意见");
        ok(clerk.api("POST", opinions, json(agree)), "业务意见");
        ok(archivist.api("POST", opinions, json(agree)), "档案意见");
        var onBehalf = Map.of("memberSeq", named, "verdict", "AGREE", "opinion", "同意（代录）");
        ok(archivist.api("POST", opinions, json(onBehalf)), "人社意见");
    }

    void completeAppraisal(long batch) {
        ok(archivist.api("POST", "/api/v1/disposition/batches/" + batch + "/complete", null), "完成鉴定");
    }

    void approve(long batch) {
        var body = Map.of("text", "同意按鉴定意见处理");
        ok(leader.api("POST", "/api/v1/disposition/batches/" + batch + "/approve", json(body)), "审批");
    }

    void executeExtensions(long batch) {
        ok(archivist.api("POST", "/api/v1/disposition/batches/" + batch + "/extensions", null), "执行延期");
    }

    long generateList(long batch) {
        var page = archivist.api("POST", "/api/v1/disposition/batches/" + batch + "/list", null);
        assertThat(page.status()).as("生成清册: " + page.body()).isEqualTo(201);
        return ApiClient.JSON.readTree(page.body()).path("id").asLong();
    }

    void exportsParseBack(long list, List<String> destroyed, String kept) throws Exception {
        var xlsx = archivist.bytes("/api/v1/disposition/lists/" + list + "/export.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        var cells = new StringBuilder();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var fmt = new DataFormatter();
            wb.getSheetAt(0)
                    .forEach(row -> row.forEach(
                            c -> cells.append(fmt.formatCellValue(c)).append('|')));
        }
        assertThat(cells.toString()).contains(destroyed).doesNotContain(kept);
        var pdf = archivist.bytes("/api/v1/disposition/lists/" + list + "/export.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(destroyed).doesNotContain(kept);
        }
    }

    /** Files the list (备案); answers the id of the item it was archived as. */
    String file(long list) {
        var body = Map.of(
                "filedOn",
                ReadableTime.beijing().today().toString(),
                "filingRef",
                "人社备〔" + ReadableTime.beijing().today().getYear() + "〕7号");
        return ok(archivist.api("POST", "/api/v1/disposition/lists/" + list + "/filing", json(body)), "备案")
                .path("archivedItemId")
                .asString();
    }

    long destroy(long batch) {
        var page = tryDestroy(batch);
        assertThat(page.status()).as("销毁: " + page.body()).isEqualTo(201);
        return ApiClient.JSON.readTree(page.body()).path("destructionId").asLong();
    }

    ConsoleSession.Page tryDestroy(long batch) {
        return destroyWith(batch, supervisor(people.supervisorA()), supervisor(people.supervisorB()));
    }

    /**
     * An attempt the rules refuse before any supervisor's code is checked (409): the codes typed are not
     * spent, so the next real attempt need not wait for the next TOTP step.
     */
    ConsoleSession.Page destroyRefusedByRule(long batch) {
        var a = Map.of(
                "login",
                people.supervisorA().username(),
                "password",
                people.supervisorA().password(),
                "code",
                "000000");
        var b = Map.of(
                "login",
                people.supervisorB().username(),
                "password",
                people.supervisorB().password(),
                "code",
                "000000");
        return destroyWith(batch, a, b);
    }

    private ConsoleSession.Page destroyWith(long batch, Map<String, String> s1, Map<String, String> s2) {
        var body = new LinkedHashMap<String, Object>();
        body.put("method", "电子数据彻底删除");
        body.put("place", "档案室");
        body.put("supervisor1", s1);
        body.put("supervisor2", s2);
        return archivist.api("POST", "/api/v1/disposition/batches/" + batch + "/destruction", json(body));
    }

    private static Map<String, String> supervisor(org.siarchive.security.TestAccounts.Login who) {
        return Map.of(
                "login",
                who.username(),
                "password",
                who.password(),
                "code",
                who.codes().get());
    }

    void destroyedItemAnswersGone(ItemRecord item) {
        var page = archivist.api("GET", "/api/v1/items/" + item.id(), null);
        assertThat(page.status()).as(page.body()).isEqualTo(410);
        assertThat(page.body()).contains(item.archiveCode());
    }

    /** The item's destruction record: method, place, executor, both supervisors, the digests it had. */
    void destructionRecord(ItemRecord item, int files) {
        var r = ok(archivist.api("GET", "/api/v1/disposition/items/" + item.id() + "/destruction", null), "销毁记录");
        assertThat(r.path("archiveCode").asString()).isEqualTo(item.archiveCode());
        assertThat(r.path("method").asString()).isEqualTo("电子数据彻底删除");
        assertThat(r.path("place").asString()).isEqualTo("档案室");
        assertThat(r.path("finishedAt").isNull()).as("finished").isFalse();
        assertThat(List.of(
                        r.path("supervisor1").asString(), r.path("supervisor2").asString()))
                .doesNotContain(r.path("executor").asString())
                .doesNotHaveDuplicates();
        assertThat(r.path("digests")).hasSize(files);
        r.path("digests").forEach(d -> assertThat(d.path("sm3").asString()).hasSize(64));
    }

    void findableByArchiveCode(ItemRecord item) {
        var enc = java.net.URLEncoder.encode(item.archiveCode(), java.nio.charset.StandardCharsets.UTF_8);
        var page = archivist.api("GET", "/api/v1/items/by-archive-code?code=" + enc, null);
        assertThat(page.status()).as(page.body()).isIn(200, 410);
        assertThat(page.body()).contains(item.archiveCode());
    }

    String batchNo(long batch) {
        return ok(archivist.api("GET", "/api/v1/disposition/batches/" + batch, null), "批次")
                .path("batch")
                .path("batchNo")
                .asString();
    }

    String listNo(long list) {
        return ok(archivist.api("GET", "/api/v1/disposition/lists/" + list, null), "清册")
                .path("listNo")
                .asString();
    }

    String batchState(long batch) {
        return ok(archivist.api("GET", "/api/v1/disposition/batches/" + batch, null), "批次")
                .path("batch")
                .path("state")
                .asString();
    }

    /** Places a hold (冻结) on a person by ID number; answers its number. */
    String holdPerson(String certNo) {
        var body = new LinkedHashMap<String, Object>();
        body.put("caseType", "LITIGATION");
        body.put("caseRef", "（2026）测0105民初" + (System.nanoTime() % 100_000) + "号");
        body.put("reason", "诉讼期间保全证据");
        body.put("subject", "PERSON");
        body.put("idNumber", certNo);
        return ok(archivist.api("POST", "/api/v1/disposition/holds", json(body)), "冻结")
                .path("holdNo")
                .asString();
    }

    void release(String holdNo) {
        var body = Map.of("reason", "案件已审结");
        ok(archivist.api("POST", "/api/v1/disposition/holds/" + holdNo + "/release", json(body)), "解除冻结");
    }

    ConsoleSession.Page correct(ItemRecord item, String title) {
        var body = new LinkedHashMap<String, Object>();
        body.put("title", title);
        body.put("responsible", item.responsible());
        body.put("reason", "题名按原件更正");
        return archivist.api("POST", "/api/v1/items/" + item.id() + "/corrections", json(body));
    }

    ConsoleSession.Page transferOut(ItemRecord item) {
        var body = Map.of("archiveCodes", List.of(item.archiveCode()), "format", "EEP");
        return archivist.api("POST", "/api/v1/transfers/exports", json(body));
    }

    int port() {
        return port;
    }
}
