package org.siarchive.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.Catalog;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.organisation.WorkingDays;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Scope;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The warning lifecycle on the real stack: check → take → confirm with STOP → the payment instruction written
 * with the decision and delivered to the file sink → the report and evidence list captured as one item of step
 * JHYJ about the person, linked to the warning → close; exclusion needs a reason; illegal changes are 409
 * naming the state; routing stays within the caller's subtree; the daily reminder of overdue warnings; every
 * change audited with its operation; another unit's clerk gets 404, a reader 403.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarningLifecycleIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReferenceTokens tokens;

    @Autowired
    PaymentInstructions instructions;

    @Autowired
    WarningActions actions;

    @Autowired
    WarningReminders reminders;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    AuditTrail audit;

    @Autowired
    ReadableTime time;

    final String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    WarningFixture fixture;
    OrgUnit east;
    OrgUnit eastTown;
    OrgUnit west;
    long runId;
    long datasetId;
    ConsoleSession clerk;
    ConsoleSession approver;
    ConsoleSession westClerk;
    ConsoleSession reader;
    String clerkName;

    @BeforeAll
    void setUp() {
        var root = organisations.root();
        var city = organisations.create(root.id(), "YC" + run, "预警市社保中心" + run, "CITY", Actor.SYSTEM);
        east = organisations.create(city.id(), "YE" + run, "预警东区社保中心" + run, "COUNTY", Actor.SYSTEM);
        eastTown = organisations.create(east.id(), "YT" + run, "预警东区经办处" + run, "AGENCY", Actor.SYSTEM);
        west = organisations.create(city.id(), "YW" + run, "预警西区社保中心" + run, "COUNTY", Actor.SYSTEM);
        catalog.ensureFonds("Y" + run.substring(0, 4), "预警东区档案", east.name(), east.id(), Actor.SYSTEM);
        fixture = new WarningFixture(jdbc, tokens, run);
        runId = fixture.comparisonRun(east);
        datasetId = fixture.dataset(east);
        clerkName = "yjywu" + run;
        clerk = login(TestAccounts.create(accounts, clerkName, east.id(), Set.of(Role.CLERK), 3, false));
        approver = login(TestAccounts.create(accounts, "yjld" + run, east.id(), Set.of(Role.APPROVER), 3, true));
        westClerk = login(TestAccounts.create(accounts, "yjxq" + run, west.id(), Set.of(Role.CLERK), 3, false));
        reader = login(TestAccounts.create(accounts, "yjcy" + run, east.id(), Set.of(Role.READER), 3, false));
    }

    private ConsoleSession login(TestAccounts.Login who) {
        var s = new ConsoleSession(port);
        String landed = s.login(who.username(), who.password(), who.codes());
        assertThat(landed).doesNotStartWith("/login");
        s.get("/");
        return s;
    }

    private String raise(OrgUnit org, String cert) {
        return fixture.warning(
                org,
                cert,
                "DEATH_PAID",
                new BigDecimal("3600.00"),
                time.now().toOffsetDateTime(),
                workingDays.plus(time.today(), 15),
                runId,
                datasetId);
    }

    private static JsonNode json(ConsoleSession.Page page) {
        return JSON.readTree(page.body());
    }

    private String api(String no, String action) {
        return "/api/v1/comparison/warnings/" + no + (action.isEmpty() ? "" : "/" + action);
    }

    @Test
    void confirmWithStopDeliversTheInstructionFilesTheEvidenceAndCloses() throws Exception {
        String cert = Samples.citizenId(1948);
        String no = raise(east, cert);

        var page = clerk.get("/comparison/warnings?run=" + runId);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(no).doesNotContain(cert);
        var got = clerk.api("GET", api(no, ""), null);
        assertThat(got.status()).isEqualTo(200);
        var w = json(got).path("warning");
        assertThat(w.path("state").asString()).isEqualTo("CHECKING");
        assertThat(w.path("idMasked").asString()).isNotEqualTo(cert).startsWith(cert.substring(0, 3));
        assertThat(got.body()).doesNotContain(cert);
        assertThat(json(got).path("evidence").size()).isEqualTo(2);

        assertThat(json(clerk.api("POST", api(no, "take"), null))
                        .path("assignedTo")
                        .asString())
                .isEqualTo(clerkName);
        var confirmed = clerk.api(
                "POST",
                api(no, "confirm"),
                "{\"paymentAction\":\"STOP\",\"amountToRecover\":1200.50,\"finding\":\"经核实已于2025年1月死亡\"}");
        assertThat(confirmed.status()).isEqualTo(200);
        var c = json(confirmed);
        assertThat(c.path("state").asString()).isEqualTo("CONFIRMED");
        assertThat(c.path("evidenceItemId").isNull()).isFalse();

        long warningId = jdbc.sql("select id from comparison_warning where warning_no = :n")
                .param("n", no)
                .query(Long.class)
                .single();
        var instruction = instructions.ofWarning(warningId).orElseThrow();
        assertThat(instruction.action()).isEqualTo(PaymentAction.STOP);
        assertThat(instruction.scheme()).isEqualTo("110");
        assertThat(instruction.amountToRecover()).isEqualByComparingTo("1200.50");

        instructions.deliver();
        var delivered = instructions.ofWarning(warningId).orElseThrow();
        assertThat(delivered.state()).isEqualTo("DELIVERED");
        assertThat(delivered.attempts()).isGreaterThanOrEqualTo(1);
        var file = DATA_DIR.resolve("payment-instructions").resolve(PaymentFileSink.FILE);
        var line = Files.readAllLines(file).stream()
                .filter(l -> l.contains("\"instructionId\":" + instruction.id() + ","))
                .findFirst()
                .orElseThrow();
        var sent = JSON.readTree(line);
        assertThat(sent.path("idNumber").asString()).isEqualTo(cert);
        assertThat(sent.path("action").asString()).isEqualTo("STOP");
        assertThat(sent.path("warningNo").asString()).isEqualTo(no);
        assertThat(sent.path("issuedAt").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        instructions.deliver();
        assertThat(Files.readAllLines(file).stream()
                        .filter(l -> l.contains("\"instructionId\":" + instruction.id() + ",")))
                .as("a delivered instruction is not handed over again")
                .hasSize(1);

        var item = catalog.itemByIdempotencyKey("key:warning:" + no).orElseThrow();
        assertThat(item.id().toString()).isEqualTo(c.path("evidenceItemId").asString());
        assertThat(item.stepCode()).isEqualTo(EvidenceFiling.STEP);
        assertThat(item.categoryCode()).isEqualTo("09");
        assertThat(item.acceptanceNo()).isEqualTo(no);
        long personId = jdbc.sql("select person_id from comparison_warning where id = :id")
                .param("id", warningId)
                .query(Long.class)
                .single();
        assertThat(catalog.findPerson(cert, Access.SYSTEM)).contains(personId);
        assertThat(clerk.get("/comparison/warnings/" + no).body())
                .contains("/persons/" + personId)
                .contains("/items/" + item.id());

        var closed = approver.api("POST", api(no, "close"), null);
        assertThat(closed.status()).isEqualTo(200);
        assertThat(json(closed).path("state").asString()).isEqualTo("CLOSED");

        var ops = audit.forObject(AuditedObject.WARNING, no).stream()
                .map(AuditTrail.Entry::operation)
                .toList();
        assertThat(ops)
                .contains(
                        AuditOperation.ASSIGN.name(),
                        AuditOperation.CONFIRM.name(),
                        AuditOperation.CAPTURE.name(),
                        AuditOperation.CLOSE.name());
        assertThat(audit.forObject(AuditedObject.PAYMENT_INSTRUCTION, Long.toString(instruction.id())))
                .extracting(AuditTrail.Entry::operation)
                .containsOnly(AuditOperation.INSTRUCT.name())
                .hasSize(2);
        var events = jdbc.sql("select action from comparison_warning_event where warning_id = :id order by seq")
                .param("id", warningId)
                .query(String.class)
                .list();
        assertThat(events).containsExactly("RAISE", "TAKE", "CONFIRM", "FILE", "CLOSE");
    }

    @Test
    void exclusionNeedsAReasonAndIllegalChangesNameTheState() {
        String no = raise(east, Samples.citizenId(1950));
        var missing = clerk.api("POST", api(no, "exclude"), "{}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body()).contains("reason");
        var badConfirm = clerk.api("POST", api(no, "confirm"), "{\"paymentAction\":\"PAUSE\",\"amountToRecover\":-5}");
        assertThat(badConfirm.status()).isEqualTo(422);
        assertThat(badConfirm.body()).contains("paymentAction", "amountToRecover", "finding");
        var typed = clerk.post(
                "/comparison/warnings/" + no + "/confirm",
                java.util.Map.of("paymentAction", "STOP", "amountToRecover", "十二元", "finding", "核实中的结论"));
        assertThat(typed.status()).isEqualTo(422);
        assertThat(typed.body()).contains("核实中的结论", "amountToRecover-error");
        var early = approver.api("POST", api(no, "close"), null);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("核查中");
        assertThat(json(clerk.api("GET", api(no, ""), null))
                        .path("warning")
                        .path("state")
                        .asString())
                .isEqualTo("CHECKING");

        var excluded = clerk.api("POST", api(no, "exclude"), "{\"reason\":\"同名同生日，身份号码不同，非同一人\"}");
        assertThat(excluded.status()).isEqualTo(200);
        assertThat(json(excluded).path("state").asString()).isEqualTo("EXCLUDED");
        assertThat(jdbc.sql(
                                "select count(*) from payment_instruction p join comparison_warning w on w.id = p.warning_id"
                                        + " where w.warning_no = :n")
                        .param("n", no)
                        .query(Long.class)
                        .single())
                .isZero();
        var again = clerk.api(
                "POST", api(no, "confirm"), "{\"paymentAction\":\"STOP\",\"amountToRecover\":0,\"finding\":\"再次确认\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("已排除");
        var form = clerk.post("/comparison/warnings/" + no + "/confirm", java.util.Map.of("paymentAction", "STOP"));
        assertThat(form.status()).isEqualTo(409);
        assertThat(approver.api("POST", api(no, "close"), null).status()).isEqualTo(200);
        var closedAgain = approver.api("POST", api(no, "close"), null);
        assertThat(closedAgain.status()).isEqualTo(409);
        assertThat(closedAgain.body()).contains("已结案");
        assertThat(audit.forObject(AuditedObject.WARNING, no))
                .extracting(AuditTrail.Entry::operation)
                .contains(AuditOperation.EXCLUDE.name(), AuditOperation.CLOSE.name());
    }

    @Test
    void aConfirmedWarningClosesOnlyWithItsEvidenceAndACrashIsHealed() {
        String no = raise(east, Samples.citizenId(1952));
        var access = new Access(
                new Actor(clerkName, "127.0.0.1", "test"),
                new Scope(east.path(), null, 3),
                Set.of(WarningAccessRules.HANDLE, WarningAccessRules.CLOSE));
        var confirmed = actions.confirm(no, "SUSPEND", new BigDecimal("0"), "暂停发放待核实", access);
        var item = confirmed.evidenceItemId();
        assertThat(item).isNotNull();
        // a crash between the capture and the row update: the item exists, the row does not know it
        jdbc.sql("update comparison_warning set evidence_item_id = null where warning_no = :n")
                .param("n", no)
                .update();
        assertThat(actions.file(no, access)).isEqualTo(item);
        assertThat(actions.close(no, access).state()).isEqualTo(WarningState.CLOSED);
        assertThatThrownBy(() -> actions.close(no, access)).isInstanceOf(ConflictException.class);
    }

    @Test
    void routingStaysInTheSubtreeAndOverdueWarningsAreRemindedOncePerDay() {
        String no = raise(east, Samples.citizenId(1955));
        var outside = clerk.api("POST", api(no, "assign"), "{\"orgId\":" + west.id() + "}");
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.body()).contains("orgId");
        var routed = clerk.api("POST", api(no, "assign"), "{\"orgId\":" + eastTown.id() + "}");
        assertThat(routed.status()).isEqualTo(200);
        assertThat(json(routed).path("orgId").asLong()).isEqualTo(eastTown.id());
        assertThat(json(routed).path("dueOn").asString())
                .isEqualTo(workingDays.plus(time.today(), 15).toString());

        jdbc.sql("update comparison_warning set due_on = :d where warning_no = :n")
                .param("d", LocalDate.of(2025, 3, 3))
                .param("n", no)
                .update();
        var day = LocalDate.of(2025, 3, 10);
        assertThat(reminders.remind(day)).isGreaterThanOrEqualTo(1);
        reminders.remind(day);
        long reminded = jdbc.sql(
                        """
                select count(*) from comparison_warning_event e join comparison_warning w on w.id = e.warning_id
                where w.warning_no = :n and e.action = 'REMIND'""")
                .param("n", no)
                .query(Long.class)
                .single();
        assertThat(reminded).isEqualTo(1);
        assertThat(audit.forObject(AuditedObject.WARNING, no))
                .extracting(AuditTrail.Entry::operation)
                .contains(AuditOperation.REMIND.name());
        var overdue = json(clerk.api("GET", "/api/v1/comparison/warnings?overdue=true&size=100", null));
        assertThat(overdue.path("items").toString()).contains(no);
        assertThat(clerk.get("/comparison/warnings/" + no).body()).contains("warning-overdue");
    }

    @Test
    void anotherUnitsClerkGets404AndAReader403() {
        String cert = Samples.citizenId(1958);
        String no = raise(east, cert);
        assertThat(westClerk.get("/comparison/warnings/" + no).status()).isEqualTo(404);
        assertThat(westClerk.api("GET", api(no, ""), null).status()).isEqualTo(404);
        assertThat(westClerk
                        .api("POST", api(no, "exclude"), "{\"reason\":\"不是本单位的\"}")
                        .status())
                .isEqualTo(404);
        assertThat(westClerk.get("/comparison/warnings").body()).doesNotContain(no);
        assertThat(json(westClerk.api("GET", "/api/v1/comparison/warnings?size=100", null))
                        .path("items")
                        .toString())
                .doesNotContain(no);
        assertThat(reader.get("/comparison/warnings/" + no).status()).isEqualTo(403);
        assertThat(reader.api("GET", api(no, ""), null).status()).isEqualTo(403);
        assertThat(reader.get("/comparison/warnings").body()).doesNotContain(no);
        assertThat(json(clerk.api("GET", api(no, ""), null))
                        .path("warning")
                        .path("state")
                        .asString())
                .isEqualTo("CHECKING");
        var unmask = clerk.api("POST", api(no, "unmask"), "{\"reason\":\"核查需要\"}");
        assertThat(unmask.status()).isEqualTo(403);
        assertThat(approver.api("POST", api(no, "unmask"), "{}").status()).isEqualTo(422);
        var clear = approver.api("POST", api(no, "unmask"), "{\"reason\":\"核对死亡证明\"}");
        assertThat(clear.status()).isEqualTo(200);
        assertThat(json(clear).path("idNumber").asString()).isEqualTo(cert);
        assertThat(audit.forObject(AuditedObject.WARNING, no))
                .extracting(AuditTrail.Entry::operation)
                .contains(AuditOperation.UNMASK.name());
    }
}
