package org.siarchive.mining;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which required materials are missing together (docs/adr/0097): each item is a transaction, the set of its
 * business step's required materials it lacks. Identical transactions are kept once with a count (a bit mask over
 * the step's materials, at most {@value #MAX_MATERIALS} a step, at most {@value #MAX_DISTINCT} distinct masks in
 * all), so memory does not grow with the items read; frequent itemsets are then found by Apriori over the masks
 * (levels up to {@value #MAX_SET}) and turned into rules {@code A → B} with support, confidence and lift.
 */
final class CoMissing {

    static final int MAX_MATERIALS = 63;
    static final int MAX_DISTINCT = 200_000;
    static final int MAX_SET = 4;
    static final int MAX_RULES = 100;

    /** A rule of one step: the items lacking {@code antecedent} also lack {@code consequent}. */
    record Rule(
            String step,
            List<String> antecedent,
            List<String> consequent,
            long count,
            double support,
            double confidence,
            double lift) {}

    private final Map<String, StepBasket> steps = new LinkedHashMap<>();
    private int distinct;
    private long dropped;

    private static final class StepBasket {
        final List<String> materials = new ArrayList<>();
        final Map<Long, long[]> masks = new HashMap<>();
        long items;
    }

    /** Counts one item of {@code step} lacking {@code missing}. */
    void add(String step, List<String> missing) {
        var basket = steps.computeIfAbsent(step, s -> new StepBasket());
        basket.items++;
        if (missing.isEmpty()) {
            return;
        }
        long mask = 0;
        for (String m : missing) {
            int i = basket.materials.indexOf(m);
            if (i < 0) {
                if (basket.materials.size() >= MAX_MATERIALS) {
                    continue;
                }
                basket.materials.add(m);
                i = basket.materials.size() - 1;
            }
            mask |= 1L << i;
        }
        long[] count = basket.masks.get(mask);
        if (count == null) {
            if (distinct >= MAX_DISTINCT) {
                dropped++;
                return;
            }
            distinct++;
            basket.masks.put(mask, count = new long[1]);
        }
        count[0]++;
    }

    /** Items whose missing set was not kept because the distinct-set bound was reached. */
    long dropped() {
        return dropped;
    }

    /** The rules reaching both minimums, strongest (lift, then support) first, at most {@value #MAX_RULES}. */
    List<Rule> rules(double minSupport, double minConfidence) {
        var out = new ArrayList<Rule>();
        steps.forEach((step, basket) -> out.addAll(rules(step, basket, minSupport, minConfidence)));
        out.sort(Comparator.comparingDouble(Rule::lift)
                .reversed()
                .thenComparing(Comparator.comparingDouble(Rule::support).reversed())
                .thenComparing(Rule::step));
        return out.size() > MAX_RULES ? List.copyOf(out.subList(0, MAX_RULES)) : out;
    }

    private static List<Rule> rules(String step, StepBasket basket, double minSupport, double minConfidence) {
        double n = basket.items;
        long minCount = Math.max(1, (long) Math.ceil(minSupport * n));
        Map<Long, Long> frequent = frequentSets(basket, minCount);
        var out = new ArrayList<Rule>();
        frequent.forEach((set, count) -> {
            if (Long.bitCount(set) < 2) {
                return;
            }
            // every non-empty proper subset as antecedent
            for (long a = (set - 1) & set; a > 0; a = (a - 1) & set) {
                long b = set & ~a;
                Long countA = frequent.get(a);
                Long countB = frequent.get(b);
                if (countA == null || countB == null) {
                    continue;
                }
                double confidence = count / (double) countA;
                if (confidence + 1e-12 < minConfidence) {
                    continue;
                }
                double lift = confidence / (countB / n);
                out.add(new Rule(step, names(basket, a), names(basket, b), count, count / n, confidence, lift));
            }
        });
        return out;
    }

    /** Apriori over the counted masks: level k+1 candidates are unions of frequent level-k sets. */
    private static Map<Long, Long> frequentSets(StepBasket basket, long minCount) {
        var frequent = new HashMap<Long, Long>();
        var level = new ArrayList<Long>();
        for (int i = 0; i < basket.materials.size(); i++) {
            long single = 1L << i;
            long c = support(basket, single);
            if (c >= minCount) {
                frequent.put(single, c);
                level.add(single);
            }
        }
        for (int k = 2; k <= MAX_SET && level.size() > 1; k++) {
            var candidates = new java.util.TreeSet<Long>();
            for (int i = 0; i < level.size(); i++) {
                for (int j = i + 1; j < level.size(); j++) {
                    long u = level.get(i) | level.get(j);
                    if (Long.bitCount(u) == k && allSubsetsFrequent(u, frequent)) {
                        candidates.add(u);
                    }
                }
            }
            level = new ArrayList<>();
            for (long c : candidates) {
                long count = support(basket, c);
                if (count >= minCount) {
                    frequent.put(c, count);
                    level.add(c);
                }
            }
        }
        return frequent;
    }

    private static boolean allSubsetsFrequent(long set, Map<Long, Long> frequent) {
        for (long rest = set; rest != 0; rest &= rest - 1) {
            long without = set & ~Long.lowestOneBit(rest);
            if (!frequent.containsKey(without)) {
                return false;
            }
        }
        return true;
    }

    private static long support(StepBasket basket, long set) {
        long count = 0;
        for (var e : basket.masks.entrySet()) {
            if ((e.getKey() & set) == set) {
                count += e.getValue()[0];
            }
        }
        return count;
    }

    private static List<String> names(StepBasket basket, long set) {
        var out = new ArrayList<String>();
        for (int i = 0; i < basket.materials.size(); i++) {
            if ((set & (1L << i)) != 0) {
                out.add(basket.materials.get(i));
            }
        }
        return out;
    }
}
