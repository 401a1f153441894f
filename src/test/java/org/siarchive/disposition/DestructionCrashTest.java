package org.siarchive.disposition;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.support.ApiClient;
import org.siarchive.support.Depth;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Kills a child JVM (and its database server) with SIGKILL at every step of a destruction's execution, then
 * restarts it: start-up reconciliation completes what was recorded, so every item is whole (its intent never
 * committed: content readable through fixity verification, marker still stored) or tombstoned with no byte
 * of its content left in the primary store, staging or the disk replica — never half.
 */
@Tag("crash")
class DestructionCrashTest {

    private final List<DestructionChild> children = new ArrayList<>();
    private final Path log = Path.of("target", "crash-test", "destruction-" + System.currentTimeMillis() + ".log");

    @AfterEach
    void killLeftovers() throws Exception {
        for (var c : children) {
            if (c.process.isAlive()) {
                c.killEverything();
            }
        }
    }

    @Test
    void everyItemIsWholeOrTombstonedAfterSigkillAtEveryStep() throws Exception {
        // the default build kills before the intent (nothing may go) and at one of the other steps, drawn by a printed
        // seed; -Pdeep at every step (support.Depth)
        long seed = Depth.seed();
        var points = Depth.slice(DestructionCrashPoints.POINTS, List.of("before-intent"), 1, seed);
        System.out.printf("destruction crash test: seed %d (-Dsiarchive.test.seed), killed at %s%n", seed, points);
        Path dataDir = Files.createTempDirectory("siarchive-destroy-crash-");
        var markers = new LinkedHashMap<String, String>();
        var items = new LinkedHashMap<String, List<DestructionFixture.Captured>>();
        var first = start(dataDir, null, 0);
        var capturing = new DestructionFixture(new ApiClient(first.port, dataDir), null);
        for (String point : points) {
            String marker = DestructionFixture.marker();
            markers.put(point, marker);
            items.put(point, List.of(capturing.captureOnly("崩溃甲", marker), capturing.captureOnly("崩溃乙", marker)));
        }
        awaitReplicated(dataDir, markers.values());
        first.stop();

        var batches = new LinkedHashMap<String, Long>();
        try (var pg = database(dataDir)) {
            var fixture = new DestructionFixture(null, JdbcClient.create(pg.getPostgresDatabase()));
            items.forEach((point, captured) -> {
                var decisions = new LinkedHashMap<DestructionFixture.Captured, String>();
                for (var c : captured) {
                    fixture.retention(c.id(), "D10", LocalDate.of(2020, 12, 31));
                    decisions.put(c, "DESTROY");
                }
                batches.put(point, fixture.batch("APPROVED", true, decisions));
            });
        }
        for (String point : points) {
            var child = start(dataDir, point, batches.get(point));
            child.awaitMarker(Duration.ofSeconds(60));
            child.killEverything();
        }
        var last = start(dataDir, null, 0);
        var api = new ApiClient(last.port, dataDir);
        for (var c : items.get("before-intent")) {
            assertThat(api.get("/api/v1/items/" + c.id()).json().get("status").asString())
                    .isEqualTo("PRESERVED");
            var pdf = api.get("/api/v1/items/" + c.id() + "/files/2");
            assertThat(pdf.status()).as("whole and fixity-verified").isEqualTo(200);
            assertThat(new String(pdf.body(), StandardCharsets.ISO_8859_1)).contains(markers.get("before-intent"));
        }
        last.stop();

        var roots = StoreScan.roots(dataDir, dataDir.resolve("replica"));
        try (var pg = database(dataDir)) {
            var jdbc = JdbcClient.create(pg.getPostgresDatabase());
            for (String point : points) {
                boolean whole = point.equals("before-intent");
                for (var c : items.get(point)) {
                    assertThat(status(jdbc, c)).as(point).isEqualTo(whole ? "PRESERVED" : "DESTROYED");
                }
                assertThat(StoreScan.filesContaining(roots, markers.get(point)))
                        .as("content after a crash at %s", point)
                        .matches(found -> whole ? !found.isEmpty() : found.isEmpty());
                long batch = batches.get(point);
                assertThat(one(
                                jdbc,
                                "select count(*) from destruction where state = 'FINISHED' and batch_id = " + batch))
                        .isEqualTo(whole ? 0 : 1);
                if (whole) {
                    assertThat(one(jdbc, "select count(*) from destruction where batch_id = " + batch))
                            .isZero();
                }
            }
            assertThat(one(jdbc, "select count(*) from destruction_item where state <> 'TOMBSTONED'"))
                    .isZero();
            assertThat(one(jdbc, "select count(*) from item where status = 'DESTROYED' and person_name is not null"))
                    .isZero();
            assertThat(one(jdbc, "select count(*) from audit_entry where operation = 'DESTROY'"))
                    .as("one audit entry per destroyed item, none twice")
                    .isEqualTo(2L * (points.size() - 1));
        }
    }

    private static void awaitReplicated(Path dataDir, java.util.Collection<String> markers) throws Exception {
        var replica = List.of(dataDir.resolve("replica"));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (String m : markers) {
            while (StoreScan.filesContaining(replica, m).size() < 2) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not replicated: " + m);
                }
                Thread.sleep(200);
            }
        }
    }

    private static String status(JdbcClient jdbc, DestructionFixture.Captured c) {
        return jdbc.sql("select status from item where id = :id")
                .param("id", c.id())
                .query(String.class)
                .single();
    }

    private static long one(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static EmbeddedPostgres database(Path dataDir) throws Exception {
        return EmbeddedPostgres.builder()
                .setPort(org.siarchive.platform.LocalPorts.free())
                .setDataDirectory(dataDir.resolve("pg"))
                .setCleanDataDirectory(false)
                .start();
    }

    private DestructionChild start(Path dataDir, String crashAt, long batch) throws Exception {
        var child = DestructionChild.start(dataDir, crashAt, batch, log);
        children.add(child);
        return child;
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
