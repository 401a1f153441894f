package org.siarchive.lending;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ReadableTime;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lending over HTTP: a reader requests, an approver grants; the reader sees watermarked pages and nothing
 * before the grant; download only under a grant that allows it; a sensitive item needs a second,
 * different approver; every use lands in the utilisation register. Physical loans: lend, refuse a second
 * loan of the same original, extend, remind, return, overdue list.
 */
class LendingIT extends IntegrationTest {

    @Autowired
    Captures captures;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    PhysicalLoans physical;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private ItemRecord capture(String level, byte[] png) {
        var s = Samples.personEnrolment(
                "0001", level, Samples.acceptanceNo(), Samples.citizenId(1970), "借阅" + level, "13800138000", null);
        return captures.capture(
                        s,
                        List.of(Upload.ofBytes("a.png", png), Upload.ofBytes("b.pdf", Samples.pdf("lending " + level))),
                        null,
                        Actor.SYSTEM)
                .item();
    }

    /** The login of each session, to tell it from the display name the pages show. */
    private final Map<ConsoleSession, String> logins = new java.util.HashMap<>();

    private ConsoleSession login(Role role, int clearance) {
        String run = UUID.randomUUID().toString().substring(0, 6);
        var l = TestAccounts.create(
                accounts,
                role.name().toLowerCase() + run,
                organisations.root().id(),
                Set.of(role),
                clearance,
                role.requiresSecondFactor());
        var s = new ConsoleSession(port);
        assertThat(s.login(l.username(), l.password(), l.codes())).isEqualTo("/");
        s.get("/account"); // a page with a CSRF token
        logins.put(s, l.username());
        return s;
    }

    private static long idOf(ConsoleSession.Page redirect) {
        assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
        String loc = redirect.location();
        return Long.parseLong(loc.substring(loc.lastIndexOf('/') + 1));
    }

    @Test
    void requestApproveViewWatermarkedDownloadOnlyWhenGranted() throws Exception {
        byte[] page = white(600, 400);
        var open = capture("1", page);
        var sensitive = capture("2", page);
        var reader = login(Role.READER, 2);
        var approver = login(Role.APPROVER, 3);
        var second = login(Role.APPROVER, 3);

        long r1 = idOf(reader.post(
                "/lending/requests",
                Map.of(
                        "archiveCodes",
                        open.archiveCode(),
                        "purposeCode",
                        "QUERY",
                        "purpose",
                        "核对缴费记录",
                        "periodDays",
                        "3")));
        String pageUrl = "/lending/requests/" + r1 + "/items/" + open.id() + "/pages/1/1";
        assertThat(reader.bytes(pageUrl).statusCode()).as("before approval").isEqualTo(404);
        assertThat(reader.post("/lending/requests/" + r1 + "/decision", Map.of("approve", "true"))
                        .status())
                .as("a reader cannot approve")
                .isEqualTo(403);

        assertThat(approver.post("/lending/requests/" + r1 + "/decision", Map.of("approve", "true"))
                        .status())
                .isEqualTo(302);
        assertThat(reader.get("/lending/requests/" + r1).body()).contains("id=\"grant-active\"", "已批准");
        assertThat(reader.get("/lending/requests/" + r1).body())
                .as("申请人 and 审批人 by display name, never by login")
                .contains(TestAccounts.displayName(logins.get(reader)), TestAccounts.displayName(logins.get(approver)))
                .doesNotContain(">" + logins.get(reader) + "<", ">" + logins.get(approver) + "<");
        assertThat(approver.get("/lending").body()).doesNotContain(">" + logins.get(reader) + "<");
        assertThat(reader.get("/lending/requests/" + r1).body())
                .as("an approved request can be ended by its applicant")
                .contains("/lending/requests/" + r1 + "/withdraw");
        var viewer = reader.get("/lending/requests/" + r1 + "/items/" + open.id());
        assertThat(viewer.status()).isEqualTo(200);
        assertThat(viewer.body()).contains("watermarked").doesNotContain("download-file");

        var shown = reader.bytes(pageUrl);
        assertThat(shown.statusCode()).isEqualTo(200);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(shown.body()));
        assertThat(img.getWidth()).isEqualTo(600);
        assertThat(redPixels(img)).as("watermark burned into the page").isGreaterThan(200);
        assertThat(redPixels(ImageIO.read(new ByteArrayInputStream(page)))).isZero();
        // the PDF's page is rendered and watermarked too
        assertThat(reader.bytes("/lending/requests/" + r1 + "/items/" + open.id() + "/pages/2/1")
                        .statusCode())
                .isEqualTo(200);

        assertThat(reader.bytes("/lending/requests/" + r1 + "/items/" + open.id() + "/files/1")
                        .statusCode())
                .as("download without a grant that allows it")
                .isEqualTo(404);
        assertThat(reader.bytes("/api/v1/items/" + open.id() + "/files/1").statusCode())
                .as("readers have no direct download")
                .isEqualTo(403);
        assertThat(reader.bytes("/lending/requests/" + r1 + "/items/" + sensitive.id() + "/pages/1/1")
                        .statusCode())
                .as("an item the grant does not name")
                .isEqualTo(404);

        // a sensitive item: two approvals by two approvers; download granted
        long r2 = idOf(reader.post(
                "/lending/requests",
                Map.of(
                        "archiveCodes",
                        sensitive.archiveCode(),
                        "purposeCode",
                        "AUDIT",
                        "purpose",
                        "审计抽查",
                        "periodDays",
                        "1",
                        "download",
                        "true")));
        approver.post("/lending/requests/" + r2 + "/decision", Map.of("approve", "true"));
        assertThat(reader.get("/lending/requests/" + r2).body()).contains("待审批");
        var again = approver.post("/lending/requests/" + r2 + "/decision", Map.of("approve", "true"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("另一位审批人");
        assertThat(second.post("/lending/requests/" + r2 + "/decision", Map.of("approve", "true"))
                        .status())
                .isEqualTo(302);
        var file = reader.bytes("/lending/requests/" + r2 + "/items/" + sensitive.id() + "/files/1");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(page);

        // a rejection needs a reason
        long r3 = idOf(reader.post(
                "/lending/requests",
                Map.of(
                        "archiveCodes",
                        open.archiveCode(),
                        "purposeCode",
                        "OTHER",
                        "purpose",
                        "了解",
                        "periodDays",
                        "1")));
        assertThat(approver.post("/lending/requests/" + r3 + "/decision", Map.of("approve", "false"))
                        .status())
                .isEqualTo(422);

        // the register holds every use, under its request
        var uses = jdbc.sql("select kind || ' ' || request_id from utilisation where request_id in (:a, :b)")
                .param("a", r1)
                .param("b", r2)
                .query(String.class)
                .list();
        assertThat(uses).contains("VIEW " + r1, "DOWNLOAD " + r2);
        var archivist = login(Role.ARCHIVIST, 3);
        var register = archivist.get("/lending/register");
        assertThat(register.status()).isEqualTo(200);
        assertThat(register.body()).contains(open.archiveCode(), "在线查阅", "下载");
    }

    @Test
    void physicalLoansDueRemindExtendReturn() {
        var item = capture("1", white(50, 50));
        var archivist = login(Role.ARCHIVIST, 3);
        LocalDate due = ReadableTime.beijing().today().plusDays(2);
        long id = idOf(archivist.post(
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
                        item.archiveCode(),
                        "dueDate",
                        due.toString())));
        assertThat(archivist.get("/lending/physical/" + id).body())
                .as("an open loan offers its return")
                .contains("/lending/physical/" + id + "/return");
        var twice = archivist.post("/lending/physical", otherLoan(item.archiveCode(), due));
        assertThat(twice.status()).isEqualTo(409);
        var tooLong = archivist.post(
                "/lending/physical",
                otherLoan(item.archiveCode(), ReadableTime.beijing().today().plusDays(200)));
        assertThat(tooLong.status()).isEqualTo(422);

        assertThat(physical.remind()).isGreaterThanOrEqualTo(1);
        assertThat(physical.loan(id, Access.SYSTEM).reminders()).isEqualTo(1);
        assertThat(archivist
                        .post(
                                "/lending/physical/" + id + "/extend",
                                Map.of("dueDate", due.plusDays(7).toString(), "reason", "核查未完"))
                        .status())
                .isEqualTo(302);
        assertThat(physical.loan(id, Access.SYSTEM).dueDate()).isEqualTo(due.plusDays(7));

        jdbc.sql("update physical_loan set due_date = current_date - 1 where id = :id")
                .param("id", id)
                .update();
        assertThat(physical.overdue(Access.SYSTEM))
                .extracting(PhysicalLoans.Loan::id)
                .contains(id);
        assertThat(archivist.get("/lending/physical").body()).contains("id=\"overdue\"", "周借");

        assertThat(archivist
                        .post("/lending/physical/" + id + "/return", Map.of("archiveCodes", ""))
                        .status())
                .isEqualTo(302);
        assertThat(physical.loan(id, Access.SYSTEM).status()).isEqualTo(PhysicalLoanState.RETURNED);
        assertThat(archivist.get("/lending/physical/" + id).body())
                .as("a loan returned in full offers no return or extension")
                .doesNotContain("/lending/physical/" + id + "/return");
        assertThat(physical.overdue(Access.SYSTEM))
                .extracting(PhysicalLoans.Loan::id)
                .doesNotContain(id);
        assertThat(physical.events(id))
                .extracting(PhysicalLoans.LoanEvent::kind)
                .containsExactly("REMIND", "EXTEND", "RETURN");
    }

    /** A second borrower's loan form for the same original. */
    private static Map<String, String> otherLoan(String archiveCode, LocalDate due) {
        return Map.of(
                "borrower",
                "吴借",
                "borrowerUnit",
                "某单位",
                "borrowerKind",
                "PERSON",
                "purposeCode",
                "QUERY",
                "purpose",
                "查阅",
                "archiveCodes",
                archiveCode,
                "dueDate",
                due.toString());
    }

    private static long redPixels(BufferedImage img) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                if (r > g + 20 && r > b + 20) {
                    n++;
                }
            }
        }
        return n;
    }

    private static byte[] white(int w, int h) {
        var img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(java.awt.Color.DARK_GRAY);
        g.drawString("社会保险", 20, 30);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
