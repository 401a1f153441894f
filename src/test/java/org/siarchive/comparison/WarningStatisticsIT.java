package org.siarchive.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Scope;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Warning statistics by rule, unit and month (Beijing time) on planted warnings in two counties: raised,
 * confirmed, excluded, closed and overdue counts and the amounts add up per line; the city sees both counties,
 * a county only its own; the Excel export carries the same lines; a window over 36 months is 422.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarningStatisticsIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReferenceTokens tokens;

    @Autowired
    WarningStatistics statistics;

    @Autowired
    ReadableTime time;

    final String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    OrgUnit city;
    OrgUnit north;
    OrgUnit south;
    WarningFixture fixture;

    @BeforeAll
    void plant() {
        var root = organisations.root();
        city = organisations.create(root.id(), "TC" + run, "统计市社保中心" + run, "CITY", Actor.SYSTEM);
        north = organisations.create(city.id(), "TN" + run, "统计北县社保中心" + run, "COUNTY", Actor.SYSTEM);
        south = organisations.create(city.id(), "TS" + run, "统计南县社保中心" + run, "COUNTY", Actor.SYSTEM);
        fixture = new WarningFixture(jdbc, tokens, run);
        long runId = fixture.comparisonRun(city);
        long dataset = fixture.dataset(city);
        // Beijing 2025-03-31 23:30 is March; 2025-03-31 16:30 UTC is April in Beijing
        var march = OffsetDateTime.parse("2025-03-31T23:30:00+08:00");
        var april = OffsetDateTime.parse("2025-03-31T16:30:00Z");
        var past = LocalDate.of(2025, 4, 20);
        var future = LocalDate.of(2099, 1, 1);
        String a = "DEATH_PAID";
        String b = "DOUBLE_PAID";
        plant(north, a, "100.00", march, future, runId, dataset, "CONFIRMED", "CLOSED", "50.00");
        plant(north, a, "200.00", march, past, runId, dataset, "EXCLUDED", "EXCLUDED", null);
        plant(north, a, "300.00", march, past, runId, dataset, null, "CHECKING", null);
        plant(north, b, "400.00", april, future, runId, dataset, "CONFIRMED", "CONFIRMED", "400.00");
        plant(south, a, "500.00", april, past, runId, dataset, null, "CHECKING", null);
    }

    private void plant(
            OrgUnit org,
            String rule,
            String amount,
            OffsetDateTime raised,
            LocalDate due,
            long runId,
            long dataset,
            String outcome,
            String state,
            String recover) {
        String no = fixture.warning(
                org, Samples.citizenId(1940), rule, new BigDecimal(amount), raised, due, runId, dataset);
        jdbc.sql(
                        """
                update comparison_warning set outcome = :outcome, state = :state,
                       amount_to_recover = cast(:recover as numeric) where warning_no = :no""")
                .param("outcome", outcome)
                .param("state", state)
                .param("recover", recover)
                .param("no", no)
                .update();
    }

    private static Access access(OrgUnit org) {
        return new Access(
                new Actor("stats", "127.0.0.1", "test"),
                new Scope(org.path(), null, 3),
                Set.of(WarningAccessRules.HANDLE));
    }

    private static String key(WarningStatistics.Line l) {
        return l.ruleCode() + "|" + l.orgId() + "|" + l.month();
    }

    @Test
    void linesByRuleUnitAndBeijingMonth() {
        var lines = statistics.lines("2025-03", "2025-04", access(city), Locale.SIMPLIFIED_CHINESE);
        assertThat(lines)
                .extracting(WarningStatisticsIT::key)
                .containsExactly(
                        "DEATH_PAID|" + north.id() + "|2025-03",
                        "DEATH_PAID|" + south.id() + "|2025-04",
                        "DOUBLE_PAID|" + north.id() + "|2025-04");
        var marchNorth = lines.get(0);
        assertThat(List.of(
                        marchNorth.raised(),
                        marchNorth.confirmed(),
                        marchNorth.excluded(),
                        marchNorth.closed(),
                        marchNorth.overdue()))
                .containsExactly(3L, 1L, 1L, 1L, 2L);
        assertThat(marchNorth.amountAtRisk()).isEqualByComparingTo("600.00");
        assertThat(marchNorth.amountToRecover()).isEqualByComparingTo("50.00");
        assertThat(marchNorth.orgName()).isEqualTo(north.name());
        assertThat(lines.get(2).amountToRecover()).isEqualByComparingTo("400.00");
        assertThat(lines.get(1).overdue()).isEqualTo(1L);
    }

    @Test
    void aCountySeesOnlyItsOwnLines() {
        var lines = statistics.lines("2025-03", "2025-04", access(south), Locale.SIMPLIFIED_CHINESE);
        assertThat(lines).extracting(WarningStatistics.Line::orgId).containsOnly(south.id());
        assertThat(lines).hasSize(1);
        assertThat(statistics.lines("2025-05", "2025-06", access(city), Locale.SIMPLIFIED_CHINESE))
                .isEmpty();
    }

    @Test
    void theExportCarriesTheLinesAndTheWindowIsBounded() throws Exception {
        var login = TestAccounts.create(accounts, "tjywu" + run, north.id(), Set.of(Role.CLERK), 3, false);
        var s = new ConsoleSession(port);
        assertThat(s.login(login.username(), login.password(), login.codes())).doesNotStartWith("/login");
        s.get("/");
        var page = s.get("/comparison/warnings/statistics?from=2025-03&to=2025-04");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(north.name()).doesNotContain(south.name());
        var xlsx = s.bytes("/comparison/warnings/statistics/export?from=2025-03&to=2025-04");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = wb.getSheetAt(0);
            var text = new StringBuilder();
            sheet.forEach(
                    row -> row.forEach(cell -> text.append(cell.toString()).append('|')));
            assertThat(text.toString())
                    .contains(north.name(), "2025-03", "2025-04")
                    .doesNotContain(south.name());
        }
        assertThat(s.get("/comparison/warnings/statistics?from=2020-01&to=2025-04")
                        .status())
                .isEqualTo(422);
        var api = s.api("GET", "/api/v1/comparison/warning-statistics?from=2025-04&to=2025-03", null);
        assertThat(api.status()).isEqualTo(422);
        assertThat(api.body()).contains("from");
        var listed = s.api("GET", "/api/v1/comparison/warnings?month=2025-03&rule=DEATH_PAID&size=100", null);
        var json = JsonMapper.builder().build().readTree(listed.body());
        assertThat(json.path("total").asLong()).isEqualTo(3);
        assertThat(json.path("byState").path("CHECKING").asLong()).isEqualTo(1);
        assertThat(new BigDecimal(json.path("amountAtRisk").asString())).isEqualByComparingTo("600.00");
        assertThat(s.api("GET", "/api/v1/comparison/warnings?month=2025-13", null)
                        .status())
                .isEqualTo(422);
    }
}
