package org.siarchive.lending;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.ArchiveCodeInput;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lending forms as people use them (issue 14): 档号 typed with "-", in full-width or in part; an
 * ambiguous part listed beside the field, never naming another unit's items; errors beside the fields with
 * the input kept (request, decision, lend, extend, return); two-level approval saying which step a request
 * is at and who acts next, items with 题名 and 密级 labels; empty lists that say what is empty.
 */
class LendingFormsIT extends IntegrationTest {

    @Autowired
    Captures captures;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private ItemRecord capture(String level) {
        var s = Samples.personEnrolment(
                "0001", level, Samples.acceptanceNo(), Samples.citizenId(1971), "表单" + level, "13800138000", null);
        return captures.capture(
                        s,
                        List.of(
                                Upload.ofBytes("a.png", Samples.png(System.nanoTime())),
                                Upload.ofBytes("b.pdf", Samples.pdf("lending " + System.nanoTime()))),
                        null,
                        Actor.SYSTEM)
                .item();
    }

    private ConsoleSession login(Role role, int clearance, long orgId) {
        String run = UUID.randomUUID().toString().substring(0, 6);
        var l = TestAccounts.create(
                accounts, role.name().toLowerCase() + run, orgId, Set.of(role), clearance, role.requiresSecondFactor());
        var s = new ConsoleSession(port);
        assertThat(s.login(l.username(), l.password(), l.codes())).isEqualTo("/");
        s.get("/account");
        return s;
    }

    private ConsoleSession login(Role role, int clearance) {
        return login(role, clearance, organisations.root().id());
    }

    /** The shortest tail of the code (after a separator) that names only this item among all stored codes. */
    private String uniqueTail(String code) {
        var all = jdbc.sql("select archive_code from item").query(String.class).list();
        String key = ArchiveCodeInput.key(code);
        for (int i = key.length() - 1; i > 0; i--) {
            if (key.charAt(i - 1) != '-') {
                continue;
            }
            String tail = key.substring(i);
            if (all.stream().filter(c -> ArchiveCodeInput.matches(c, tail)).count() == 1) {
                return tail;
            }
        }
        return key;
    }

    private static Map<String, String> request(String codes, String purpose) {
        return Map.of("archiveCodes", codes, "purposeCode", "QUERY", "purpose", purpose, "periodDays", "3");
    }

    @Test
    void codesAsPeopleTypeThemAndErrorsBesideTheFields() {
        var a = capture("1");
        var b = capture("1");
        var reader = login(Role.READER, 2);

        // missing purpose: the error beside 目的, the 档号 kept in the field
        String hyphenated = a.archiveCode().replace('·', '-');
        var missing = reader.post("/lending/requests", request(hyphenated, ""));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body()).contains("id=\"purpose-error\"", "id=\"form-errors\"", hyphenated);
        assertThat(missing.body()).doesNotContain("id=\"archiveCodes-error\"");

        // "-" for "·", lower case, full-width, and a unique tail all name the item
        String fullWidth = toFullWidth(a.archiveCode().toLowerCase());
        String tail = uniqueTail(b.archiveCode());
        var ok = reader.post(
                "/lending/requests", request(hyphenated + "\n" + fullWidth + "\n" + tail.toLowerCase(), "核对"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(302);
        long id = Long.parseLong(ok.location().substring(ok.location().lastIndexOf('/') + 1));
        var items = jdbc.sql("select archive_code from loan_request_item where request_id = :r order by archive_code")
                .param("r", id)
                .query(String.class)
                .list();
        assertThat(items).containsExactlyInAnyOrder(a.archiveCode(), b.archiveCode());

        // an ambiguous part: beside the field, with candidates, the input kept
        var ambiguous = reader.post("/lending/requests", request("GRCB", "核对"));
        assertThat(ambiguous.status()).isEqualTo(422);
        assertThat(ambiguous.body()).contains("id=\"archiveCodes-error\"", "“GRCB”对应", ">GRCB</textarea>");
        assertThat(ambiguous.body()).contains("·GRCB-");

        // a reader of another unit: the same part names nothing of theirs, and no code of ours is shown
        var unit = organisations.create(
                organisations.root().id(),
                "U" + UUID.randomUUID().toString().substring(0, 5),
                "外区经办处" + System.nanoTime(),
                "COUNTY",
                Actor.SYSTEM);
        var outsider = login(Role.READER, 3, unit.id());
        var refused = outsider.post("/lending/requests", request("GRCB", "核对"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"archiveCodes-error\"").doesNotContain(a.archiveCode(), "·GRCB-");
        assertThat(outsider.get("/lending").body()).contains("暂无利用申请").doesNotContain("没有符合条件的档案");

        // a link from the item page or a search result pre-fills the form
        var prefilled = reader.get("/lending?archiveCodes=" + URLEncoder.encode(a.archiveCode(), StandardCharsets.UTF_8)
                + "&archiveCodes=" + URLEncoder.encode(b.archiveCode(), StandardCharsets.UTF_8));
        assertThat(prefilled.body()).contains(a.archiveCode() + "\n" + b.archiveCode() + "</textarea>");
        assertThat(reader.get("/items/" + a.id()).body()).contains("id=\"request-use\"");
        var archivist = login(Role.ARCHIVIST, 3);
        assertThat(archivist.get("/items/" + a.id()).body())
                .as("archivists do not request use")
                .doesNotContain("id=\"request-use\"");
    }

    @Test
    void twoStepsSayWhereTheRequestStandsAndWhoActsNext() {
        var sensitive = capture("2");
        var reader = login(Role.READER, 2);
        var first = login(Role.APPROVER, 3);
        var ok = reader.post("/lending/requests", request(sensitive.archiveCode(), "审计抽查"));
        long id = Long.parseLong(ok.location().substring(ok.location().lastIndexOf('/') + 1));

        var page = first.get("/lending/requests/" + id).body();
        assertThat(page).contains("第 1 步/共 2 步", "待审批人审批", sensitive.title(), ">内部</td>");
        assertThat(page).contains("href=\"/items/" + sensitive.id() + "\"").doesNotContain(">2</td>");
        assertThat(first.get("/lending").body()).contains("第 1 步/共 2 步");

        // a rejection without a reason: beside the note, nothing decided
        var noReason = first.post("/lending/requests/" + id + "/decision", Map.of("approve", "false", "note", ""));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body()).contains("id=\"note-error\"", "第 1 步/共 2 步");

        assertThat(first.post("/lending/requests/" + id + "/decision", Map.of("approve", "true", "note", "同意"))
                        .status())
                .isEqualTo(302);
        var after = reader.get("/lending/requests/" + id).body();
        assertThat(after)
                .contains("第 2 步/共 2 步", "待上级审批人审批", organisations.root().name(), "待审批");
        assertThat(first.get("/lending/requests/" + id).body())
                .as("the first approver is offered no second decision")
                .doesNotContain("id=\"decision-form\"");
        assertThat(reader.get("/lending").body()).contains("第 2 步/共 2 步", "待上级审批人审批");

        // an approver without the item page opens the description inside lending: scoped and audited
        var record = first.get("/lending/requests/" + id + "/items/" + sensitive.id() + "/record");
        assertThat(record.status()).isEqualTo(200);
        assertThat(record.body()).contains(sensitive.title(), ">内部</dd>");
        assertThat(reader.get("/lending/requests/" + id + "/items/" + UUID.randomUUID() + "/record")
                        .status())
                .isEqualTo(404);
        long reads = jdbc.sql("select count(*) from audit_entry where object_id = :i and operation = 'READ'")
                .param("i", sensitive.id().toString())
                .query(Long.class)
                .single();
        assertThat(reads).isGreaterThanOrEqualTo(1);
    }

    @Test
    void physicalLoanFormsKeepTheirInput() {
        var item = capture("1");
        var archivist = login(Role.ARCHIVIST, 3);
        var empty = archivist.post(
                "/lending/physical",
                Map.of(
                        "borrower",
                        "",
                        "borrowerUnit",
                        "区人社局",
                        "borrowerKind",
                        "UNIT",
                        "purposeCode",
                        "QUERY",
                        "purpose",
                        "信访核查",
                        "archiveCodes",
                        item.archiveCode().replace('·', '.'),
                        "dueDate",
                        ""));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body())
                .contains("id=\"borrower-error\"", "id=\"dueDate-error\"", "value=\"区人社局\"", "value=\"信访核查\"")
                .contains(item.archiveCode().replace('·', '.') + "</textarea>");

        String due = ReadableTime.beijing().today().plusDays(5).toString();
        var lent = archivist.post(
                "/lending/physical",
                Map.of(
                        "borrower",
                        "周借",
                        "borrowerUnit",
                        "区人社局",
                        "borrowerKind",
                        "UNIT",
                        "purposeCode",
                        "QUERY",
                        "purpose",
                        "信访核查",
                        "archiveCodes",
                        item.archiveCode().replace('·', '-'),
                        "dueDate",
                        due));
        assertThat(lent.status()).as(lent.body()).isEqualTo(302);
        String loan = lent.location().substring(lent.location().indexOf("/lending/physical/"));

        var extend = archivist.post(loan + "/extend", Map.of("dueDate", due, "reason", ""));
        assertThat(extend.status()).isEqualTo(422);
        assertThat(extend.body()).contains("id=\"reason-error\"", "id=\"dueDate-error\"", "value=\"" + due + "\"");

        var wrong = archivist.post(loan + "/return", Map.of("archiveCodes", "NOPE-9999"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("id=\"archiveCodes-error\"", "NOPE-9999</textarea>");
        assertThat(archivist
                        .post(loan + "/return", Map.of("archiveCodes", uniqueTail(item.archiveCode())))
                        .status())
                .isEqualTo(302);
        assertThat(archivist.get(loan).body()).contains("已归还", "归还 1 件，尚有 0 件未还");
    }

    private static String toFullWidth(String s) {
        var b = new StringBuilder();
        s.codePoints().forEach(c -> b.appendCodePoint(c >= 0x21 && c <= 0x7e ? c + 0xfee0 : c));
        return b.toString();
    }
}
