package org.siarchive.continuation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.siarchive.organisation.Organisations;
import org.siarchive.organisation.WorkingDays;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The 转移接续 pages as people use them: a clerk registers an application for a file exchange (free-text old
 * agency), sends the 联系函 (kept for download), downloads it; refused forms come back 422 with the input; the
 * security administrator sees this platform's key and registers peers; the system administrator keeps the
 * working-day calendar (a year not maintained is flagged; set and clear are audited by WorkingDays).
 */
class ContinuationConsoleIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    WorkingDays workingDays;

    private ConsoleSession login(Set<Role> roles, boolean totp) {
        String run = UUID.randomUUID().toString().substring(0, 6);
        var who =
                TestAccounts.create(accounts, "zyjx" + run, organisations.root().id(), roles, 3, totp);
        var s = new ConsoleSession(port);
        String landed = s.login(who.username(), who.password(), who.codes());
        assertThat(landed).doesNotStartWith("/login");
        s.get("/");
        return s;
    }

    @Test
    void aClerkRegistersAnApplicationSendsTheLetterAsAFileAndDownloadsIt() {
        var clerk = login(Set.of(Role.CLERK), false);
        assertThat(clerk.get("/continuation").status()).isEqualTo(200);
        assertThat(clerk.get("/continuation/new").body()).contains("continuation-form");

        var refused = clerk.post("/continuation/cases", Map.of("name", "接续丁", "scheme", "110", "agentPhone", "x"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body())
                .contains("certNo-error")
                .contains("peerAgency-error")
                .contains("接续丁");

        String cert = Samples.citizenId(1990);
        var made = clerk.post(
                "/continuation/cases",
                Map.of("certNo", cert, "name", "接续丁", "scheme", "110", "peerAgency", "某省社会保险事业管理中心"));
        assertThat(made.status()).isEqualTo(302);
        String path = made.location().replaceFirst("^https?://[^/]+", "");
        assertThat(path).startsWith("/continuation/cases/ZY");
        var page = clerk.get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain(cert).doesNotContain("接续丁").contains("case-letter");

        var sent = clerk.post(path + "/letter", Map.of());
        assertThat(sent.status()).isEqualTo(302);
        var after = clerk.get(path).body();
        assertThat(after).contains("待以文件交换").contains("case-refuse");
        var link = after.replaceAll("(?s).*href=\"(" + path + "/messages/\\d+)\".*", "$1");
        var zip = clerk.bytes(link);
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.body().length).isGreaterThan(100);

        var again = clerk.post(path + "/letter", Map.of());
        assertThat(again.status()).isEqualTo(409);
        var worklist = clerk.get("/continuation?direction=IN").body();
        assertThat(worklist).contains(path.substring(path.lastIndexOf('/') + 1));
        assertThat(clerk.get("/continuation?state=NOPE").status()).isEqualTo(422);
    }

    @Test
    void theSecurityAdministratorSeesOurKeyAndRegistersPeers() {
        var sec = login(Set.of(Role.SECADMIN), true);
        var page = sec.get("/admin/continuation-peers");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("BEGIN PUBLIC KEY");
        var bad = sec.post(
                "/admin/continuation-peers",
                Map.of("regionCode", "12", "agencyName", "某中心", "certificate", "not a key"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("regionCode-error").contains("certificate-error");
        String pem = page.body()
                .replaceAll("(?s).*(-----BEGIN PUBLIC KEY-----.*?-----END PUBLIC KEY-----).*", "$1")
                .replace("&#43;", "+")
                .replace("&#47;", "/")
                .replace("&#61;", "=");
        var ok = sec.post(
                "/admin/continuation-peers",
                Map.of("regionCode", "650100", "agencyName", "乌鲁木齐市社会保险管理局", "certificate", pem));
        assertThat(ok.status()).isEqualTo(302);
        assertThat(sec.get("/admin/continuation-peers").body())
                .contains("650100")
                .contains("仅文件交换");
    }

    @Test
    void theSystemAdministratorKeepsTheWorkingDayCalendar() {
        var sys = login(Set.of(Role.SYSADMIN), true);
        var y2025 = sys.get("/admin/calendar?year=2025");
        assertThat(y2025.status()).isEqualTo(200);
        assertThat(y2025.body()).contains("国庆").doesNotContain("calendar-unmaintained");
        assertThat(sys.get("/admin/calendar?year=2033").body()).contains("calendar-unmaintained");
        assertThat(sys.get("/admin/calendar?year=1800").status()).isEqualTo(422);

        LocalDate day = LocalDate.of(2033, 3, 1); // a Tuesday
        assertThat(workingDays.isWorkingDay(day)).isTrue();
        assertThat(sys.post("/admin/calendar", Map.of("day", day.toString(), "working", "false", "name", "测试假日"))
                        .status())
                .isEqualTo(302);
        assertThat(workingDays.isWorkingDay(day)).isFalse();
        assertThat(sys.post("/admin/calendar", Map.of("day", "2033-13-01", "name", "x"))
                        .status())
                .isEqualTo(422);
        assertThat(sys.post("/admin/calendar", Map.of("day", day.toString(), "action", "clear"))
                        .status())
                .isEqualTo(302);
        assertThat(workingDays.isWorkingDay(day)).isTrue();
    }

    @Test
    void fifteenWorkingDaysAcrossNationalDayCountHolidaysAndWorkingWeekends() {
        // 2025: 10-01..10-08 off, Sunday 09-28 and Saturday 10-11 worked
        assertThat(workingDays.isWorkingDay(LocalDate.of(2025, 10, 1))).isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2025, 10, 11))).isTrue();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2025, 9, 28))).isTrue();
        assertThat(workingDays.plus(LocalDate.of(2025, 9, 30), 15)).isEqualTo(LocalDate.of(2025, 10, 28));
        assertThat(workingDays.between(LocalDate.of(2025, 9, 30), LocalDate.of(2025, 10, 28)))
                .isEqualTo(15);
        // 2026: 10-01..10-07 off, Saturday 10-10 worked
        assertThat(workingDays.plus(LocalDate.of(2026, 9, 30), 15)).isEqualTo(LocalDate.of(2026, 10, 27));
        // a plain week: 15 working days are three calendar weeks
        assertThat(workingDays.plus(LocalDate.of(2025, 3, 3), 15)).isEqualTo(LocalDate.of(2025, 3, 24));
    }

    @Test
    void pagesRefuseOtherRoles() {
        var reader = login(Set.of(Role.READER), false);
        assertThat(reader.get("/continuation").status()).isEqualTo(403);
        assertThat(reader.get("/admin/calendar").status()).isEqualTo(403);
        assertThat(reader.get("/admin/continuation-peers").status()).isEqualTo(403);
    }
}
