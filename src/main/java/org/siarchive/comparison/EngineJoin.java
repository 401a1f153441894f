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
            if (skipped(self, ev, p, b)) {
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

    /** A self-join pairs no row with itself and a symmetric condition each pair once. */
    static boolean skipped(boolean self, Evaluator ev, EngineRow probe, EngineRow build) {
        return self && (probe.sameRow(build) || (ev.symmetric() && !probe.before(build)));
    }

    /**
     * The candidates of one person's rows, for engines that group the rows by token: the same tests as
     * {@link #probe}. A one-sided check ({@code others} null) tests every subject row; an anti-join tests the
     * subject rows when none of the other rows blocks them; a self-join pairs the subject rows among themselves.
     */
    static void person(
            byte[] token,
            List<EngineRow> subjects,
            @Nullable List<EngineRow> others,
            boolean self,
            Evaluator ev,
            List<Candidate> out) {
        if (others == null || (ev.antiJoin() && others.stream().noneMatch(ev::blocks))) {
            subjects.forEach(s -> add(out, token, s, null, ev.test(s, null)));
        } else if (!ev.antiJoin()) {
            for (var s : subjects) {
                for (var o : self ? subjects : others) {
                    if (!skipped(self, ev, s, o)) {
                        add(out, token, s, o, ev.test(s, o));
                    }
                }
            }
        }
    }

    private static void add(
            List<Candidate> out, byte[] token, EngineRow s, @Nullable EngineRow o, @Nullable Outcome r) {
        if (r != null) {
            out.add(new Candidate(token, s, o, r));
        }
    }

    private static void add(
            List<Candidate> out, EngineRows probe, int i, EngineRow s, @Nullable EngineRow o, @Nullable Outcome r) {
        if (r != null) {
            out.add(new Candidate(probe.token(i), s, o, r));
        }
    }
}
