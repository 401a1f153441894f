package org.siarchive.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.certificates.Certificates;
import org.siarchive.comparison.ComparisonRuns;
import org.siarchive.demo.DemoComparisonData;
import org.siarchive.demo.DemoLoader;
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
import org.siarchive.support.labels.AsciiWords;
import org.siarchive.support.labels.ConsoleCrawler;
import org.siarchive.support.labels.DocumentText;
import org.siarchive.support.labels.VisibleText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * THE LABEL TEST (issue 14, docs/adr/0056). On demo data, every console page each role reaches from the
 * home page is read in zh-CN, and so are the documents those pages offer (certificate PDF and OFD, 四性
 * reports, register PDFs, the header rows of every Excel export): any ASCII word that is not a proper
 * name, 档号, number or unit (labels/allowed-ascii.txt) fails the test, named with its page and role.
 */
class ConsoleLabelsIT extends IntegrationTest {

    private static final Set<Role> ROLES = EnumSet.of(
            Role.ARCHIVIST, Role.CLERK, Role.READER, Role.APPROVER, Role.SYSADMIN, Role.SECADMIN, Role.AUDITOR);
    private static final int MAX_PAGES = 150;
    private static final int MAX_DEPTH = 4;
    private static final int MAX_DOWNLOADS = 12;
    private static final Map<Role, TestAccounts.Login> LOGINS = new LinkedHashMap<>();
    private static String certificateCode = "";

    @LocalServerPort
    int port;

    @Autowired
    DemoLoader demo;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    Certificates certificates;

    @Autowired
    Captures captures;

    @Autowired
    DemoComparisonData comparisonData;

    @Autowired
    ComparisonRuns runs;

    @Autowired
    JdbcClient jdbc;

    private final AsciiWords words = AsciiWords.fromAllowList();

    @BeforeEach
    void demoDataAndOneAccountPerRole() {
        if (!LOGINS.isEmpty()) {
            return;
        }
        demo.load(4, 14L);
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        long root = organisations.root().id();
        for (Role role : ROLES) {
            LOGINS.put(
                    role,
                    TestAccounts.create(
                            accounts,
                            "lab" + role.name().toLowerCase() + run,
                            root,
                            Set.of(role),
                            3,
                            role.requiresSecondFactor()));
        }
        String cert = Samples.citizenId(1971);
        captures.capture(
                Samples.personEnrolment(Samples.acceptanceNo(), cert, "欧阳明"),
                List.of(Upload.ofBytes("a.png", Samples.png(1414)), Upload.ofBytes("b.pdf", Samples.pdf("label"))),
                null,
                Actor.SYSTEM);
        certificateCode = certificates.issue(cert, "PDF", "办理退休", Access.SYSTEM).code();
        certificates.issue(cert, "OFD", "转移接续", Access.SYSTEM);
        // a 四性 run and a fixity sweep, so their pages and reports exist
        var archivist = session(Role.ARCHIVIST);
        archivist.get("/checks");
        archivist.post("/checks/runs", Map.of("archiveCodes", ""));
        archivist.get("/integrity");
        archivist.post("/integrity/sweeps", Map.of());
        comparisonWithWarnings(run);
    }

    /** A unit's benefit snapshot and death list, compared: datasets, a run and 死亡冒领 warnings to read (issue 17). */
    private void comparisonWithWarnings(String run) {
        var unit = organisations.create(
                organisations.root().id(), "LB" + run, "标签测试区社会保险事业管理中心" + run, "COUNTY", Actor.SYSTEM);
        String archivist = LOGINS.get(Role.ARCHIVIST).username();
        var imported = comparisonData.load(30, 14L, unit, ReadableTime.beijing().today(), archivist);
        for (int i = 0; i < 600; i++) {
            long receiving = jdbc.sql(
                            "select count(*) from reference_dataset where id in (:ids) and state = 'RECEIVING'")
                    .param("ids", List.of(imported.benefits(), imported.deaths()))
                    .query(Long.class)
                    .single();
            if (receiving == 0) {
                break;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        var access = new Access(
                new Actor(archivist, unit.code(), "127.0.0.1", "label test"),
                new org.siarchive.shared.Scope(unit.path(), null, 3),
                Set.of());
        var done = runs.run(new ComparisonRuns.StartRequest(unit.id(), null, null), access, "MANUAL");
        assertThat(done.newWarnings()).as("warnings raised for the label test").isPositive();
    }

    @Test
    void everyPageEveryRoleReadsIsChinese() {
        var offences = new ArrayList<AsciiWords.Offence>();
        var read = new LinkedHashMap<String, Integer>();
        for (Role role : ROLES) {
            var session = session(role);
            var result = new ConsoleCrawler(session, MAX_PAGES, MAX_DEPTH)
                    .crawl(List.of("/", "/account", "/no-such-page-14", "/verify/" + certificateCode));
            offences.addAll(pages(role.name().toLowerCase(), result));
            offences.addAll(documents(role.name().toLowerCase(), session, result.downloads()));
            read.put(role.name().toLowerCase(), result.pages().size());
        }
        var anonymous = new ConsoleSession(port);
        var result = new ConsoleCrawler(anonymous, MAX_PAGES, MAX_DEPTH)
                .crawl(List.of("/login", "/verify", "/verify/" + certificateCode, "/verify/NOSUCHCODE0000"));
        offences.addAll(pages("anonymous", result));
        read.put("anonymous", result.pages().size());

        assertThat(read.get("archivist")).as("pages the archivist reached").isGreaterThan(15);
        assertThat(read.get("anonymous")).as("pages anonymous reached").isGreaterThanOrEqualTo(3);
        assertThat(offences)
                .as("ASCII words people read, by role and page (pages read: %s):%n%s", read, report(offences))
                .isEmpty();
    }

    @Test
    void theCertificatesReadChineseInPdfAndOfd() throws Exception {
        var c = certificates.byCode(certificateCode).orElseThrow();
        var offences = new ArrayList<AsciiWords.Offence>();
        offences.addAll(words.check(
                "certificate PDF",
                "/certificates/" + c.id() + "/file",
                DocumentText.pdf(certificates.document(c.id(), Access.SYSTEM))));
        var ofd = certificates.recent(10, Access.SYSTEM).stream()
                .filter(x -> x.format().equals("OFD"))
                .findFirst()
                .orElseThrow();
        var ofdText = DocumentText.ofd(certificates.document(ofd.id(), Access.SYSTEM));
        assertThat(ofdText).as("the OFD's text").anyMatch(t -> t.contains("证明"));
        offences.addAll(words.check("certificate OFD", "/certificates/" + ofd.id() + "/file", ofdText));
        assertThat(offences).as(report(offences)).isEmpty();
    }

    private List<AsciiWords.Offence> pages(String role, ConsoleCrawler.Result result) {
        var out = new ArrayList<AsciiWords.Offence>();
        for (var page : result.pages()) {
            if (page.status() >= 500) {
                out.add(new AsciiWords.Offence(role, page.path(), "HTTP " + page.status(), "server error"));
            }
            out.addAll(words.check(role, page.path(), VisibleText.of(page.html())));
        }
        return out;
    }

    /** Each kind of download once: PDFs by their text, OFD by its text codes, workbooks by their headers. */
    private List<AsciiWords.Offence> documents(String role, ConsoleSession session, Set<String> downloads) {
        var out = new ArrayList<AsciiWords.Offence>();
        var shapes = new HashSet<String>();
        int n = 0;
        for (String path : downloads) {
            String shape = path.replaceAll("/[0-9a-f-]{1,36}(?=/|$|\\?)", "/#").replaceAll("=[^&]*", "=");
            if (!shapes.add(shape) || n++ >= MAX_DOWNLOADS) {
                continue;
            }
            var r = session.bytes(path);
            String type = r.headers().firstValue("Content-Type").orElse("");
            try {
                if (r.statusCode() != 200) {
                    continue;
                }
                if (type.startsWith("application/pdf")) {
                    out.addAll(words.check(role + " (PDF)", path, DocumentText.pdf(r.body())));
                } else if (type.contains("spreadsheetml")) {
                    out.addAll(words.check(role + " (Excel)", path, DocumentText.xlsxHeaders(r.body())));
                } else if (type.contains("ofd")) {
                    out.addAll(words.check(role + " (OFD)", path, DocumentText.ofd(r.body())));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(path, e);
            }
        }
        return out;
    }

    private ConsoleSession session(Role role) {
        var login = LOGINS.get(role);
        var s = new ConsoleSession(port);
        String landed = s.login(login.username(), login.password(), login.codes());
        assertThat(landed).as(role + " logged in").isIn("/", "/account");
        return s;
    }

    /** One line per page and role, its words counted, so a failure reads as a to-do list. */
    static String report(List<AsciiWords.Offence> offences) {
        return offences.stream()
                .collect(Collectors.groupingBy(
                        o -> o.where() + " " + o.path().replaceAll("\\?.*", ""),
                        java.util.TreeMap::new,
                        Collectors.mapping(
                                o -> o.word() + " «" + o.context() + "»",
                                Collectors.toCollection(java.util.LinkedHashSet::new))))
                .entrySet()
                .stream()
                .map(e -> e.getKey() + ": " + String.join(" | ", e.getValue()))
                .collect(Collectors.joining("\n"));
    }
}
