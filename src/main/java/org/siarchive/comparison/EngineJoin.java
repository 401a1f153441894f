package org.siarchive.comparison;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.comparison.RuleConditions.Evaluator;
import org.siarchive.comparison.RuleConditions.Outcome;

/**
 * Probes a range of rows against the build side's table and evaluates the check's condition on every pair
 * whose full tokens are equal; rows without a candidate cost one table lookup. Anti-joins test the subject
 * when no matching row blocks it; one-sided checks test every row.
 */
final class EngineJoin {

    /** A subject row, the row it matched (null for one-sided and anti-joins), and the outcome. */
    record Candidate(byte[] token, EngineRow subject, @Nullable EngineRow other, Outcome outcome) {}

    private final EngineRows build;
    private final @Nullable EngineTable table;
    private final boolean probeIsSubject;
    private final boolean self;
    private final Evaluator ev;

    EngineJoin(EngineRows build, @Nullable EngineTable table, boolean probeIsSubject, boolean self, Evaluator ev) {
        this.build = build;
        this.table = table;
        this.probeIsSubject = probeIsSubject;
        this.self = self;
        this.ev = ev;
    }

    void probe(EngineRows probe, int from, int to, List<Candidate> out) {
        for (int i = from; i < to; i++) {
            if (table == null) {
                var s = probe.decode(i);
                add(out, probe, i, s, null, ev.test(s, null));
            } else if (ev.antiJoin()) {
                anti(probe, i, out);
            } else {
                pairs(probe, i, out);
            }
        }
    }

    private void pairs(EngineRows probe, int i, List<Candidate> out) {
        EngineRow p = null;
        for (int j = table.first(probe.keys[i]); j >= 0; j = table.next(j)) {
            if (!probe.sameToken(i, build, j)) {
                continue;
            }
            if (p == null) {
                p = probe.decode(i);
            }
            var b = build.decode(j);
            if (self && (p.sameRow(b) || (ev.symmetric() && !p.before(b)))) {
                continue;
            }
            var s = probeIsSubject ? p : b;
            var o = probeIsSubject ? b : p;
            add(out, probe, i, s, o, ev.test(s, o));
        }
    }

    private void anti(EngineRows probe, int i, List<Candidate> out) {
        for (int j = table.first(probe.keys[i]); j >= 0; j = table.next(j)) {
            if (probe.sameToken(i, build, j) && ev.blocks(build.decode(j))) {
                return;
            }
        }
        var s = probe.decode(i);
        add(out, probe, i, s, null, ev.test(s, null));
    }

    private static void add(
            List<Candidate> out, EngineRows probe, int i, EngineRow s, @Nullable EngineRow o, @Nullable Outcome r) {
        if (r != null) {
            out.add(new Candidate(probe.token(i), s, o, r));
        }
    }
}
