package org.siarchive.lending;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ReadableTime;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 利用登记 and 实体借阅 on paper (issue 14): the Excel export holds exactly the rows the page shows for the
 * same filters, with the headers staff expect; the PDF prints; a format other than xlsx or pdf is a 422.
 */
class LendingRegistersIT extends IntegrationTest {

    @Autowired
    Captures captures;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @LocalServerPort
    int port;

    private ItemRecord capture() {
        var s = Samples.personEnrolment(
                "0001", "1", Samples.acceptanceNo(), Samples.citizenId(1972), "登记簿", "13800138000", null);
        return captures.capture(
                        s,
                        List.of(
                                Upload.ofBytes("a.png", Samples.png(System.nanoTime())),
                                Upload.ofBytes("b.pdf", Samples.pdf("lending " + System.nanoTime()))),
                        null,
                        Actor.SYSTEM)
                .item();
    }

    private ConsoleSession login(Role role) {
        String run = UUID.randomUUID().toString().substring(0, 6);
        var l = TestAccounts.create(
                accounts,
                role.name().toLowerCase() + run,
                organisations.root().id(),
                Set.of(role),
                3,
                role.requiresSecondFactor());
        var s = new ConsoleSession(port);
        assertThat(s.login(l.username(), l.password(), l.codes())).isEqualTo("/");
        s.get("/account");
        return s;
    }

    @Test
    void excelRowsAreTheRowsOnScreen() throws Exception {
        var a = capture();
        var b = capture();
        var reader = login(Role.READER);
        var approver = login(Role.APPROVER);
        var archivist = login(Role.ARCHIVIST);
        var req = reader.post(
                "/lending/requests",
                Map.of("archiveCodes", a.archiveCode(), "purposeCode", "AUDIT", "purpose", "审计抽查", "periodDays", "2"));
        String id = req.location().substring(req.location().lastIndexOf('/') + 1);
        approver.post("/lending/requests/" + id + "/decision", Map.of("approve", "true"));
        assertThat(reader.bytes("/lending/requests/" + id + "/items/" + a.id() + "/pages/1/1")
                        .statusCode())
                .isEqualTo(200);
        String due = ReadableTime.beijing().today().plusDays(10).toString();
        var lent = archivist.post(
                "/lending/physical",
                Map.of(
                        "borrower",
                        "=SUM(A1)",
                        "borrowerUnit",
                        "区人社局",
                        "borrowerKind",
                        "UNIT",
                        "purposeCode",
                        "QUERY",
                        "purpose",
                        "信访核查",
                        "archiveCodes",
                        b.archiveCode(),
                        "dueDate",
                        due));
        assertThat(lent.status()).as(lent.body()).isEqualTo(302);

        String today = ReadableTime.beijing().today().toString();
        String filter = "?from=" + ReadableTime.beijing().today().minusDays(1) + "&to="
                + ReadableTime.beijing().today().plusDays(1);
        var uses = screen(archivist.get("/lending/register" + filter).body());
        assertThat(uses.get(0)).containsExactly("利用日期", "档号", "题名", "利用人", "单位", "目的", "方式", "期限", "审批人", "归还日期", "备注");
        assertThat(uses)
                .anySatisfy(row -> assertThat(row).contains(a.archiveCode(), a.title(), "在线查阅", "2 天", "审计检查：审计抽查"));
        assertThat(uses).anySatisfy(row -> assertThat(row).contains(b.archiveCode(), "实体借阅", "至 " + due));
        assertThat(excel(archivist, "/lending/register/export" + filter + "&format=xlsx"))
                .isEqualTo(uses);

        var loans = screen(archivist
                .get("/lending/physical/register" + filter + "&state=OUT")
                .body());
        assertThat(loans.get(0)).containsExactly("借出日期", "档号", "题名", "借阅人", "应还日期", "归还日期", "状态");
        assertThat(loans).anySatisfy(row -> assertThat(row)
                .containsExactly(today, b.archiveCode(), b.title(), "=SUM(A1)（区人社局）", due, "", "借出中"));
        assertThat(excel(archivist, "/lending/physical/register/export" + filter + "&state=OUT&format=xlsx"))
                .isEqualTo(loans);

        var pdf = archivist.bytes("/lending/physical/register/export" + filter + "&format=pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        assertThat(archivist.bytes("/lending/register/export?format=csv").statusCode())
                .isEqualTo(422);
        assertThat(reader.bytes("/lending/register/export?format=xlsx").statusCode())
                .isEqualTo(403);
    }

    private static final Pattern ROW = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL);

    /** The header and body rows of the page's {@code #register} table, as text. */
    static List<List<String>> screen(String html) {
        int start = html.indexOf("id=\"register\"");
        String table = html.substring(start, html.indexOf("</table>", start));
        var rows = new ArrayList<List<String>>();
        var r = ROW.matcher(table);
        while (r.find()) {
            if (r.group(1).contains("class=\"text-secondary empty\"")) {
                continue;
            }
            var cells = new ArrayList<String>();
            var c = CELL.matcher(r.group(1));
            while (c.find()) {
                cells.add(unescape(c.group(1).strip()));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    /** The first sheet's rows as text: the header row, then the data rows (a closing note would differ). */
    private static List<List<String>> excel(ConsoleSession s, String path) throws Exception {
        var r = s.bytes(path);
        assertThat(r.statusCode()).isEqualTo(200);
        var rows = new ArrayList<List<String>>();
        var fmt = new DataFormatter();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            var sheet = wb.getSheetAt(0);
            for (var row : sheet) {
                var cells = new ArrayList<String>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    var cell = row.getCell(i);
                    cells.add(cell == null ? "" : fmt.formatCellValue(cell));
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
