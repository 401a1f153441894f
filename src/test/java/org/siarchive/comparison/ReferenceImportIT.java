package org.siarchive.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siarchive.organisation.Organisations;
import org.siarchive.quality.CitizenIdNumber;
import org.siarchive.security.ApiTokens;
import org.siarchive.shared.Actor;
import org.siarchive.support.ApiClient;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reference files through the real API into the real database: encodings, header refusals, row errors and
 * their report, idempotency, XLSX from two generators, zip bombs, withdrawal, the data scope, and start-up
 * reconciliation of an interrupted import.
 */
class ReferenceImportIT extends IntegrationTest {

    private static final String API = "/api/v1/comparison/datasets";
    private static final Charset GBK = Charset.forName("GBK");

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Organisations organisations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Datasets datasets;

    @Autowired
    ReferenceReconciliation reconciliation;

    @Autowired
    ReferenceTokens referenceTokens;

    ApiClient unitA;
    long unitAId;
    ApiClient unitB;

    @BeforeEach
    void units() {
        var a = unit("RA");
        var b = unit("RB");
        unitAId = a;
        unitA = token("refimp-a", a);
        unitB = token("refimp-b", b);
    }

    private long unit(String prefix) {
        return organisations
                .create(
                        organisations.root().id(),
                        prefix + UUID.randomUUID().toString().substring(0, 6),
                        "比对测试单位" + System.nanoTime(),
                        "COUNTY",
                        Actor.SYSTEM)
                .id();
    }

    private ApiClient token(String client, long orgId) {
        var issued = tokens.issue(client, orgId, Set.of("comparison:data"), 3, null, 1, Actor.SYSTEM);
        return new ApiClient(port, issued.token());
    }

    private ApiClient.Response upload(ApiClient api, String kind, String source, String name, byte[] file) {
        return api.multipart(
                API,
                Map.of("kind", kind, "source", source, "title", "测试" + name, "asOf", "2025-06-30"),
                "file",
                name,
                file);
    }

    private tools.jackson.databind.JsonNode loaded(ApiClient api, ApiClient.Response accepted) throws Exception {
        String at = accepted.header("Location");
        for (int i = 0; i < 240; i++) {
            var d = api.get(at).json();
            if (!"RECEIVING".equals(d.path("state").asText())) {
                return d;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("import did not finish: " + at);
    }

    private static String badChecksum(String id) {
        char c = id.charAt(17) == '1' ? '2' : '1';
        return id.substring(0, 17) + c;
    }

    @Test
    void aGbkDeathListLoadsItsGoodRowsAndReportsTheBadOnesInExcel() throws Exception {
        // given a 公安 cancellation list written in GBK by hand: three good rows, a bad checksum, a bad date
        String good1 = Samples.citizenId(1941);
        String good2 = Samples.citizenId(1950);
        String good3 = Samples.citizenId(1938).toLowerCase();
        String csv = "身份证号码,姓名,死亡日期,类别\r\n"
                + good1 + ",张三,2024-01-05,\r\n"
                + badChecksum(Samples.citizenId(1940)) + ",李四,2024-02-01,\r\n"
                + good2 + ",欧阳娜娜,20240203,火化\r\n"
                + good3 + ",王五,2024/2/30,\r\n"
                + Samples.citizenId(1939) + ",赵六,2024/3/7,\r\n";
        // when uploaded
        var r = upload(unitA, "DEATH", "GA", "gbk.csv", csv.getBytes(GBK));
        assertThat(r.status()).isEqualTo(202);
        var d = loaded(unitA, r);
        // then three rows load, two are rejected, and the file is known as GB18030
        assertThat(d.path("state").asText()).isEqualTo("LOADED");
        assertThat(d.path("rowsLoaded").asLong()).isEqualTo(3);
        assertThat(d.path("rowsRejected").asLong()).isEqualTo(2);
        assertThat(d.path("encoding").asText()).isEqualTo("GB18030");
        long id = d.path("id").asLong();
        var stored = jdbc.sql(
                        "select name_masked, subtype, event_date::text from reference_row where dataset_id = :id order by row_no")
                .param("id", id)
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3))
                .list();
        assertThat(stored)
                .containsExactly(
                        "张*|CANCELLATION|2024-01-05", "欧***|CREMATION|2024-02-03", "赵*|CANCELLATION|2024-03-07");
        // and no ID number is stored in clear, the token is the one the engine joins on
        assertThat(jdbc.sql("select count(*) from reference_row where dataset_id = :id and token = :t")
                        .param("id", id)
                        .param("t", referenceTokens.token(good1))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // and the error report names row, column and rule in Chinese, the value masked
        var xlsx = unitA.get(API + "/" + id + "/errors.xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        var cells = new ArrayList<String>();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            wb.getSheetAt(0).forEach(row -> row.forEach(c -> cells.add(c.toString())));
        }
        assertThat(String.join("|", cells))
                .contains("身份证号码", "公民身份号码校验位不正确", "死亡日期", "应为日期")
                .contains("2024/2/30")
                .doesNotContain(good3.substring(6, 14));
    }

    @Test
    void utf8WithBomAndAMixedEncodingFileBothLoad() throws Exception {
        var bom = new ByteArrayOutputStream();
        bom.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.write(("公民身份号码,姓名,服刑开始日期,刑满日期\n" + Samples.citizenId(1960) + ",孙七,2023-05-01,2026-04-30\n")
                .getBytes(StandardCharsets.UTF_8));
        var d1 = loaded(unitA, upload(unitA, "SENTENCE", "SF", "bom.csv", bom.toByteArray()));
        assertThat(d1.path("rowsLoaded").asLong()).isEqualTo(1);
        assertThat(d1.path("encoding").asText()).isEqualTo("UTF-8");

        var mixed = new ByteArrayOutputStream();
        mixed.write("证件号码,姓名,死亡日期\r\n".getBytes(StandardCharsets.UTF_8));
        mixed.write((Samples.citizenId(1944) + ",周八,2024-04-01\r\n").getBytes(GBK));
        mixed.write((Samples.citizenId(1945) + ",吴九,2024-04-02\r\n").getBytes(StandardCharsets.UTF_8));
        var d2 = loaded(unitA, upload(unitA, "DEATH", "MZ", "mixed.csv", mixed.toByteArray()));
        assertThat(d2.path("rowsLoaded").asLong()).isEqualTo(2);
        assertThat(d2.path("encoding").asText()).isEqualTo("MIXED");
        assertThat(jdbc.sql(
                                "select string_agg(name_masked, ',' order by row_no) from reference_row where dataset_id = :id")
                        .param("id", d2.path("id").asLong())
                        .query(String.class)
                        .single())
                .isEqualTo("周*,吴*");
    }

    @Test
    void wrongColumnsAreRefusedNamingThemAndNothingIsCreated() {
        long before = jdbc.sql("select count(*) from reference_dataset where org_id = :o")
                .param("o", unitAId)
                .query(Long.class)
                .single();
        var r = upload(
                unitA,
                "BENEFIT",
                "RS",
                "wrong.csv",
                ("身份证号码,姓名,金额\n" + Samples.citizenId(1950) + ",张三,100\n").getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(422);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("缺少必需列", "险种", "开始日期", "末次发放月份", "状态");
        assertThat(jdbc.sql("select count(*) from reference_dataset where org_id = :o")
                        .param("o", unitAId)
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        assertThat(upload(unitA, "NOPE", "RS", "x.csv", "a\n".getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(422);
        assertThat(upload(unitA, "DEATH", "XX", "x.csv", "a\n".getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(422);
    }

    @Test
    void theSameFileTwiceIsOneDatasetAndABenefitSnapshotIsTheActiveOne() throws Exception {
        String csv = "AAC002,AAC003,AAE140,待遇开始日期,月待遇金额,末次发放月份,待遇状态,经办机构\n"
                + Samples.citizenId(1955) + ",钱一,110,2015-07-01,3215.50,2025-06,正常,RA01\n"
                + Samples.citizenId(1956) + ",钱二,999,2015-07-01,100,2025-06,正常,RA01\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        var first = upload(unitA, "BENEFIT", "RS", "benefit.csv", bytes);
        assertThat(first.status()).isEqualTo(202);
        var d = loaded(unitA, first);
        assertThat(d.path("rowsLoaded").asLong()).isEqualTo(1);
        var again = upload(unitA, "BENEFIT", "RS", "benefit-copy.csv", bytes);
        assertThat(again.status()).isEqualTo(303);
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(jdbc.sql("select count(*) from reference_dataset where file_sm3 = :s")
                        .param("s", d.path("fileSm3").asText())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        var row = jdbc.sql(
                        "select scheme || '|' || amount || '|' || last_paid || '|' || status from reference_row where dataset_id = :id")
                .param("id", d.path("id").asLong())
                .query(String.class)
                .single();
        assertThat(row).isEqualTo("110|3215.50|2025-06-01|ACTIVE");
        var org = jdbc.sql("select org_path from reference_dataset where id = :id")
                .param("id", d.path("id").asLong())
                .query(String.class)
                .single();
        assertThat(datasets.active(Datasets.Kind.BENEFIT, org + "%"))
                .extracting(Datasets.Active::id)
                .containsExactly(d.path("id").asLong());
    }

    @Test
    void xlsxFromPoiAndFromAHandWrittenZipLoad() throws Exception {
        var rows = List.of(
                List.of("公民身份号码", "姓名", "出境定居日期"),
                List.of(Samples.citizenId(1950), "郑一", "2022-08-09"),
                List.of(Samples.citizenId(1951), "郑二", "2022-08-10"),
                List.of("123", "郑三", "2022-08-11"));
        var d1 = loaded(unitA, upload(unitA, "EXIT", "CRJ", "poi.xlsx", ReferenceFiles.poiXlsx(rows, 2)));
        assertThat(d1.path("state").asText()).isEqualTo("LOADED");
        assertThat(d1.path("rowsLoaded").asLong()).isEqualTo(2);
        assertThat(d1.path("rowsRejected").asLong()).isEqualTo(1);
        assertThat(jdbc.sql("select min(event_date)::text from reference_row where dataset_id = :id")
                        .param("id", d1.path("id").asLong())
                        .query(String.class)
                        .single())
                .isEqualTo("2022-08-09");
        var d2 = loaded(unitA, upload(unitA, "EXIT", "CRJ", "hand.xlsx", ReferenceFiles.handXlsx(rows)));
        assertThat(d2.path("rowsLoaded").asLong()).isEqualTo(2);
        assertThat(jdbc.sql("select row_no from reference_import_error where dataset_id = :id")
                        .param("id", d2.path("id").asLong())
                        .query(Long.class)
                        .list())
                .containsExactly(4L);
    }

    @Test
    void aZipBombOrABrokenWorkbookIsRefusedWith4xx() throws Exception {
        var bomb = upload(unitA, "DEATH", "GA", "bomb.xlsx", ReferenceFiles.bombXlsx(80 << 20));
        assertThat(bomb.status()).isEqualTo(422);
        assertThat(new String(bomb.body(), StandardCharsets.UTF_8)).contains("XLSX");
        var broken = upload(unitA, "DEATH", "GA", "broken.xlsx", "PK not a zip".getBytes(StandardCharsets.UTF_8));
        assertThat(broken.status()).isEqualTo(422);
    }

    @Test
    void withdrawalDropsTheRowsAndAnotherUnitSeesNothing() throws Exception {
        String csv = "公民身份号码,姓名,死亡日期\n" + Samples.citizenId(1930) + ",冯一,2024-05-05\n";
        var d = loaded(unitA, upload(unitA, "DEATH", "WJ", "withdraw.csv", csv.getBytes(StandardCharsets.UTF_8)));
        long id = d.path("id").asLong();
        String org = jdbc.sql("select org_path from reference_dataset where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(datasets.active(Datasets.Kind.DEATH, org + "%"))
                .extracting(Datasets.Active::id)
                .contains(id);
        // another unit: 404 for the dataset, its errors and its withdrawal; not in its list
        assertThat(unitB.get(API + "/" + id).status()).isEqualTo(404);
        assertThat(unitB.get(API + "/" + id + "/errors.xlsx").status()).isEqualTo(404);
        assertThat(unitB.postJson(API + "/" + id + "/withdraw", Map.of("reason", "越权"))
                        .status())
                .isEqualTo(404);
        assertThat(unitB.get(API).json().path("content").toString()).doesNotContain("\"id\":" + id + ",");
        // a withdrawal without a reason is refused; with one, the rows go and comparisons stop using it
        assertThat(unitA.postJson(API + "/" + id + "/withdraw", Map.of("reason", " "))
                        .status())
                .isEqualTo(422);
        var w = unitA.postJson(API + "/" + id + "/withdraw", Map.of("reason", "数据来源更正"));
        assertThat(w.status()).isEqualTo(200);
        assertThat(w.json().path("state").asText()).isEqualTo("WITHDRAWN");
        assertThat(jdbc.sql("select count(*) from reference_row where dataset_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(datasets.active(Datasets.Kind.DEATH, org + "%"))
                .extracting(Datasets.Active::id)
                .doesNotContain(id);
        assertThat(jdbc.sql(
                                "select string_agg(operation, ',' order by id) from audit_entry where object_type = 'REFERENCE_DATASET' and object_id = :id")
                        .param("id", String.valueOf(id))
                        .query(String.class)
                        .single())
                .isEqualTo("IMPORT,WITHDRAW");
        assertThat(unitA.postJson(API + "/" + id + "/withdraw", Map.of("reason", "再次"))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void apiBatchesLoadAtOnceAndOnceOnly() {
        var rows = List.of(
                Map.of("公民身份号码", Samples.citizenId(1962), "险种", "110", "统筹区", "440100", "开始日期", "2020-01-01"),
                Map.of("公民身份号码", "110105196201011234", "险种", "110", "统筹区", "440100", "开始日期", "2020-01-01"));
        var body = Map.of(
                "kind", "OTHER_REGION_ENROLMENT", "source", "QG", "title", "异地参保" + System.nanoTime(), "rows", rows);
        var r = unitA.postJson(API + "/rows", body);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().path("state").asText()).isEqualTo("LOADED");
        assertThat(r.json().path("rowsLoaded").asLong()).isEqualTo(1);
        assertThat(r.json().path("format").asText()).isEqualTo("API");
        var again = unitA.postJson(API + "/rows", body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asLong())
                .isEqualTo(r.json().path("id").asLong());
        var tooMany = new ArrayList<Map<String, String>>();
        for (int i = 0; i <= ReferenceDatasets.MAX_BATCH; i++) {
            tooMany.add(Map.of("公民身份号码", "1"));
        }
        assertThat(unitA.postJson(API + "/rows", Map.of("kind", "DEATH", "source", "GA", "title", "多", "rows", tooMany))
                        .status())
                .isEqualTo(422);
    }

    @Test
    void anImportCutOffByAStopBecomesFailedAtStartUp() {
        long id = jdbc.sql(
                        """
                insert into reference_dataset (kind, source, org_id, org_path, title, format, file_sm3, created_by)
                values ('DEATH', 'GA', :o, '/interrupted/', '中断', 'CSV', :s, 'tester') returning id""")
                .param("o", unitAId)
                .param("s", UUID.randomUUID().toString())
                .query(Long.class)
                .single();
        assertThat(reconciliation.reconcile()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select state || '|' || failure from reference_dataset where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("FAILED|reference.failure.interrupted");
        assertThat(CitizenIdNumber.isValid(Samples.citizenId(1950))).isTrue();
    }
}
