package org.siarchive.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemClusteringRuns;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Actor;
import org.siarchive.support.ApiClient;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 一人一档 and 一企一档 under load (issue 20, item 4). P persons ({@code -Dbench.persons}, default 20,000) with K items
 * each ({@code -Dbench.items}, default 50: 1 M items) and P/2 employers are COPied into the catalogue, each person's
 * items scattered over the table. Then, over HTTP with the initial API token, C closed-loop clients
 * ({@code -Dbench.clients}, default 8) each ask for a random person's file by ID number ({@code POST
 * /api/v1/persons/lookup}) for a warm-up and then {@code -Dbench.seconds} (default 20); the same for employer files
 * ({@code GET /api/v1/employers/{code}/items}). Every answer must be 200 with the person's items, and every view must
 * have left its committed access entry in the audit trail (counted after the run).
 *
 * <p>References measured in the same run: the same three queries (blind index → person id, the file's items in scope
 * by business time, the person) through raw JDBC, 1 and C threads; and a bare durable insert + commit, 1 and C
 * threads. With {@code -Dbench.cluster=true} (the default) the platform's clustering job (docs/adr/0124) then rewrites
 * the item table in person order and the JDBC reference and the person file are measured again. Prints everything with the JVM's peak heap and writes
 * target/bench/person-file.txt. Run with {@code -Dextra.jvm.args=-Xmx1g}. Goal: ≥ 500 req/s and p95 ≤ 50 ms with 8
 * clients.
 */
@Tag("bench")
class PersonFileBenchmark extends IntegrationTest {

    private static final int PERSONS = Integer.getInteger("bench.persons", 20_000);
    private static final int ITEMS = Integer.getInteger("bench.items", 50);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    private static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "20"));
    private static final double WARM_UP = Double.parseDouble(System.getProperty("bench.warmup", "5"));
    private static final boolean PROFILE = Boolean.getBoolean("bench.profile");
    private static final boolean CLUSTER = Boolean.parseBoolean(System.getProperty("bench.cluster", "true"));

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FieldCipher cipher;

    @Autowired
    Organisations organisations;

    @Autowired
    Catalog catalog;

    @Autowired
    org.springframework.context.ApplicationContext context;

    private final StringBuilder out = new StringBuilder();

    @Test
    void personAndEmployerFilesUnderLoad() throws Exception {
        try (var heap = PeakHeap.watch()) {
            line("load average at start: %s", loadAverage());
            line("HTTP client of the load generator: %s (-Dbench.http=apache|jdk)", LoadClients.describe());
            String run = Long.toString(System.nanoTime() % 50);
            catalog.ensureFonds(
                    "PF" + run, "基准全宗" + run, "基准社保中心", organisations.root().id(), Actor.SYSTEM);
            long fondsId = jdbc.sql("select id from fonds where code = :c")
                    .param("c", "PF" + run)
                    .query(Long.class)
                    .single();
            long t0 = System.nanoTime();
            var planted = new PartyFilePlant(dataSource, jdbc, cipher).plant(run, fondsId, PERSONS, ITEMS);
            line(
                    "load: %,d persons, %,d employers, %,d items by COPY in %.1f s",
                    PERSONS, planted.creditCodes().length, PERSONS * ITEMS, (System.nanoTime() - t0) / 1e9);
            measureAll(planted, "scattered");
            if (CLUSTER) {
                // the platform's own off-peak job (docs/adr/0124): CLUSTER item USING item_person_idx, ANALYZE, audited
                line("clustering job (CLUSTER item USING item_person_idx): %s", ItemClusteringRuns.runNow(context));
                line(ClosedLoop.Result.header());
                var reference = new PersonFileReference(dataSource, cipher);
                withCpu("limit", () -> reference.queries(planted, CLIENTS, SECONDS / 2));
                withCpu(GOAL, () -> personFiles(planted));
            }
            line("load average at end: %s", loadAverage());
            line(heap.line());
        }
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/person-file.txt"), out.toString());
    }

    private void measureAll(PartyFilePlant.Planted planted, String layout) throws Exception {
        line("items %s over the table:", layout);
        line(ClosedLoop.Result.header());
        var reference = new PersonFileReference(dataSource, cipher);
        line(reference.queries(planted, 1, SECONDS / 2).row("limit, 1 thread"));
        withCpu("limit", () -> reference.queries(planted, CLIENTS, SECONDS / 2));
        line(reference.commits(1, SECONDS / 4).row("limit: durable commits"));
        line(reference.commits(CLIENTS, SECONDS / 4).row("limit: durable commits"));
        long seqBefore = headSeq();
        ClosedLoop.Result persons;
        if (PROFILE) {
            try (var sampler = new StackSampler()) {
                persons = withCpu(GOAL, () -> personFiles(planted));
                line(sampler.report(12));
            }
        } else {
            persons = withCpu(GOAL, () -> personFiles(planted));
        }
        var employers = withCpu("—", () -> employerFiles(planted));
        long entries = headSeq() - seqBefore;
        line("audit entries committed during the HTTP runs: %,d (answers 200 incl. warm-up: %,d)", entries, answered);
        assertThat(persons.errors() + employers.errors()).isZero();
        assertThat(entries).isGreaterThanOrEqualTo(answered);
    }

    private long answered;

    private static final String GOAL = "goal ≥ 500 req/s, p95 ≤ 50 ms";

    /** Runs a measurement and prints its row with the CPU it cost per request (this JVM and PostgreSQL). */
    private ClosedLoop.Result withCpu(String reference, java.util.concurrent.Callable<ClosedLoop.Result> run)
            throws Exception {
        var cpu = CpuMeter.start(DATA_DIR.resolve("pg"));
        var result = run.call();
        line(result.row(reference));
        line("  " + cpu.perRequest(result.sent()));
        return result;
    }

    private ClosedLoop.Result personFiles(PartyFilePlant.Planted planted) throws Exception {
        answered = 0;
        var counter = new java.util.concurrent.atomic.AtomicLong();
        try (var http = new LoadClients(port, token(), CLIENTS)) {
            var result = ClosedLoop.run("HTTP 一人一档 by ID number", CLIENTS, WARM_UP, SECONDS, (c, n) -> {
                String cert = planted.certNos()[ThreadLocalRandom.current().nextInt(planted.certNos().length)];
                var answer = http.postJson(c, "/api/v1/persons/lookup", "{\"certNo\":\"" + cert + "\"}");
                if (answer.status() == 200) {
                    counter.incrementAndGet();
                }
                return answer.status() == 200 && (n > 0 || itemsOf(answer.body()) == ITEMS);
            });
            answered += counter.get();
            return result;
        }
    }

    private ClosedLoop.Result employerFiles(PartyFilePlant.Planted planted) throws Exception {
        var counter = new java.util.concurrent.atomic.AtomicLong();
        try (var http = new LoadClients(port, token(), CLIENTS)) {
            var result = ClosedLoop.run("HTTP 一企一档 by credit code", CLIENTS, WARM_UP, SECONDS, (c, n) -> {
                var codes = planted.creditCodes();
                String code = codes[ThreadLocalRandom.current().nextInt(codes.length)];
                var answer = http.get(c, "/api/v1/employers/" + code + "/items");
                if (answer.status() == 200) {
                    counter.incrementAndGet();
                }
                return answer.status() == 200;
            });
            answered += counter.get();
            return result;
        }
    }

    private static int itemsOf(byte[] body) {
        return ApiClient.JSON.readTree(body).get("items").size();
    }

    private static String token() throws java.io.IOException {
        return Files.readString(DATA_DIR.resolve("initial-token")).strip();
    }

    private long headSeq() throws Exception {
        try (Connection c = dataSource.getConnection();
                var rs = c.createStatement().executeQuery("select seq from audit_chain_head where id = 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private void line(String format, Object... args) {
        String s = args.length == 0 ? format : String.format(Locale.ROOT, format, args);
        System.out.println(s);
        out.append(s).append('\n');
    }
}
