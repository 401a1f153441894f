package org.siarchive.mining;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.ItemFigures;
import org.siarchive.catalog.ItemFiguresInScope;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Scope;
import org.springframework.stereotype.Component;

/**
 * One pass over a scope's items (keyset pages of {@link ItemFigures#MAX_PAGE} through catalog's
 * {@link ItemFiguresInScope}, stopping at the cap), feeding the three bounded accumulators — monthly volumes,
 * co-missing materials, step sequences — and then fitting and mining them. Only one page of facts is held at a time.
 */
@Component
class MiningPass {

    /** What to analyse: the scope, the cap on items read and the association minimums. */
    record Request(Scope scope, long cap, double minSupport, double minConfidence, YearMonth lastMonth) {}

    private final ItemFiguresInScope items;
    private final Organisations organisations;
    private final ZoneId zone;

    MiningPass(ItemFiguresInScope items, Organisations organisations, ReadableTime time) {
        this.items = items;
        this.organisations = organisations;
        this.zone = time.zone();
    }

    MiningResult run(Request r) {
        long inScope = items.count(r.scope());
        var regions = new Regions(organisations.all());
        var volumes = new MonthlyVolumes(r.lastMonth());
        var missing = new CoMissing();
        var sequences = new StepSequences();
        long read = 0;
        UUID after = null;
        while (read < r.cap()) {
            int want = (int) Math.min(ItemFigures.MAX_PAGE, r.cap() - read);
            var page = items.page(r.scope(), after, want);
            for (var f : page) {
                var handled = f.handledAt().atZoneSameInstant(zone);
                volumes.add(f.stepCode(), regions.of(f.orgPath()), YearMonth.from(handled), f.pages(), f.bytes());
                missing.add(f.stepCode(), f.missingRequired());
                if (f.personId() != null) {
                    sequences.add(
                            f.personId(), f.stepCode(), handled.toLocalDate().toEpochDay());
                }
            }
            read += page.size();
            if (page.size() < want) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        double factor = read == 0 || inScope <= read ? 1 : inScope / (double) read;
        var trends = trends(volumes, factor);
        var names = new HashMap<Long, String>();
        trends.stream()
                .map(Trend::region)
                .filter(java.util.Objects::nonNull)
                .forEach(id -> names.put(id, regions.name(id)));
        return new MiningResult(
                Math.max(inScope, read),
                read,
                factor,
                volumes.leftOut() + missing.dropped() + sequences.skipped(),
                sequences.size(),
                r.minSupport(),
                r.minConfidence(),
                trends,
                missing.rules(r.minSupport(), r.minConfidence()),
                sequences.transitions(),
                Map.copyOf(names));
    }

    private static List<Trend> trends(MonthlyVolumes v, double factor) {
        var out = new ArrayList<Trend>();
        for (var m : MonthlyVolumes.Measure.values()) {
            add(out, v, Trend.Kind.TOTAL, m, null, null, factor);
        }
        var items = MonthlyVolumes.Measure.ITEMS;
        v.topSteps().forEach(s -> add(out, v, Trend.Kind.STEP, items, s, null, factor));
        v.topRegions().forEach(g -> add(out, v, Trend.Kind.REGION, items, null, g, factor));
        v.topPairs().forEach(p -> add(out, v, Trend.Kind.STEP_REGION, items, p.getKey(), p.getValue(), factor));
        return out;
    }

    private static void add(
            List<Trend> out,
            MonthlyVolumes v,
            Trend.Kind kind,
            MonthlyVolumes.Measure measure,
            @Nullable String step,
            @Nullable Long region,
            double factor) {
        double[] all = v.sum(measure, step, region, factor);
        int start = 0;
        while (start < all.length && all[start] == 0) {
            start++; // a series begins with its first month of business
        }
        double[] y = java.util.Arrays.copyOfRange(all, start, all.length);
        YearMonth first = v.first().plusMonths(start);
        var fit = SeasonalModel.fit(y, first.getMonthValue());
        if (fit == null) {
            return;
        }
        out.add(new Trend(
                kind,
                measure,
                step,
                region,
                first.toString(),
                y,
                fit.seasonal(),
                fit.slope(),
                fit.mean(),
                fit.rSquared(),
                fit.effects(),
                fit.forecast(),
                fit.lower(),
                fit.upper()));
    }
}
