package org.siarchive.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * How deep the slow tests go (docs/adr/0126). The default build — the README's test command, CI — runs a bounded,
 * seeded slice of the crash tests and a smaller concurrency load; {@code ./mvnw -Pdeep verify} runs them in
 * full. A slice is chosen by a seed the test prints, and {@code -Dsiarchive.test.seed=N} chooses the same slice again.
 */
public final class Depth {

    private Depth() {}

    /** Whether the full depth was asked for ({@code -Pdeep}, or {@code -Dsiarchive.test.deep=true}). */
    public static boolean deep() {
        return Boolean.parseBoolean(
                System.getProperty("siarchive.test.deep", "false").strip());
    }

    /** {@code full} under {@code -Pdeep}, else {@code slice}. */
    public static int of(int slice, int full) {
        return deep() ? full : slice;
    }

    /** The seed of this run's slices: {@code -Dsiarchive.test.seed}, else a fresh one. */
    public static long seed() {
        String given = System.getProperty("siarchive.test.seed", "").strip();
        return given.isEmpty() ? System.nanoTime() : Long.parseLong(given);
    }

    /**
     * Every element under {@code -Pdeep}; otherwise the {@code always} ones plus {@code count} others drawn with
     * {@code seed}, in their original order — so that over many runs every element is exercised.
     */
    public static <T> List<T> slice(List<T> all, List<T> always, int count, long seed) {
        if (deep()) {
            return all;
        }
        var others =
                new ArrayList<>(all.stream().filter(e -> !always.contains(e)).toList());
        Collections.shuffle(others, new Random(seed));
        var chosen = new ArrayList<>(always);
        chosen.addAll(others.subList(0, Math.min(count, others.size())));
        return all.stream().filter(chosen::contains).toList();
    }
}
