package org.siarchive.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Actor;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The audit log reads in Chinese: a reader's view of an item shows as 查看 of the item's 档号 by the reader's
 * name in the organisation's name; a refused page shows under 拒绝; the audit extract (Excel) holds exactly
 * the rows of the screen for the same filter; the chain stays intact.
 */
class AuditConsoleIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    Captures captures;

    @Autowired
    AuditChain chain;

    @Test
    void aViewAndARefusalReadInChineseAndTheExtractEqualsTheScreen() throws Exception {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        var root = organisations.root();
        String readerLogin = "yue" + run;
        var reader = accounts.provision(
                readerLogin, "岳读者" + run, root.id(), Set.of(Role.READER), "Test-" + readerLogin + "-9x", false);
        accounts.setScope(reader.id(), root.id(), null, 3, null, false, Actor.SYSTEM);
        var auditor = TestAccounts.create(accounts, "shen" + run, root.id(), Set.of(Role.AUDITOR), 3, true);
        var item = captures.capture(
                        Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1975), "审计查看"),
                        List.of(
                                Upload.ofBytes("a.png", Samples.png(Long.parseLong(run))),
                                Upload.ofBytes("b.pdf", Samples.pdf("audit " + run))),
                        null,
                        Actor.SYSTEM)
                .item();

        // given a reader who views the item and tries the audit log
        var readerSession = new ConsoleSession(port);
        assertThat(readerSession.login(readerLogin, "Test-" + readerLogin + "-9x", () -> ""))
                .isEqualTo("/");
        assertThat(readerSession.get("/items/" + item.id()).status()).isEqualTo(200);
        assertThat(readerSession.get("/audit").status()).isEqualTo(403);

        // when the auditor filters by 查看 (READ) of items
        var session = new ConsoleSession(port);
        assertThat(session.login(auditor.username(), auditor.password(), auditor.codes()))
                .isEqualTo("/");
        var viewed = session.get("/audit?operation=READ&objectType=ITEM&actor=" + readerLogin);
        assertThat(viewed.status()).isEqualTo(200);
        var rows = rows(viewed.body());

        // then the entry reads in Chinese, by what people know
        assertThat(rows).hasSize(1);
        var row = rows.get(0);
        assertThat(row.get("actor")).isEqualTo("岳读者" + run + "（" + readerLogin + "）");
        assertThat(row.get("org")).isEqualTo(root.name());
        assertThat(row.get("type")).isEqualTo("件");
        assertThat(row.get("object")).isEqualTo(item.archiveCode());
        assertThat(row.get("operation")).isEqualTo("查看");
        assertThat(row.get("result")).isEqualTo("成功");
        assertThat(viewed.body()).contains("<option value=\"READ\" selected=\"selected\">查看</option>");

        // and the 对象 filter takes the 档号 as people type it: hyphens for the dots, lower case
        String typed = URLEncoder.encode(
                item.archiveCode().replace('·', '-').toLowerCase(java.util.Locale.ROOT), StandardCharsets.UTF_8);
        var byCode = rows(session.get("/audit?operation=READ&actor=" + readerLogin + "&objectId=" + typed)
                .body());
        assertThat(byCode).extracting(r -> r.get("object")).containsExactly(item.archiveCode());

        // and the refused page is under 拒绝
        var denied =
                rows(session.get("/audit?result=DENIED&actor=" + readerLogin).body());
        assertThat(denied).hasSize(1);
        assertThat(denied.get(0).get("result")).isEqualTo("拒绝");
        assertThat(denied.get(0).get("operation")).isEqualTo("访问");
        assertThat(denied.get(0).get("detail")).isEqualTo("无权访问 GET /audit");

        // and the extract of the reader's entries holds exactly the screen's rows
        String filter = "actor=" + URLEncoder.encode(readerLogin, StandardCharsets.UTF_8);
        var screen = rows(session.get("/audit?" + filter).body());
        assertThat(screen.size()).isGreaterThanOrEqualTo(3); // login, view, refusal
        var xlsx = session.bytes("/audit/export?format=xlsx&" + filter);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(excelRows(xlsx.body()))
                .isEqualTo(screen.stream().map(AuditConsoleIT::asExtract).toList());
        var pdf = session.bytes("/audit/export?format=pdf&" + filter);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(session.bytes("/audit/export?format=doc&" + filter).statusCode())
                .isEqualTo(422);

        // and the extracts are audited, the chain intact
        var exports = rows(session.get("/audit?operation=EXPORT&actor=" + auditor.username())
                .body());
        assertThat(exports).extracting(r -> r.get("detail")).contains("Excel，条件：" + readerLogin);
        assertThat(chain.verify().intact()).isTrue();
    }

    /** The extract's row for a screen row: 时间, 操作人, 机构, 操作, 对象, 结果, 详情, 地址. */
    private static List<String> asExtract(java.util.Map<String, String> r) {
        String detail = r.get("reason").isEmpty() || r.get("detail").isEmpty()
                ? r.get("reason") + r.get("detail")
                : r.get("reason") + "；" + r.get("detail");
        return List.of(
                r.get("time"),
                r.get("actor"),
                r.get("org"),
                r.get("operation"),
                (r.get("type") + " " + r.get("object")).strip(),
                r.get("result"),
                detail,
                r.get("ip"));
    }

    private static List<List<String>> excelRows(byte[] bytes) throws Exception {
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var sheet = wb.getSheetAt(0);
            var fmt = new DataFormatter();
            var header = sheet.getRow(0);
            assertThat(fmt.formatCellValue(header.getCell(0))).isEqualTo("时间");
            assertThat(fmt.formatCellValue(header.getCell(1))).isEqualTo("操作人");
            var out = new ArrayList<List<String>>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                var row = sheet.getRow(i);
                var cells = new ArrayList<String>();
                for (int c = 0; c < 8; c++) {
                    cells.add(fmt.formatCellValue(row.getCell(c)));
                }
                out.add(cells);
            }
            return out;
        }
    }

    private static final Pattern ROW = Pattern.compile("<tr[^>]*>\\s*<td class=\"audit-seq\".*?</tr>", Pattern.DOTALL);
    private static final Pattern CELL =
            Pattern.compile("<td class=\"audit-([a-z]+)[^\"]*\"[^>]*>(.*?)</td>", Pattern.DOTALL);

    /** The audit table's rows as the screen shows them, by column. */
    static List<java.util.Map<String, String>> rows(String html) {
        var out = new ArrayList<java.util.Map<String, String>>();
        var m = ROW.matcher(html);
        while (m.find()) {
            var cells = new java.util.LinkedHashMap<String, String>();
            var c = CELL.matcher(m.group());
            while (c.find()) {
                cells.put(c.group(1), unescape(c.group(2).replaceAll("<[^>]+>", "")));
            }
            out.add(cells);
        }
        return out;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
