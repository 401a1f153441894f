package org.siarchive.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.support.ApiClient;
import org.siarchive.support.ApiClient.FilePart;
import org.siarchive.support.Depth;
import org.siarchive.support.Digests;
import org.siarchive.support.Samples;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Kills a child JVM running SIArchive with SIGKILL at every step of the capture path — of a single capture
 * and of a batch (group commit) with a single capture queued behind it — at a random moment under load of
 * singles and batches, and once without its database server; then checks, after a restart, that every
 * acknowledged capture is there with identical bytes, that nothing is left half-written, that 件号 are
 * gap-free and that the audit chain links up.
 */
@Tag("crash")
class CaptureCrashTest {

    /** A capture the platform answered 201 for: what was sent and what came back. */
    record Ack(String id, String acceptanceNo, List<byte[]> files) {}

    private final Path dataDir = createTemp();
    private final Path log = Path.of("target", "crash-test", "child-" + System.currentTimeMillis() + ".log");
    private final List<Ack> acks = new CopyOnWriteArrayList<>();
    private final Map<String, String> inFlight = new LinkedHashMap<>();
    /** Per crash point: the acceptance numbers of the batch stopped there, and the single queued behind it. */
    private final Map<String, List<String>> batchInFlight = new LinkedHashMap<>();

    private final Map<String, String> queuedBehind = new LinkedHashMap<>();
    private int starts;
    private final List<ChildPlatform> children = new ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void killLeftovers() throws Exception {
        for (var child : children) {
            if (child.process.isAlive()) {
                child.killEverything();
            }
        }
    }

    private static final List<String> POINTS =
            List.of("after-staging", "after-receive", "after-store", "after-preserved");

    @Test
    void acknowledgedCapturesSurviveSigkillAndNothingIsLeftHalfWritten() throws Exception {
        // the default build kills at one of the four points of each path, drawn by a printed seed; -Pdeep at all four
        long seed = Depth.seed();
        var singlePoints = Depth.slice(POINTS, List.of(), 1, seed);
        var batchPoints = Depth.slice(POINTS, List.of(), 1, seed + 1);
        System.out.printf(
                "crash test: seed %d (-Dsiarchive.test.seed), single capture killed at %s, batch at %s%n",
                seed, singlePoints, batchPoints);
        // first a JVM-only kill: its acknowledged captures must then survive every later kill and reconciliation
        jvmOnlyKillRound();
        for (String point : singlePoints) {
            crashPointRound(point);
        }
        for (String point : batchPoints) {
            batchCrashPointRound(point);
        }
        int beforeRandom = acks.size();
        randomKillRound();

        var child = start(null);
        verifyAcknowledged(child);
        child.stop();
        verifyDatabase();
        System.out.printf(
                "crash test: %d starts, %d acknowledged captures (%d in the random round), in flight at crash points: %s,"
                        + " batches: %s%n",
                starts, acks.size(), acks.size() - beforeRandom, inFlight, batchInFlight);
    }

    private void crashPointRound(String point) throws Exception {
        var child = start(point);
        String acceptanceNo = Samples.acceptanceNo();
        inFlight.put(point, acceptanceNo);
        var sender = new Thread(() -> {
            try {
                captureAndRecord(new ApiClient(child.port, child.dataDir()), acceptanceNo);
            } catch (RuntimeException e) {
                // the connection dies with the server
            }
        });
        sender.start();
        child.awaitMarker(Duration.ofSeconds(60));
        child.killEverything();
        sender.join(30_000);
    }

    /**
     * A batch of three stops at {@code point} inside its group commit; a single capture sent meanwhile
     * queues behind it (the group being committed holds the lead) and must be found not registered at all.
     */
    private void batchCrashPointRound(String point) throws Exception {
        var child = start(point);
        var batch = List.of(Samples.acceptanceNo(), Samples.acceptanceNo(), Samples.acceptanceNo());
        String follower = Samples.acceptanceNo();
        batchInFlight.put(point, batch);
        queuedBehind.put(point, follower);
        var sender = new Thread(() -> quietly(() -> batchAndRecord(child, batch)));
        sender.start();
        child.awaitMarker(Duration.ofSeconds(60));
        var single =
                new Thread(() -> quietly(() -> captureAndRecord(new ApiClient(child.port, child.dataDir()), follower)));
        single.start();
        sleep(1000);
        child.killEverything();
        sender.join(30_000);
        single.join(30_000);
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            // the connection dies with the server
        }
    }

    private void batchAndRecord(ChildPlatform child, List<String> acceptanceNos) {
        var items = new ArrayList<BatchRequests.Item>();
        var files = new ArrayList<List<byte[]>>();
        for (String no : acceptanceNos) {
            long seed = ThreadLocalRandom.current().nextLong();
            files.add(List.of(Samples.png(seed), Samples.pdf("crash " + seed)));
            items.add(new BatchRequests.Item(
                    "crash-" + no,
                    Samples.personEnrolment(no, Samples.citizenId(1972), "断电批量"),
                    files.get(files.size() - 1)));
        }
        var r = BatchRequests.send(child.port, token(child), items);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("batch answered " + r.statusCode());
        }
        var results = org.siarchive.support.ApiClient.JSON.readTree(r.body()).get("items");
        for (int i = 0; i < acceptanceNos.size(); i++) {
            var result = results.get(i);
            if (!result.get("outcome").asString().equals("CREATED")) {
                throw new IllegalStateException("batch item " + i + ": " + result);
            }
            acks.add(new Ack(result.get("item").get("id").asString(), acceptanceNos.get(i), files.get(i)));
        }
    }

    private static String token(ChildPlatform child) {
        try {
            return Files.readString(child.dataDir().resolve("initial-token")).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void randomKillRound() throws Exception {
        var child = start(null);
        var stop = new AtomicBoolean();
        var clients = new ArrayList<Thread>();
        for (int t = 0; t < 4; t++) {
            boolean batches = t % 2 == 1;
            var thread = new Thread(() -> {
                var api = new ApiClient(child.port, child.dataDir());
                while (!stop.get()) {
                    try {
                        if (batches) {
                            batchAndRecord(
                                    child,
                                    List.of(
                                            Samples.acceptanceNo(),
                                            Samples.acceptanceNo(),
                                            Samples.acceptanceNo(),
                                            Samples.acceptanceNo()));
                        } else {
                            captureAndRecord(api);
                        }
                    } catch (RuntimeException e) {
                        return;
                    }
                }
            });
            thread.start();
            clients.add(thread);
        }
        // the kill must meet captures in flight: on a loaded machine the first answers can take longer than
        // any fixed delay, so wait for the first acknowledgement of this round (bounded), then a random moment
        int before = acks.size();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (acks.size() == before
                && System.nanoTime() < deadline
                && clients.stream().anyMatch(Thread::isAlive)) {
            Thread.sleep(50);
        }
        Thread.sleep(500 + ThreadLocalRandom.current().nextInt(3000));
        child.killEverything();
        stop.set(true);
        for (var c : clients) {
            c.join(30_000);
        }
    }

    private void jvmOnlyKillRound() throws Exception {
        var child = start(null);
        for (int i = 0; i < 2; i++) {
            captureAndRecord(new ApiClient(child.port, child.dataDir()));
        }
        var orphans = child.killJvmOnly();
        assertThat(orphans).anyMatch(ProcessHandle::isAlive);
        var next = start(null);
        assertThat(orphans).noneMatch(ProcessHandle::isAlive);
        captureAndRecord(new ApiClient(next.port, next.dataDir()));
        next.killEverything();
    }

    private void captureAndRecord(ApiClient api) {
        captureAndRecord(api, Samples.acceptanceNo());
    }

    private void captureAndRecord(ApiClient api, String acceptanceNo) {
        long seed = ThreadLocalRandom.current().nextLong();
        var files = List.of(Samples.png(seed), Samples.pdf("crash " + seed));
        var r = api.capture(
                Samples.personEnrolment(acceptanceNo, Samples.citizenId(1970), "断电测试"),
                List.of(
                        new FilePart("a.png", "image/png", files.get(0)),
                        new FilePart("b.pdf", "application/pdf", files.get(1))),
                Map.of());
        if (r.status() == 201) {
            acks.add(new Ack(r.json().get("id").asString(), acceptanceNo, files));
        } else {
            throw new IllegalStateException("capture answered " + r.status() + ": " + new String(r.body()));
        }
    }

    private void verifyAcknowledged(ChildPlatform child) {
        var api = new ApiClient(child.port, child.dataDir());
        assertThat(acks).hasSizeGreaterThan(6);
        for (var ack : acks) {
            var item = api.get("/api/v1/items/" + ack.id());
            assertThat(item.status()).as("acknowledged item %s", ack.id()).isEqualTo(200);
            assertThat(item.json().get("status").asString()).isEqualTo("PRESERVED");
            for (int seq = 1; seq <= ack.files().size(); seq++) {
                var download = api.get("/api/v1/items/" + ack.id() + "/files/" + seq);
                assertThat(download.status()).isEqualTo(200);
                byte[] sent = ack.files().get(seq - 1);
                assertThat(Digests.sha256(download.body())).isEqualTo(Digests.sha256(sent));
                assertThat(Digests.sm3(download.body())).isEqualTo(Digests.sm3(sent));
            }
        }
    }

    private void verifyDatabase() throws Exception {
        try (var pg = EmbeddedPostgres.builder()
                .setPort(org.siarchive.platform.LocalPorts.free())
                .setDataDirectory(dataDir.resolve("pg"))
                .setCleanDataDirectory(false)
                .start()) {
            var jdbc = JdbcClient.create(pg.getPostgresDatabase());
            assertThat(count(jdbc, "select count(*) from item where status = 'RECEIVING'"))
                    .isZero();
            assertThat(count(jdbc, "select count(*) from reconciliation_finding where kind = 'ORPHAN_OBJECT'"))
                    .isZero();
            assertThat(count(jdbc, "select count(*) from reconciliation_run")).isEqualTo(starts);
            for (var ack : acks) {
                assertThat(status(jdbc, ack.acceptanceNo())).isEqualTo("PRESERVED");
            }
            for (var e : inFlight.entrySet()) {
                // killed before its 档号: nothing; after it: completed by start-up reconciliation
                String expected = e.getKey().equals("after-staging") ? null : "PRESERVED";
                assertThat(status(jdbc, e.getValue()))
                        .as("single capture stopped at %s", e.getKey())
                        .isEqualTo(expected);
            }
            for (var e : batchInFlight.entrySet()) {
                String expected = e.getKey().equals("after-staging") ? null : "PRESERVED";
                for (String no : e.getValue()) {
                    assertThat(status(jdbc, no))
                            .as("batch item stopped at %s", e.getKey())
                            .isEqualTo(expected);
                }
                assertThat(status(jdbc, queuedBehind.get(e.getKey())))
                        .as("single queued behind the batch stopped at %s", e.getKey())
                        .isNull();
            }
            assertThat(count(jdbc, "select count(*) from item where status = 'QUARANTINED' and status_reason is null"))
                    .isZero();
            assertThat(
                            count(
                                    jdbc,
                                    """
                    select count(*) from item i where i.status = 'PRESERVED' and not exists (
                      select 1 from audit_entry a where a.object_type = 'ITEM' and a.object_id = i.id::text and a.operation = 'CAPTURE')
                    """))
                    .isZero();
            assertThat(
                            count(
                                    jdbc,
                                    """
                    select count(*) from (select class_key, max(item_no) as top, count(*) as n from item group by class_key) c
                    where c.top <> c.n
                    """))
                    .as("gap-free 件号")
                    .isZero();
            assertThat(
                            count(
                                    jdbc,
                                    """
                    select count(*) from (select seq, prev_hash, lag(hash) over (order by seq) as before,
                      lag(seq) over (order by seq) as before_seq from audit_entry where seq is not null) e
                    where e.before_seq is not null and (e.seq <> e.before_seq + 1 or e.prev_hash <> e.before)
                    """))
                    .as("audit chain links up, entry by entry")
                    .isZero();
            assertThat(
                            count(
                                    jdbc,
                                    """
                    select count(*) from audit_chain_head h where h.seq <> (select max(seq) from audit_entry)
                      or h.hash <> (select hash from audit_entry where seq = h.seq)
                    """))
                    .as("audit chain head is the last entry")
                    .isZero();
        }
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static String status(JdbcClient jdbc, String acceptanceNo) {
        return jdbc.sql("select status from item where acceptance_no = :a")
                .param("a", acceptanceNo)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private ChildPlatform start(String crashAt) throws Exception {
        starts++;
        var child = ChildPlatform.start(dataDir, crashAt, log);
        children.add(child);
        return child;
    }

    private static Path createTemp() {
        try {
            return Files.createTempDirectory("siarchive-crash-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void sleep(long ms) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(ms);
    }
}
