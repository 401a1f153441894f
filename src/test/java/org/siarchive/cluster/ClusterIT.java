package org.siarchive.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.siarchive.SiArchiveApplication;
import org.siarchive.audit.AuditChain;
import org.siarchive.support.ApiClient;
import org.siarchive.support.ApiClient.FilePart;
import org.siarchive.support.ChildJvm;
import org.siarchive.support.Samples;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 21's cluster, in this JVM and one child: two application nodes (two contexts on two ports) on one PostgreSQL
 * reached by URL, one S3 server holding the preservation store and a SolrCloud of two Solr nodes. Captures through
 * both nodes at once get gap-free 档号 and one audit chain that verifies; a search on node B finds what node A
 * captured; a scheduled sweep due on both nodes runs once; and a third node, a child JVM, killed in the middle of a
 * capture (its version in S3, the catalogue not yet told) has that capture finished by node B once it is gone.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private ClusterParts parts;
    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;
    private JdbcClient db;
    private final List<String> acknowledged = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        Path dir = Files.createTempDirectory("siarchive-cluster-");
        parts = new ClusterParts(dir);
        db = JdbcClient.create(parts.pg.getPostgresDatabase());
        a = node("node-a");
        b = node("node-b");
    }

    private ConfigurableApplicationContext node(String id) {
        // as arguments, not default properties: those rank below application.yml
        return new SpringApplicationBuilder(SiArchiveApplication.class)
                .run(parts.node(id).entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext c) {
        return ((WebServerApplicationContext) c).getWebServer().getPort();
    }

    private ApiClient api(ConfigurableApplicationContext c) {
        return api(port(c));
    }

    @AfterAll
    void stop() throws Exception {
        for (var c : new ConfigurableApplicationContext[] {a, b}) {
            if (c != null) {
                c.close();
            }
        }
        if (parts != null) {
            parts.close();
        }
    }

    @Test
    @Order(1)
    void concurrentCapturesThroughBothNodesGetGapFreeArchiveCodesAndOneChain() throws Exception {
        var failures = new ConcurrentLinkedQueue<String>();
        var pool = Executors.newFixedThreadPool(4);
        for (var node : List.of(a, b, a, b)) {
            var api = api(node);
            pool.submit(() -> {
                for (int i = 0; i < 6; i++) {
                    String no = Samples.acceptanceNo();
                    var r = capture(api, no, "集群" + i);
                    if (r.status() == 201) {
                        synchronized (acknowledged) {
                            acknowledged.add(no);
                        }
                    } else {
                        failures.add(r.status() + " " + new String(r.body()));
                    }
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).isTrue();

        assertThat(failures).isEmpty();
        assertThat(acknowledged).hasSize(24);
        assertArchiveCodesGapFree();
        assertThat(a.getBean(AuditChain.class).verify().intact()).isTrue();
        assertThat(db.sql("select count(distinct receiving_node) from item")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    @Order(2)
    void aSearchOnNodeBFindsWhatNodeACaptured() {
        String name = "欧阳集群";
        var r = capture(api(a), Samples.acceptanceNo(), name);
        assertThat(r.status()).isEqualTo(201);
        String id = r.json().get("id").asString();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var hits = api(b).get("/api/v1/search?name=" + java.net.URLEncoder.encode(name, "UTF-8"));
            assertThat(hits.status()).isEqualTo(200);
            var ids = new ArrayList<String>();
            hits.json().get("content").forEach(h -> ids.add(h.get("itemId").asString()));
            assertThat(ids).contains(id);
        });
    }

    @Test
    @Order(3)
    void aScheduledSweepDueOnBothNodesRunsOnce() {
        // the weekly schedule last ran eight days ago: both nodes find a sweep due at their next check (every second)
        db.sql("insert into fixity_sweep (status, rate_mb_s, items_total, items_done, started_by, started_at,"
                        + " finished_at) values ('DONE', 0, 0, 0, 'fixity-schedule', now() - interval '8 days',"
                        + " now() - interval '8 days')")
                .update();
        long planted =
                db.sql("select max(id) from fixity_sweep").query(Long.class).single();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                        db.sql("select count(*) from fixity_sweep where id > :p and status = 'DONE'")
                                .param("p", planted)
                                .query(Long.class)
                                .single())
                .isEqualTo(1));
        sleep(Duration.ofSeconds(4)); // several more checks on each node: nothing else may start
        var sweeps = db.sql("select items_total, items_done, findings from fixity_sweep where id > :p")
                .param("p", planted)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .list();
        assertThat(sweeps).hasSize(1);
        assertThat(sweeps.get(0)[0]).isEqualTo(sweeps.get(0)[1]).isGreaterThanOrEqualTo(25);
        assertThat(sweeps.get(0)[2]).isZero();
        var operations = db.sql("select operation from audit_entry where object_type = 'FIXITY_SWEEP'"
                        + " and object_id in (select id::text from fixity_sweep where id > :p)")
                .param("p", planted)
                .query(String.class)
                .list();
        assertThat(operations)
                .as("the sweep's audit entries, none twice")
                .isNotEmpty()
                .doesNotHaveDuplicates();
    }

    @Test
    @Order(4)
    void aNodeKilledMidCaptureHasItFinishedByAnother() throws Exception {
        var c = KilledNode.start(parts, "node-c", "after-store");
        String no = Samples.acceptanceNo();
        var inFlight = Executors.newSingleThreadExecutor();
        try {
            var api = api(c.port());
            inFlight.submit(() -> capture(api, no, "断电节点"));
            c.awaitCrashPoint(Duration.ofSeconds(120)); // its version is in S3; the catalogue was not told
            assertThat(status(no)).isEqualTo("RECEIVING");
            c.kill();
        } finally {
            inFlight.shutdownNow();
            c.kill();
        }

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(status(no)).isEqualTo("PRESERVED"));
        assertThat(db.sql("select left_at is not null from cluster_node where node_id = 'node-c'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertArchiveCodesGapFree();
        assertThat(b.getBean(AuditChain.class).verify().intact()).isTrue();
        var id = db.sql("select id::text from item where acceptance_no = :n")
                .param("n", no)
                .query(String.class)
                .single();
        assertThat(api(a).get("/api/v1/items/" + id + "/files/1").status()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void aConsoleSessionOutlivesTheNodeThatStartedIt() {
        var accounts = a.getBean(org.siarchive.security.Accounts.class);
        var root = a.getBean(org.siarchive.organisation.Organisations.class).root();
        var login = org.siarchive.security.TestAccounts.create(
                accounts,
                "clusterclerk",
                root.id(),
                java.util.Set.of(org.siarchive.security.Role.CLERK),
                1,
                org.siarchive.security.Role.CLERK.requiresSecondFactor());
        var onA = new org.siarchive.support.ConsoleSession(port(a));
        assertThat(onA.login(login.username(), login.password(), login.codes())).isEqualTo("/");
        assertThat(db.sql("select count(*) from spring_session where principal_name = 'clusterclerk'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        int portB = port(b);
        a.close(); // node A dies with the session it started
        var home = onA.on(portB).get("/");
        assertThat(home.status()).as("the same session, served by node B").isEqualTo(200);
        assertThat(home.body())
                .contains(org.siarchive.security.TestAccounts.displayName("clusterclerk"))
                .doesNotContain("name=\"password\"");
    }

    private ApiClient api(int port) {
        return new ApiClient(port, parts.shared()); // the initial token the first node wrote, valid on every node
    }

    private static ApiClient.Response capture(ApiClient api, String acceptanceNo, String name) {
        long seed = acceptanceNo.hashCode();
        return api.capture(
                Samples.personEnrolment(acceptanceNo, Samples.citizenId(1975), name),
                List.of(
                        new FilePart("a.png", "image/png", Samples.png(seed)),
                        new FilePart("b.pdf", "application/pdf", Samples.pdf("cluster " + seed))),
                Map.of());
    }

    private String status(String acceptanceNo) {
        return db.sql("select status from item where acceptance_no = :n")
                .param("n", acceptanceNo)
                .query(String.class)
                .optional()
                .orElse("none");
    }

    /** Every class of 档号 numbers its items 1, 2, … n with no gap and no repeat. */
    private void assertArchiveCodesGapFree() {
        var classes = db.sql("select class_key, count(*), count(distinct item_no), min(item_no), max(item_no)"
                        + " from item group by class_key")
                .query((rs, n) -> new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)})
                .list();
        assertThat(classes).isNotEmpty();
        for (long[] c : classes) {
            assertThat(c[1]).as("distinct numbers").isEqualTo(c[0]);
            assertThat(c[2]).as("first number").isEqualTo(1);
            assertThat(c[3]).as("last number").isEqualTo(c[0]);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A node in a child JVM, with a crash point armed, to be killed with SIGKILL like a real server. */
    record KilledNode(Process process, int port, Path dataDir) {

        static KilledNode start(ClusterParts parts, String id, String crashAt) throws Exception {
            int port = org.siarchive.platform.LocalPorts.free();
            var cmd = new ArrayList<String>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(ChildJvm.javaOptions());
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add("org.siarchive.capture.CrashPoints");
            var settings = parts.node(id);
            settings.forEach((k, v) -> cmd.add("--" + k + "=" + (k.equals("server.port") ? port : v)));
            cmd.add("--siarchive.test.crash-at=" + crashAt);
            Path log = Path.of("target", "cluster-test", id + "-" + System.currentTimeMillis() + ".log");
            Files.createDirectories(log.getParent());
            var process = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            try {
                ChildJvm.awaitHealthy(process, port, ChildJvm.START_TIMEOUT);
            } catch (IllegalStateException e) {
                process.destroyForcibly();
                throw new IllegalStateException(e.getMessage() + "; last output:\n" + ChildJvm.tail(log, 80), e);
            }
            return new KilledNode(
                    process,
                    port,
                    parts.node(id).containsKey("siarchive.data-dir")
                            ? Path.of(parts.node(id).get("siarchive.data-dir"))
                            : Path.of("."));
        }

        void awaitCrashPoint(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!Files.exists(dataDir.resolve("crash-point-reached"))) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IllegalStateException("crash point not reached");
                }
                Thread.sleep(20);
            }
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
