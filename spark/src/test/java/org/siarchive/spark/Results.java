package org.siarchive.spark;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.siarchive.comparison.ComparisonEngine.Hit;
import org.siarchive.comparison.ComparisonEngine.Result;

/** Two engines' results side by side: what differs, line by line, and each rule's persons. */
final class Results {

    private static final HexFormat HEX = HexFormat.of();

    private Results() {}

    /** Every hit as one line of all it says, in the result's order. */
    static List<String> hits(Result r) {
        return r.hits().stream().map(Results::line).toList();
    }

    static String line(Hit h) {
        return String.join(
                " ",
                h.ruleCode(),
                Long.toString(h.ruleVersionId()),
                HEX.formatHex(h.dedupeKey()),
                HEX.formatHex(h.token()),
                h.subjectDataset() + ":" + h.subjectRow(),
                h.otherDataset() + ":" + h.otherRow(),
                Integer.toString(h.months()),
                Long.toString(h.amountCents()),
                String.valueOf(h.agency()));
    }

    /** Each rule version's hits and amount at risk (not its duration). */
    static List<String> counts(Result r) {
        return r.rules().stream()
                .map(c -> c.versionId() + " hits=" + c.hits() + " amount=" + c.amountCents())
                .toList();
    }

    /** What differs between two results, empty when they are the same: hits by dedupe key, counts, rows used. */
    static List<String> differences(Result a, Result b) {
        var out = new ArrayList<String>();
        var left = byKey(a);
        var right = byKey(b);
        left.forEach((k, v) -> {
            if (!v.equals(right.get(k))) {
                out.add("- " + v + " / + " + right.get(k));
            }
        });
        right.forEach((k, v) -> {
            if (!left.containsKey(k)) {
                out.add("+ " + v);
            }
        });
        if (!hits(a).equals(hits(b)) && out.isEmpty()) {
            out.add("same hits in another order");
        }
        if (!counts(a).equals(counts(b))) {
            out.add("rule counts " + counts(a) + " / " + counts(b));
        }
        if (!new TreeMap<>(a.rowsUsed()).equals(new TreeMap<>(b.rowsUsed()))) {
            out.add("rows used " + new TreeMap<>(a.rowsUsed()) + " / " + new TreeMap<>(b.rowsUsed()));
        }
        return out;
    }

    private static Map<String, String> byKey(Result r) {
        var out = new TreeMap<String, String>();
        r.hits().forEach(h -> out.put(HEX.formatHex(h.dedupeKey()), line(h)));
        return out;
    }

    /** Each rule's persons found, as hex tokens. */
    static Map<String, TreeSet<String>> persons(Result r) {
        var out = new TreeMap<String, TreeSet<String>>();
        r.hits().forEach(h -> out.computeIfAbsent(h.ruleCode(), c -> new TreeSet<>())
                .add(HEX.formatHex(h.token())));
        return out;
    }
}
