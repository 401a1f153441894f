package org.siarchive.mining;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which business steps follow each other per person (docs/adr/0097). Each item with a person is packed into one
 * {@code long} — person id (33 bits), handling day (16 bits, days since 1970), step (14 bits, an index into the
 * steps met) — so 8 bytes an item are all that is kept; sorting the packed values orders every person's items by
 * handling day, and consecutive items of one person are a transition. Per transition: how often, its support (share
 * of all transitions), its confidence (share of the transitions leaving the first step) and the median days
 * between (from a bounded sample of gaps).
 */
final class StepSequences {

    static final int MAX_STEPS = 1 << 14;
    static final long MAX_PERSON = (1L << 33) - 1;
    static final int MAX_GAPS = 10_000;
    static final int MAX_TRANSITIONS = 100;

    record Transition(String from, String to, long count, double support, double confidence, double medianDays) {}

    private final List<String> stepCodes = new ArrayList<>();
    private final Map<String, Integer> stepIndex = new HashMap<>();
    private long[] packed = new long[1024];
    private int size;
    private long skipped;

    /** Keeps one item of {@code person} of {@code step} handled on {@code epochDay}. */
    void add(long person, String step, long epochDay) {
        Integer s = stepIndex.get(step);
        if (s == null && stepCodes.size() < MAX_STEPS) {
            s = stepCodes.size();
            stepCodes.add(step);
            stepIndex.put(step, s);
        }
        if (s == null || person < 0 || person > MAX_PERSON || epochDay < 0 || epochDay >= (1 << 16)) {
            skipped++;
            return;
        }
        if (size == packed.length) {
            packed = Arrays.copyOf(packed, packed.length * 2);
        }
        packed[size++] = (person << 30) | (epochDay << 14) | s;
    }

    /** Items kept (8 bytes each). */
    int size() {
        return size;
    }

    long skipped() {
        return skipped;
    }

    /** The transitions, most frequent first, at most {@value #MAX_TRANSITIONS}. */
    List<Transition> transitions() {
        Arrays.sort(packed, 0, size);
        var counts = new HashMap<Long, Pair>();
        var leaving = new HashMap<Integer, long[]>();
        long total = 0;
        for (int i = 1; i < size; i++) {
            long prev = packed[i - 1];
            long cur = packed[i];
            if ((prev >>> 30) != (cur >>> 30)) {
                continue;
            }
            int from = (int) (prev & (MAX_STEPS - 1));
            int to = (int) (cur & (MAX_STEPS - 1));
            int days = (int) (((cur >>> 14) & 0xFFFF) - ((prev >>> 14) & 0xFFFF));
            counts.computeIfAbsent(((long) from << 14) | to, k -> new Pair()).add(days);
            leaving.computeIfAbsent(from, k -> new long[1])[0]++;
            total++;
        }
        var out = new ArrayList<Transition>();
        for (var e : counts.entrySet()) {
            int from = (int) (e.getKey() >>> 14);
            int to = (int) (e.getKey() & (MAX_STEPS - 1));
            var p = e.getValue();
            out.add(new Transition(
                    stepCodes.get(from),
                    stepCodes.get(to),
                    p.count,
                    p.count / (double) total,
                    p.count / (double) leaving.get(from)[0],
                    p.median()));
        }
        out.sort(Comparator.comparingLong(Transition::count)
                .reversed()
                .thenComparing(Transition::from)
                .thenComparing(Transition::to));
        return out.size() > MAX_TRANSITIONS ? List.copyOf(out.subList(0, MAX_TRANSITIONS)) : out;
    }

    /** A transition's count and a bounded, evenly thinned sample of its gaps in days. */
    private static final class Pair {
        long count;
        int[] gaps = new int[16];
        int kept;

        void add(int days) {
            count++;
            // keep every gap up to the bound, then every k-th, k growing with the count
            long stride = Math.max(1, count / MAX_GAPS);
            if (kept < MAX_GAPS && (count % stride == 0)) {
                if (kept == gaps.length) {
                    gaps = Arrays.copyOf(gaps, Math.min(MAX_GAPS, gaps.length * 2));
                }
                gaps[kept++] = days;
            }
        }

        double median() {
            if (kept == 0) {
                return 0;
            }
            int[] s = Arrays.copyOf(gaps, kept);
            Arrays.sort(s);
            return kept % 2 == 1 ? s[kept / 2] : (s[kept / 2 - 1] + s[kept / 2]) / 2.0;
        }
    }
}
