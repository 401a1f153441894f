package org.siarchive.disposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.Containers;
import org.siarchive.catalog.ItemDestroyed;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.catalog.PhysicalOriginals;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.Scope;
import org.siarchive.support.ApiClient;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The 销毁清册: generated from an approved batch with exactly its 销毁 items and their totals, exported as PDF and
 * Excel (read back with PDFBox and POI), filed (备案) under its rules, archived once as a permanent item whose PDF
 * says what the filed export says, the physical originals marked and confirmed, and another unit's 404.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DestructionListsIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    Captures captures;

    @Autowired
    Catalog catalog;

    @Autowired
    Containers containers;

    @Autowired
    PhysicalOriginals originals;

    @Autowired
    DestructionLists lists;

    @Autowired
    DestructionListFiling filing;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    final String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    String fonds;
    ConsoleSession archivist;
    ConsoleSession otherArchivist;
    String archivistLogin;
    ItemRecord a;
    ItemRecord b;
    ItemRecord c;
    ItemRecord d;
    ItemRecord e;
    long box1;
    long box2;
    long batch;
    long unapproved;

    @BeforeAll
    void anApprovedBatchOfOneUnit() {
        var root = organisations.root();
        OrgUnit unit = organisations.create(root.id(), "XA" + run, "销毁测试县社保中心" + run, "COUNTY", Actor.SYSTEM);
        OrgUnit other = organisations.create(root.id(), "XB" + run, "另一县社保中心" + run, "COUNTY", Actor.SYSTEM);
        fonds = "X" + run.substring(0, 4);
        catalog.ensureFonds(fonds, "销毁测试县档案", unit.name(), unit.id(), Actor.SYSTEM);
        catalog.ensureFonds("Y" + run.substring(0, 4), "另一县档案", other.name(), other.id(), Actor.SYSTEM);
        a = capture(1);
        b = capture(2);
        c = capture(3);
        d = capture(4);
        e = capture(5);
        var system = new Access(Actor.SYSTEM, Scope.EVERYTHING, Set.of());
        box1 = containers.createBox(fonds, "XH" + run + "1", system).id();
        box2 = containers.createBox(fonds, "XH" + run + "2", system).id();
        containers.putIntoBox(box1, List.of(a.id(), b.id()), system);
        containers.putIntoBox(box2, List.of(c.id(), d.id()), system);
        var fixtures = new ApprovedBatches(jdbc);
        var decisions = new LinkedHashMap<UUID, String>();
        decisions.put(a.id(), "DESTROY");
        decisions.put(b.id(), "DESTROY");
        decisions.put(c.id(), "EXTEND");
        decisions.put(d.id(), "DESTROY");
        var approverLogin = "xhappr" + run;
        TestAccounts.create(accounts, approverLogin, unit.id(), Set.of(Role.APPROVER), 3, true);
        batch = fixtures.batch("JD" + run, fonds, "APPROVED", approverLogin, decisions);
        unapproved = fixtures.batch("JU" + run, fonds, "APPRAISED", null, Map.of(e.id(), "DESTROY"));
        archivistLogin = "xharch" + run;
        archivist = login(archivistLogin, unit);
        otherArchivist = login("xhother" + run, other);
    }

    private ItemRecord capture(int n) {
        String cert = Samples.citizenId(1950 + n);
        var s = Samples.personEnrolment(fonds, "1", Samples.acceptanceNo(), cert, "销毁人" + run + n, "13800138000", null);
        return captures.capture(
                        s,
                        List.of(
                                Upload.ofBytes("a.png", Samples.png(cert.hashCode() + n)),
                                Upload.ofBytes("b.pdf", Samples.pdf("destroy " + run + n))),
                        null,
                        Actor.SYSTEM)
                .item();
    }

    private ConsoleSession login(String name, OrgUnit org) {
        var l = TestAccounts.create(
                accounts, name, org.id(), Set.of(Role.ARCHIVIST), 3, Role.ARCHIVIST.requiresSecondFactor());
        var s = new ConsoleSession(port);
        assertThat(s.login(l.username(), l.password(), l.codes())).isEqualTo("/");
        s.get("/account");
        return s;
    }

    private long generate() {
        var r = archivist.api("POST", "/api/v1/disposition/batches/" + batch + "/list", "{}");
        assertThat(r.status()).as(r.body()).isIn(201);
        return ApiClient.JSON.readTree(r.body()).get("id").asLong();
    }

    private int pagesOf(UUID... ids) {
        int sum = 0;
        for (UUID id : ids) {
            sum += jdbc.sql(
                            "select coalesce(page_count, (select count(*) from item_file f where f.item_id = i.id))::int"
                                    + " from item i where id = :id")
                    .param("id", id)
                    .query(Integer.class)
                    .single();
        }
        return sum;
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }

    @Test
    @Order(1)
    void theListOfAnApprovedBatchHoldsExactlyItsDestroyItemsWithTotalsAndExports() throws Exception {
        long id = generate();
        assertThat(generate()).as("one list per batch").isEqualTo(id);
        var json = ApiClient.JSON.readTree(
                archivist.api("GET", "/api/v1/disposition/lists/" + id, "").body());
        String listNo = json.get("listNo").asString();
        assertThat(listNo).matches("XH\\d{4}-\\d{4}");
        var codes = new ArrayList<String>();
        json.get("rows").forEach(r -> codes.add(r.get("archiveCode").asString()));
        assertThat(codes).containsExactlyInAnyOrder(a.archiveCode(), b.archiveCode(), d.archiveCode());
        int pages = pagesOf(a.id(), b.id(), d.id());
        assertThat(json.get("itemCount").asInt()).isEqualTo(3);
        assertThat(json.get("pageCount").asInt()).isEqualTo(pages);
        assertThat(json.get("pulls").toString())
                .as("d leaves c behind in box 2")
                .contains(d.archiveCode());

        String text = pdfText(
                archivist.bytes("/disposition/lists/" + id + "/export.pdf").body());
        assertThat(text)
                .contains("销毁清册", listNo, a.archiveCode(), b.archiveCode(), d.archiveCode())
                .doesNotContain(c.archiveCode())
                .contains("合计：3件，" + pages + "页", "鉴定小组组长：鉴定组长JD" + run, "单位主要负责人审批", "监销人", "销毁人", "销毁方式");
        var xlsx = archivist.bytes("/disposition/lists/" + id + "/export.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        var cells = new ArrayList<String>();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var fmt = new DataFormatter();
            wb.getSheetAt(0).forEach(row -> row.forEach(cell -> cells.add(fmt.formatCellValue(cell))));
        }
        assertThat(cells).contains(a.archiveCode(), d.archiveCode(), "合计：3 件，" + pages + " 页", "保管期满，已无保存价值");
        assertThat(cells).doesNotContain(c.archiveCode());

        var page = archivist.get("/disposition/lists/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(listNo, a.archiveCode(), "id=\"filing-form\"");

        var refused = archivist.api("POST", "/api/v1/disposition/batches/" + unapproved + "/list", "{}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("尚未审核");

        assertThat(otherArchivist
                        .api("GET", "/api/v1/disposition/lists/" + id, "")
                        .status())
                .isEqualTo(404);
        assertThat(otherArchivist.get("/disposition/lists/" + id).status()).isEqualTo(404);
        assertThat(otherArchivist
                        .bytes("/disposition/lists/" + id + "/export.pdf")
                        .statusCode())
                .isEqualTo(404);
        assertThat(otherArchivist
                        .api("POST", "/api/v1/disposition/batches/" + batch + "/list", "{}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    @Order(2)
    void filingFollowsItsRulesAndArchivesTheFiledListOncePermanently() throws Exception {
        long id = generate();
        String listNo = lists.view(id, Access.SYSTEM).listNo();
        assertThatThrownBy(() -> lists.requireFiled(batch))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("notFiled");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        var future = archivist.api(
                "POST",
                "/api/v1/disposition/lists/" + id + "/filing",
                "{\"filedOn\":\"" + today.plusDays(1) + "\",\"filingRef\":\"人社备〔2026〕" + run + "号\"}");
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.body()).contains("filedOn", "不能晚于当前时间");
        var early = archivist.post(
                "/disposition/lists/" + id + "/filing",
                Map.of("filedOn", today.minusDays(1).toString(), "filingRef", "人社备" + run));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.body()).contains("id=\"filedOn-error\"", "不能早于清册生成日期", "人社备" + run);
        assertThat(jdbc.sql("select filed_on from destruction_list where id = :id")
                        .param("id", id)
                        .query(LocalDate.class)
                        .list()
                        .get(0))
                .as("nothing written by a refused filing")
                .isNull();

        String ref = "人社备〔2026〕" + run + "号";
        String body = "{\"filedOn\":\"" + today + "\",\"filingRef\":\"" + ref + "\"}";
        var filed = archivist.api("POST", "/api/v1/disposition/lists/" + id + "/filing", body);
        assertThat(filed.status()).as(filed.body()).isEqualTo(200);
        UUID item = UUID.fromString(
                ApiClient.JSON.readTree(filed.body()).get("archivedItemId").asString());
        assertThat(lists.requireFiled(batch)).isEqualTo(listNo);

        var archived = catalog.requireItem(item);
        assertThat(archived.retentionCode()).isEqualTo("Y");
        assertThat(archived.retentionEnd()).isNull();
        assertThat(archived.title()).isEqualTo("销毁清册 " + listNo);
        assertThat(archived.fondsCode()).isEqualTo(fonds);
        assertThat(archived.stepCode()).isEqualTo("DAJDXH");
        byte[] archivedPdf =
                archivist.bytes("/api/v1/items/" + item + "/files/1").body();
        byte[] exported =
                archivist.bytes("/disposition/lists/" + id + "/export.pdf").body();
        assertThat(pdfText(archivedPdf)).isEqualTo(pdfText(exported)).contains(ref, listNo);

        var again = archivist.api("POST", "/api/v1/disposition/lists/" + id + "/filing", body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains(item.toString());
        var changed = archivist.api(
                "POST",
                "/api/v1/disposition/lists/" + id + "/filing",
                "{\"filedOn\":\"" + today + "\",\"filingRef\":\"另一文号" + run + "\"}");
        assertThat(changed.status()).isEqualTo(409);

        // a crash between the capture and the row update: the next filing finds the item under its key
        jdbc.sql("update destruction_list set archived_item_id = null where id = :id")
                .param("id", id)
                .update();
        assertThat(filing.file(id, today.toString(), ref, access())).isEqualTo(item);
        assertThat(jdbc.sql("select count(*) from item where idempotency_key like :k")
                        .param("k", "key:destruction-list:" + listNo + "%")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql(
                                "select count(*) from audit_entry where operation = 'FILE_WITH_AUTHORITY' and object_id = :no")
                        .param("no", listNo)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    @Order(3)
    void originalsFollowTheDestructionAndTheExecutedListIsArchivedToo() throws Exception {
        long id = generate();
        String listNo = lists.view(id, Access.SYSTEM).listNo();
        // the destroy part tombstones the items and publishes ItemDestroyed; here the catalogue rows are set
        // directly and the listener's method is called as the event would
        for (UUID item : List.of(a.id(), b.id(), d.id())) {
            jdbc.sql("update item set status = 'DESTROYED', destroyed_at = now() where id = :id")
                    .param("id", item)
                    .update();
            originals.markAfter(item, listNo);
        }
        var view = lists.view(id, Access.SYSTEM);
        assertThat(view.containers())
                .extracting(PhysicalOriginals.Container::kind, PhysicalOriginals.Container::id)
                .as("box 1 held only destroyed items; box 2 keeps c")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BOX", box1));
        assertThat(view.pulls()).extracting(PhysicalOriginals.Pull::archiveCode).containsExactly(d.archiveCode());

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        var refused = archivist.post(
                "/disposition/lists/" + id + "/physical",
                Map.of(
                        "kind",
                        "BOX",
                        "containerId",
                        Long.toString(box1),
                        "destroyedOn",
                        today.plusDays(2).toString(),
                        "method",
                        "粉碎"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("不能晚于当前时间");
        var notMarked = archivist.api(
                "POST",
                "/api/v1/disposition/lists/" + id + "/physical",
                "{\"kind\":\"BOX\",\"containerId\":" + box2 + ",\"destroyedOn\":\"" + today + "\",\"method\":\"粉碎\"}");
        assertThat(notMarked.status()).isEqualTo(409);
        var confirmed = archivist.api(
                "POST",
                "/api/v1/disposition/lists/" + id + "/physical",
                "{\"kind\":\"BOX\",\"containerId\":" + box1 + ",\"destroyedOn\":\"" + today + "\",\"method\":\"粉碎\"}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(archivist.get("/boxes/" + box1).body()).contains("id=\"box-destroyed\"", "已销毁（实体）");
        assertThat(archivist.get("/boxes/" + box2).body()).doesNotContain("id=\"box-destroyed\"");
        assertThat(jdbc.sql("select count(*) from audit_entry where operation = 'DESTROY_PHYSICAL' and object_id = :b")
                        .param("b", Long.toString(box1))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // executed: the re-export names method, place, executor and supervisors; the executed list is archived
        var s1 = "xhsup1" + run;
        var s2 = "xhsup2" + run;
        new ApprovedBatches(jdbc).executed(batch, id, archivistLogin, s1, s2);
        String text = pdfText(
                archivist.bytes("/disposition/lists/" + id + "/export.pdf").body());
        assertThat(text).contains("粉碎并彻底删除电子数据", "档案馆销毁室", s1, s2, "实体档案待销毁", "需从盒、卷中抽出的文件");
        jdbc.sql(
                        "update destruction_list set filed_on = current_date, filing_ref = 'R' || :r where id = :id and filed_on is null")
                .param("r", run)
                .param("id", id)
                .update();
        UUID executed = filing.archiveExecuted(batch, Actor.SYSTEM);
        assertThat(filing.archiveExecuted(batch, Actor.SYSTEM)).isEqualTo(executed);
        var item = catalog.requireItem(executed);
        assertThat(item.title()).isEqualTo("销毁清册 " + listNo + "（已执行）");
        assertThat(item.retentionCode()).isEqualTo("Y");
        assertThat(item.acceptanceNo()).isEqualTo(listNo);
    }

    @Test
    @Order(4)
    void theItemDestroyedEventMarksABoxWhoseLastItemWentWithTheList() throws Exception {
        var f = capture(6);
        long box3 = containers
                .createBox(fonds, "XH" + run + "3", new Access(Actor.SYSTEM, Scope.EVERYTHING, Set.of()))
                .id();
        containers.putIntoBox(box3, List.of(f.id()), new Access(Actor.SYSTEM, Scope.EVERYTHING, Set.of()));
        String listNo = "XH-EVENT-" + run;
        transactions.executeWithoutResult(t -> {
            jdbc.sql("update item set status = 'DESTROYED', destroyed_at = now() where id = :id")
                    .param("id", f.id())
                    .update();
            events.publishEvent(new ItemDestroyed(f.id(), f.archiveCode(), listNo, java.time.OffsetDateTime.now()));
        });
        String marked = null;
        for (int i = 0; i < 100 && marked == null; i++) {
            marked = jdbc.sql("select disposal_list from box where id = :id")
                    .param("id", box3)
                    .query(String.class)
                    .list()
                    .get(0);
            if (marked == null) {
                Thread.sleep(100);
            }
        }
        assertThat(marked).isEqualTo(listNo);
    }

    private Access access() {
        return new Access(new Actor(archivistLogin, "127.0.0.1", "test"), Scope.EVERYTHING, Set.of());
    }
}
