package org.siarchive.continuation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.organisation.Organisations;
import org.siarchive.organisation.WorkingDays;
import org.siarchive.security.ApiTokens;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ReadableTime;
import org.siarchive.support.ApiClient;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.siarchive.support.SecondInstallation;
import org.siarchive.transfer.TransferPackages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * 转移接续 between two running installations in one test: the suite's application is agency A (new agency, 转入地),
 * agency B (old agency, 转出地) a second application context with its own database and store. They register each
 * other as peers (tokens, SM2 keys); A registers the 申请表, sends the 联系函 over HTTP, B answers with the 信息表 and
 * the person's archive as an EEP package, A receives it (YJ checks) into the person's file, completes and sends the
 * 回执, B closes; both sides archive the case documents. Then: overdue warnings, duplicate and tampered envelopes,
 * a tampered package refused naming the check, bad input, and another unit's case.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContinuationTwoInstancesIT extends IntegrationTest {

    static SecondInstallation b;
    static String cert;
    static String name = "接续甲";
    static String caseA;
    static String caseB;
    static List<UUID> itemsAtB = new ArrayList<>();

    @LocalServerPort
    int port;

    @Autowired
    ContinuationPeers peersA;

    @Autowired
    ContinuationDeadlines deadlinesA;

    @Autowired
    Catalog catalogA;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    ReadableTime time;

    @Autowired
    Organisations organisations;

    @Autowired
    ApiTokens tokens;

    @BeforeAll
    static void startAgencyB() {
        b = AgencyB.start();
    }

    @AfterAll
    static void stopAgencyB() {
        if (b != null) {
            b.close();
        }
    }

    ApiClient a() {
        return new ApiClient(port);
    }

    ApiClient atB() {
        return new ApiClient(b.port, b.dataDir);
    }

    @Test
    @Order(1)
    void agenciesRegisterEachOtherAndBHoldsThePersonsArchive() {
        String tokenA = ApiClient.initialToken();
        String tokenB = readToken();
        var certA = a().get("/api/v1/continuation/certificate").json();
        var certB = atB().get("/api/v1/continuation/certificate").json();
        assertThat(certB.path("regionCode").asString()).isEqualTo(AgencyB.REGION);
        assertThat(certA.path("keyId").asString())
                .isNotEqualTo(certB.path("keyId").asString());
        peersA.register(
                new ContinuationPeers.PeerForm(
                        AgencyB.REGION,
                        AgencyB.AGENCY,
                        "0512-12345678",
                        "苏州市",
                        "215000",
                        "http://127.0.0.1:" + b.port,
                        tokenB,
                        certB.path("pem").asString()),
                Actor.SYSTEM);
        b.bean(ContinuationPeers.class)
                .register(
                        new ContinuationPeers.PeerForm(
                                "000000",
                                "社会保险事业管理中心",
                                null,
                                null,
                                null,
                                "http://127.0.0.1:" + port,
                                tokenA,
                                certA.path("pem").asString()),
                        Actor.SYSTEM);
        cert = Samples.citizenId(1965);
        var captures = b.bean(Captures.class);
        for (int i = 0; i < 3; i++) {
            itemsAtB.add(captures.capture(
                            Samples.personEnrolment(
                                    AgencyB.FONDS, null, Samples.acceptanceNo(), cert, name, null, null),
                            List.of(
                                    Upload.ofBytes("a.png", Samples.png(17_500 + i)),
                                    Upload.ofBytes("b.pdf", Samples.pdf("continuation " + i))),
                            null,
                            Actor.SYSTEM)
                    .item()
                    .id());
        }
        assertThat(catalogA.findPerson(cert, Access.SYSTEM)).isEmpty();
    }

    private String readToken() {
        try {
            return java.nio.file.Files.readString(b.dataDir.resolve("initial-token"))
                    .strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @Order(2)
    void aRegistersTheApplicationAndSendsTheLetterToB() {
        long peerB = peersA.byRegion(AgencyB.REGION).orElseThrow().id();
        var r = a().postJson(
                        "/api/v1/continuation/cases",
                        Map.of(
                                "certNo",
                                cert,
                                "name",
                                name,
                                "scheme",
                                "110",
                                "peerId",
                                peerB,
                                "outsideHukou",
                                true,
                                "agentName",
                                "代办乙",
                                "agentPhone",
                                "13900001111",
                                "agentRelation",
                                "子女"));
        assertThat(r.status()).as(new String(r.body())).isEqualTo(201);
        var c = r.json();
        caseA = c.path("caseNo").asString();
        assertThat(caseA).startsWith("ZY000000");
        assertThat(c.path("state").asString()).isEqualTo("APPLIED");
        // born 1965, a man outside his 户籍地: the rule proposes a temporary account
        assertThat(c.path("kind").asString()).isEqualTo("TEMPORARY");
        assertThat(c.path("nameMasked").asString()).doesNotContain(name);
        assertThat(c.path("certMasked").asString()).isNotEqualTo(cert);
        assertThat(LocalDate.parse(c.path("dueOn").asString())).isEqualTo(workingDays.plus(time.today(), 15));

        var sent = a().postJson("/api/v1/continuation/cases/" + caseA + "/letter", Map.of());
        assertThat(sent.status()).as(new String(sent.body())).isEqualTo(200);
        assertThat(sent.json().path("state").asString()).isEqualTo("LETTER_SENT");

        var atB = atB().get("/api/v1/continuation/cases?direction=OUT").json();
        JsonNode outCase = null;
        for (JsonNode n : atB) {
            if (caseA.equals(n.path("remoteCaseNo").asString())) {
                outCase = n;
            }
        }
        assertThat(outCase).isNotNull();
        caseB = outCase.path("caseNo").asString();
        assertThat(caseB).startsWith("ZY" + AgencyB.REGION);
        assertThat(outCase.path("state").asString()).isEqualTo("LETTER_RECEIVED");
        assertThat(outCase.path("kind").asString()).isEqualTo("TEMPORARY");
    }

    @Test
    @Order(3)
    void bAnswersWithTheInfoAndTheArchiveAndAReceivesItIntoThePersonsFile() {
        var r = atB().postJson(
                        "/api/v1/continuation/cases/" + caseB + "/info",
                        Map.of(
                                "contributionYears",
                                21,
                                "contributionMonths",
                                4,
                                "individualAccount",
                                "86543.21",
                                "pooledFund",
                                "120000.00",
                                "transferTotal",
                                "206543.21"));
        assertThat(r.status()).as(new String(r.body())).isEqualTo(200);
        assertThat(r.json().path("state").asString()).isEqualTo("INFO_SENT");

        var c = a().get("/api/v1/continuation/cases/" + caseA).json();
        assertThat(c.path("case").path("state").asString()).isEqualTo("INFO_RECEIVED");
        assertThat(c.path("case").path("remoteCaseNo").asString()).isEqualTo(caseB);
        assertThat(new BigDecimal(c.path("case").path("individualAccount").asString()))
                .isEqualByComparingTo("86543.21");
        var personId = catalogA.findPerson(cert, Access.SYSTEM).orElseThrow();
        var file = catalogA.personFile(personId, Access.SYSTEM);
        assertThat(file.items()).hasSize(3);
    }

    @Test
    @Order(4)
    void aCompletesAndBClosesBothArchiveTheDocuments() {
        var r = a().postJson("/api/v1/continuation/cases/" + caseA + "/completion", Map.of());
        assertThat(r.status()).as(new String(r.body())).isEqualTo(200);
        assertThat(r.json().path("state").asString()).isEqualTo("COMPLETED");
        var itemA = UUID.fromString(r.json().path("archivedItemId").asString());
        var recordA = catalogA.requireItem(itemA);
        assertThat(recordA.stepCode()).isEqualTo("ZYJXZR");

        var atB = atB().get("/api/v1/continuation/cases/" + caseB).json().path("case");
        assertThat(atB.path("state").asString()).isEqualTo("CLOSED");
        var itemB = UUID.fromString(atB.path("archivedItemId").asString());
        assertThat(b.bean(Catalog.class).requireItem(itemB).stepCode()).isEqualTo("ZYJXZC");
        // the person's file at A now holds the received records and the case documents
        var personId = catalogA.findPerson(cert, Access.SYSTEM).orElseThrow();
        assertThat(catalogA.personFile(personId, Access.SYSTEM).items()).hasSize(4);
        var steps = a().get("/api/v1/continuation/cases/" + caseA).json().path("steps");
        assertThat(steps.findValuesAsString("step"))
                .containsExactly("APPLY", "SEND_LETTER", "RECEIVE_INFO", "COMPLETE");
    }

    @Test
    @Order(5)
    void aSecondDeliveryOfTheSameEnvelopeAnswersTheFirstResultAndTamperedOnesAreRefused() throws Exception {
        var messages = a().get("/api/v1/continuation/cases/" + caseA).json().path("messages");
        long letterId = -1;
        for (JsonNode m : messages) {
            if (m.path("kind").asString().equals("LETTER")) {
                letterId = m.path("id").asLong();
            }
        }
        var envelope = a().get("/api/v1/continuation/cases/" + caseA + "/messages/" + letterId)
                .body();
        var toB = atB();
        var again = toB.multipart("/api/v1/continuation/messages", Map.of(), "envelope", "letter.zip", envelope);
        assertThat(again.status()).as(new String(again.body())).isEqualTo(200);
        assertThat(again.json().path("duplicate").asBoolean()).isTrue();
        assertThat(again.json().path("caseNo").asString()).isEqualTo(caseB);

        byte[] tampered = replaceEntry(envelope, "message.json", s -> s.replace(name, "接续丙"));
        var bad = toB.multipart("/api/v1/continuation/messages", Map.of(), "envelope", "letter.zip", tampered);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(new String(bad.body())).contains("badSignature");

        byte[] stranger = replaceEntry(envelope, "message.json", s -> s.replace("\"000000\"", "\"990000\""));
        var unknown = toB.multipart("/api/v1/continuation/messages", Map.of(), "envelope", "letter.zip", stranger);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(new String(unknown.body())).contains("unknownSender");

        var noToken = atB().withToken("sia_nothing")
                .multipart("/api/v1/continuation/messages", Map.of(), "envelope", "letter.zip", envelope);
        assertThat(noToken.status()).isEqualTo(401);
    }

    @Test
    @Order(6)
    void aPackageFailingYjIsRefusedNamingTheCheckAndTheRecord() throws Exception {
        long peerB = peersA.byRegion(AgencyB.REGION).orElseThrow().id();
        var r = a().postJson(
                        "/api/v1/continuation/cases",
                        Map.of("certNo", cert, "name", name, "scheme", "110", "peerId", peerB, "kind", "TRANSFER"));
        String case2 = r.json().path("caseNo").asString();
        assertThat(a().postJson("/api/v1/continuation/cases/" + case2 + "/letter", Map.of())
                        .status())
                .isEqualTo(200);
        String case2B = null;
        for (JsonNode n :
                atB().get("/api/v1/continuation/cases?state=LETTER_RECEIVED").json()) {
            if (case2.equals(n.path("remoteCaseNo").asString())) {
                case2B = n.path("caseNo").asString();
            }
        }
        assertThat(case2B).isNotNull();
        var exported = b.bean(TransferPackages.class).export(itemsAtB, TransferPackages.Format.EEP, Access.SYSTEM);
        byte[] pkg = java.nio.file.Files.readAllBytes(exported.file());
        byte[] broken = replaceEntry(pkg, "eep/0001.xml", s -> s.replace(name + "参保登记", "篡改后的题名"));
        var m = new Envelope.Message(
                "INFO",
                UUID.randomUUID().toString(),
                time.now().toOffsetDateTime().toString(),
                new Envelope.Agency(AgencyB.REGION, AgencyB.AGENCY),
                new Envelope.Agency("000000", "社会保险事业管理中心"),
                case2B,
                case2,
                cert,
                name,
                "110",
                "TRANSFER",
                new Envelope.Info(1, 0, BigDecimal.ONE, BigDecimal.ONE, null),
                Envelope.sm3(broken),
                null);
        byte[] envelope = Envelope.seal(m, b.bean(TransferPackages.class).platformKey(), broken);
        var toA = a();
        var refused = toA.multipart("/api/v1/continuation/messages", Map.of(), "envelope", "info.zip", envelope);
        assertThat(refused.status()).as(new String(refused.body())).isEqualTo(422);
        assertThat(new String(refused.body())).contains("YJ").contains("0001");
        assertThat(a().get("/api/v1/continuation/cases/" + case2)
                        .json()
                        .path("case")
                        .path("state")
                        .asString())
                .isEqualTo("LETTER_SENT");
        // the same envelope again: the earlier refusal
        var again = toA.multipart("/api/v1/continuation/messages", Map.of(), "envelope", "info.zip", envelope);
        assertThat(again.status()).isEqualTo(422);
        assertThat(new String(again.body())).contains("alreadyRefused");

        // its deadline passes: one overdue warning per deadline, and the worklist shows it first
        LocalDate due = LocalDate.parse(a().get("/api/v1/continuation/cases/" + case2)
                .json()
                .path("case")
                .path("dueOn")
                .asString());
        assertThat(deadlinesA.run(due)).doesNotContain(case2);
        assertThat(deadlinesA.run(due.plusDays(1))).contains(case2);
        assertThat(deadlinesA.run(due.plusDays(2))).doesNotContain(case2);
        var page = a().get("/api/v1/continuation/cases/" + case2).json();
        assertThat(page.path("case").path("overdueNoted").asString()).isEqualTo(due.toString());
        assertThat(page.path("steps").findValuesAsString("step")).contains("OVERDUE");
    }

    @Test
    @Order(7)
    void badInputAndOtherUnitsCases() {
        var empty = a().postJson("/api/v1/continuation/cases", Map.of());
        assertThat(empty.status()).isEqualTo(422);
        assertThat(new String(empty.body()))
                .contains("certNo")
                .contains("name")
                .contains("scheme")
                .contains("peerAgency");
        var badId = a().postJson(
                        "/api/v1/continuation/cases",
                        Map.of("certNo", "110101199001011234X", "name", "某", "scheme", "110", "peerAgency", "某地社保中心"));
        assertThat(badId.status()).isEqualTo(422);
        var unknownPeer = a().postJson(
                        "/api/v1/continuation/cases",
                        Map.of("certNo", Samples.citizenId(1980), "name", "某", "scheme", "110", "peerId", 987654321));
        assertThat(unknownPeer.status()).isEqualTo(422);
        assertThat(new String(unknownPeer.body())).contains("unknownPeer");
        var badInfo = atB().postJson("/api/v1/continuation/cases/" + caseB + "/info", Map.of("contributionYears", -1));
        assertThat(badInfo.status()).isIn(409, 422);

        var unit = organisations.create(
                organisations.root().id(),
                "ZYX" + UUID.randomUUID().toString().substring(0, 4),
                "接续测试区",
                "COUNTY",
                Actor.SYSTEM);
        var issued =
                tokens.issue("continuation-other", unit.id(), Set.of("continuation:case"), 1, null, 1, Actor.SYSTEM);
        var other = a().withToken(issued.token());
        assertThat(other.get("/api/v1/continuation/cases/" + caseA).status()).isEqualTo(404);
        assertThat(other.postJson("/api/v1/continuation/cases/" + caseA + "/refusal", Map.of("reason", "不在本区"))
                        .status())
                .isEqualTo(404);
        assertThat(other.get("/api/v1/continuation/cases").json()).isEmpty();
    }

    static byte[] replaceEntry(byte[] zip, String entry, java.util.function.UnaryOperator<String> change)
            throws Exception {
        var out = new ByteArrayOutputStream();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip));
                var z = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals(entry)) {
                    bytes = change.apply(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(bytes);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
