package org.siarchive.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.bench.PeakHeap;

/**
 * The analysis side of a mining run at the 2 M item cap, without the database: 2 M synthetic facts (40 steps, 12
 * regions, 500 000 persons, 120 months) fed to the three accumulators, then fitted and mined. Prints the time and the
 * heap the accumulators hold (docs/adr/0096, 0097). Reading the facts from PostgreSQL is the larger part of a real
 * run and is not measured here.
 */
@Tag("bench")
class MiningAnalysisBenchmark {

    static final int ITEMS = 2_000_000;

    @Test
    void twoMillionFacts() {
        try (var heap = PeakHeap.watch()) {
            var random = new Random(18);
            var last = YearMonth.of(2026, 10);
            var steps = new String[40];
            for (int i = 0; i < steps.length; i++) {
                steps[i] = "S" + i;
            }
            var missingSets =
                    List.of(List.<String>of(), List.of("A"), List.of("A", "B"), List.of("C"), List.of("A", "B", "C"));
            Runtime rt = Runtime.getRuntime();
            System.gc();
            long heap0 = rt.totalMemory() - rt.freeMemory();
            long t0 = System.nanoTime();
            var volumes = new MonthlyVolumes(last);
            var missing = new CoMissing();
            var sequences = new StepSequences();
            for (int i = 0; i < ITEMS; i++) {
                String step = steps[random.nextInt(steps.length)];
                var month = last.minusMonths(random.nextInt(MonthlyVolumes.MONTHS));
                volumes.add(step, random.nextInt(12), month, 10, 500_000);
                missing.add(step, missingSets.get(random.nextInt(missingSets.size())));
                sequences.add(random.nextInt(500_000), step, month.atDay(1).toEpochDay() + random.nextInt(28));
            }
            long fed = System.nanoTime();
            System.gc();
            long heap1 = rt.totalMemory() - rt.freeMemory();
            double[] total = volumes.sum(MonthlyVolumes.Measure.ITEMS, null, null, 1);
            var fit = SeasonalModel.fit(total, last.minusMonths(119).getMonthValue());
            var rules = missing.rules(0.02, 0.5);
            var transitions = sequences.transitions();
            long done = System.nanoTime();
            System.out.printf(
                    "mining analysis: %d facts fed in %.2f s, fitted and mined in %.2f s; accumulators hold %.1f MB;"
                            + " %d rules, %d transitions%n",
                    ITEMS,
                    (fed - t0) / 1e9,
                    (done - fed) / 1e9,
                    (heap1 - heap0) / 1e6,
                    rules.size(),
                    transitions.size());
            assertThat(fit).isNotNull();
            System.out.println(heap.line());
            assertThat(sequences.size()).isEqualTo(ITEMS);
        }
    }
}
