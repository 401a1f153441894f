package org.siarchive.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.comparison.ComparisonRuns;
import org.siarchive.comparison.PlantedRows;
import org.siarchive.comparison.ReferenceTokens;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.Scope;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * perf.md G15: N benefit recipients (default 10 M, {@code -Dbench.recipients=}) × N/5 death records with
 * N/1000 planted hits (death 2026-05, paid to 2026-10) and as many near-misses (death inside the last paid
 * month), the rest deaths of other people. Rows are COPied into {@code reference_row} first (timed apart;
 * background ID numbers get a token and a placeholder ciphertext), then one run of 死亡冒领 through
 * {@link ComparisonRuns}: reading from PostgreSQL, the join (probe rows/s, goal ≥ 10 M/s), storing the
 * warnings, end to end (goal ≤ 30 s) and the heap. Hits must equal the planted set's size.
 * {@code ./mvnw -B -o -q -Pbench test -Dspotless.check.skip=true -Dtest=ComparisonBenchmark}
 */
@Tag("bench")
class ComparisonBenchmark extends IntegrationTest {

    private static final int N = Integer.getInteger("bench.recipients", 10_000_000);
    private static final int DEATHS = N / 5;
    private static final int HITS = N / 1000;
    private static final int STRIDE = N / HITS;
    private static final LocalDate BIRTH0 = LocalDate.of(1940, 1, 1);

    @Autowired
    ComparisonRuns runs;

    @Autowired
    ReferenceTokens tokens;

    @Autowired
    DataSource dataSource;

    @Autowired
    Organisations organisations;

    static String cert(int i) {
        return PlantedRows.cert(Integer.toString(440514 + i / 9_000_000), BIRTH0.plusDays((i / 1000) % 9000), i % 1000);
    }

    @Test
    void deathsAgainstRecipients() {
        String run = Long.toString(System.nanoTime() % 100_000);
        var unit = organisations.create(organisations.root().id(), "CB" + run, "比对基准县" + run, "COUNTY", Actor.SYSTEM);
        var access = new Access(
                new Actor("cmpbench" + run, "127.0.0.1", "bench"), new Scope(unit.path(), null, 3), Set.of());
        var rows = new PlantedRows(dataSource, tokens);
        long t0 = System.nanoTime();
        long benefits = rows.dataset("BENEFIT", "RS", unit.id(), unit.path(), N);
        rows.copy(
                benefits,
                N,
                i -> new PlantedRows.Row(
                        cert(i),
                        null,
                        "1",
                        "110",
                        null,
                        "ACTIVE",
                        LocalDate.of(2010, 1, 1),
                        null,
                        null,
                        LocalDate.of(2026, 10, 1),
                        "2000.00",
                        "440500",
                        unit.code()),
                false);
        long t1 = System.nanoTime();
        long deaths = rows.dataset("DEATH", "GA", unit.id(), unit.path(), DEATHS);
        rows.copy(deaths, DEATHS, j -> death(j), false);
        long t2 = System.nanoTime();
        System.out.printf(
                "load: %,d recipients in %.1f s, %,d deaths in %.1f s (COPY into indexed reference_row)%n",
                N, (t1 - t0) / 1e9, DEATHS, (t2 - t1) / 1e9);

        System.gc();
        try (var heap = PeakHeap.watch()) {
            long r0 = System.nanoTime();
            var view = runs.run(
                    new ComparisonRuns.StartRequest(unit.id(), List.of("DEATH_PAYMENT"), LocalDate.of(2026, 11, 1)),
                    access,
                    "MANUAL");
            long endToEnd = (System.nanoTime() - r0) / 1_000_000;
            long joinMs = Math.max(1, view.joinMs());
            System.out.printf(
                    "run: probe %,d rows, build %,d rows; read from PostgreSQL %,d ms; join %,d ms = %.1f M probe rows/s;"
                            + " store %,d warnings %,d ms; end to end %,d ms (run record %,d ms)%n",
                    view.probeRows(),
                    view.buildRows(),
                    view.loadMs(),
                    view.joinMs(),
                    view.probeRows() / (joinMs / 1000.0) / 1e6,
                    view.newWarnings(),
                    view.storeMs(),
                    endToEnd,
                    view.durationMs());
            System.out.println("during the run: " + heap.line());
            assertThat(view.state()).isEqualTo("FINISHED");
            assertThat(view.hits()).isEqualTo(HITS);
            assertThat(view.newWarnings()).isEqualTo(HITS);
        }
    }

    private static PlantedRows.Row death(int j) {
        if (j < HITS) { // planted: died in May, paid to October
            return deathOf(cert(j * STRIDE), LocalDate.of(2026, 5, 10));
        }
        if (j < 2 * HITS) { // near-miss: died inside the last paid month
            return deathOf(cert((j - HITS) * STRIDE + 1), LocalDate.of(2026, 10, 20));
        }
        return deathOf(cert(N + j), LocalDate.of(2026, 1 + j % 10, 1 + j % 28)); // someone else
    }

    private static PlantedRows.Row deathOf(String cert, LocalDate on) {
        return new PlantedRows.Row(
                cert, null, null, null, "CANCELLATION", null, null, null, on, null, null, "440500", null);
    }
}
