package org.siarchive.comparison;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.siarchive.comparison.ComparisonEngine.Hit;
import org.siarchive.comparison.EngineJoin.Candidate;
import org.siarchive.comparison.RuleDefinition.Check;
import org.siarchive.crypto.Sm3;

/**
 * Turns a check's candidates into hits: the best match per subject row (per person for per-person
 * conditions) — highest score, then the smallest content keys — its amount by the check's formula, and its
 * dedupe key, SM3 of the rule code, the token and the matched rows' content keys (ordered for symmetric
 * checks), so that the same facts found again give the same key.
 */
final class EngineHits {

    private EngineHits() {}

    private record Ranked(Candidate c, String subjectKey, String otherKey) {}

    static List<Hit> of(
            ComparisonEngine.RuleRun rule, Check check, List<Candidate> candidates, List<RunDataset> inputs) {
        var sources = new HashMap<Long, String>();
        inputs.forEach(d -> sources.put(d.id(), d.source()));
        var ev = RuleConditions.of(check.condition()).bind(check.params(), java.time.LocalDate.of(2000, 1, 1));
        return of(rule, check, ev.perPerson(), ev.symmetric(), candidates, sources);
    }

    /**
     * The hits of candidates, whatever order they came in: ties of score and content keys go to the first row
     * by place, and the hits come ordered by the subject's then the matched row's place, so every engine that
     * finds the same candidates gives the same hits in the same order.
     */
    static List<Hit> of(
            ComparisonEngine.RuleRun rule,
            Check check,
            boolean perPerson,
            boolean symmetric,
            List<Candidate> candidates,
            Map<Long, String> sources) {
        var best = new HashMap<Object, Ranked>();
        for (var c : candidates) {
            var s = c.subject();
            var o = c.other();
            var ranked = new Ranked(
                    c,
                    s.contentKey(check.subject().kind(), sources.getOrDefault(s.datasetId, "")),
                    o == null ? "" : o.contentKey(check.other().kind(), sources.getOrDefault(o.datasetId, "")));
            Object key = perPerson ? java.nio.ByteBuffer.wrap(c.token()) : s.datasetId + ":" + s.rowNo;
            best.merge(key, ranked, (a, b) -> BEST.compare(a, b) <= 0 ? a : b);
        }
        var out = new ArrayList<Hit>(best.size());
        best.values().stream().sorted(PLACE).forEach(r -> out.add(hit(rule, check, r, symmetric)));
        return out;
    }

    private static final Comparator<Ranked> PLACE = Comparator.comparingLong((Ranked r) -> r.c().subject().datasetId)
            .thenComparingLong(r -> r.c().subject().rowNo)
            .thenComparingLong(r -> r.c().other() == null ? 0 : r.c().other().datasetId)
            .thenComparingLong(r -> r.c().other() == null ? 0 : r.c().other().rowNo);

    private static final Comparator<Ranked> BEST = Comparator.comparingLong(
                    (Ranked r) -> -r.c().outcome().score())
            .thenComparing(Ranked::subjectKey)
            .thenComparing(Ranked::otherKey)
            .thenComparing(PLACE);

    private static Hit hit(ComparisonEngine.RuleRun rule, Check check, Ranked r, boolean symmetric) {
        var c = r.c();
        var s = c.subject();
        var o = c.other();
        String a = r.subjectKey();
        String b = r.otherKey();
        if (symmetric && a.compareTo(b) > 0) {
            String x = a;
            a = b;
            b = x;
        }
        byte[] zero = {0};
        byte[] key = Sm3.digest(
                rule.rule().code().getBytes(StandardCharsets.UTF_8),
                zero,
                c.token(),
                zero,
                a.getBytes(StandardCharsets.UTF_8),
                zero,
                b.getBytes(StandardCharsets.UTF_8));
        return new Hit(
                rule.rule().code(),
                rule.versionId(),
                c.token(),
                s.datasetId,
                s.rowNo,
                o == null ? 0 : o.datasetId,
                o == null ? 0 : o.rowNo,
                c.outcome().months(),
                amount(check.amount(), c.outcome().months(), s, o),
                key,
                s.agency);
    }

    static long amount(String formula, int months, EngineRow s, @org.jspecify.annotations.Nullable EngineRow o) {
        long monthly = s.hasAmount() ? s.amountCents : 0;
        if ("MONTHS_X_LOWER_AMOUNT".equals(formula) && o != null && o.hasAmount()) {
            monthly = s.hasAmount() ? Math.min(s.amountCents, o.amountCents) : o.amountCents;
        }
        return "ZERO".equals(formula) ? 0 : months * Math.max(0, monthly);
    }
}
