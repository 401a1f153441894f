package org.siarchive.comparison;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.siarchive.comparison.RuleDefinition.Check;
import org.springframework.stereotype.Component;

/**
 * The in-process engine: per check, the smaller side (the other side for anti-joins) is read whole into
 * {@link EngineRows} and hashed ({@link EngineTable}); the larger side is streamed through it in chunks of
 * 512 K rows, each chunk probed by every core in parallel. Hits are reduced to the best match per subject row
 * (or per person) and keyed by {@link EngineHits}. Loading and joining are timed apart.
 */
@Component
class EngineInProcess implements ComparisonEngine {

    static final int CHUNK = 1 << 19;

    private final EngineLoader loader;

    EngineInProcess(DataSource dataSource) {
        this.loader = new EngineLoader(dataSource);
    }

    /** Counters over a whole job. */
    private static final class Totals {
        long probeRows;
        long buildRows;
        long loadNanos;
        long joinNanos;
        final Map<Long, Long> used = new HashMap<>();
    }

    @Override
    public Result compare(Job job) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            var totals = new Totals();
            var hits = new ArrayList<Hit>();
            var counts = new ArrayList<RuleCount>();
            for (var rule : job.rules()) {
                long t0 = System.nanoTime();
                var ruleHits = new ComparisonChecks.RuleHits();
                for (var check : rule.rule().checks()) {
                    var candidates = check(job, check, pool, threads, totals);
                    ruleHits.add(EngineHits.of(rule, check, candidates, job.inputs()));
                }
                counts.add(ruleHits.count(rule.versionId(), (System.nanoTime() - t0) / 1_000_000));
                hits.addAll(ruleHits.hits());
            }
            return new Result(
                    hits,
                    counts,
                    totals.probeRows,
                    totals.buildRows,
                    totals.used,
                    totals.loadNanos / 1_000_000,
                    totals.joinNanos / 1_000_000);
        } finally {
            pool.shutdownNow();
        }
    }

    private List<EngineJoin.Candidate> check(Job job, Check c, ExecutorService pool, int threads, Totals t) {
        var ev = RuleConditions.of(c.condition()).bind(c.params(), job.asOf());
        var subjectSets = sets(job.inputs(), c.subject());
        var out = new ArrayList<EngineJoin.Candidate>();
        var used = new HashMap<Long, Long>();
        long t0 = System.nanoTime();
        long joinBefore = t.joinNanos;
        if (c.other() == null) {
            var join = new EngineJoin(new EngineRows(1), null, true, false, ev);
            t.probeRows += stream(subjectSets, c.subject(), join, pool, threads, t, out, used);
        } else {
            var otherSets = sets(job.inputs(), c.other());
            boolean subjectBuilds =
                    !c.self() && !ev.antiJoin() && EngineLoader.rowsOf(subjectSets) < EngineLoader.rowsOf(otherSets);
            var build =
                    loader.all(subjectBuilds ? subjectSets : otherSets, subjectBuilds ? c.subject() : c.other(), used);
            t.buildRows += build.size;
            long j0 = System.nanoTime();
            var table = new EngineTable(build);
            t.joinNanos += System.nanoTime() - j0;
            var join = new EngineJoin(build, table, !subjectBuilds, c.self(), ev);
            if (c.self()) {
                t.probeRows += build.size;
                parallel(build, join, pool, threads, t, out);
            } else {
                var probeSide = subjectBuilds ? c.other() : c.subject();
                t.probeRows +=
                        stream(subjectBuilds ? otherSets : subjectSets, probeSide, join, pool, threads, t, out, used);
            }
        }
        t.loadNanos += (System.nanoTime() - t0) - (t.joinNanos - joinBefore);
        used.forEach((k, v) -> t.used.merge(k, v, Math::max));
        return out;
    }

    private long stream(
            List<RunDataset> sets,
            RuleDefinition.Source side,
            EngineJoin join,
            ExecutorService pool,
            int threads,
            Totals t,
            List<EngineJoin.Candidate> out,
            Map<Long, Long> used) {
        var chunk = new EngineRows((int) Math.min(CHUNK, Math.max(1024, EngineLoader.rowsOf(sets))));
        return loader.chunks(sets, side, chunk, rows -> parallel(rows, join, pool, threads, t, out), used);
    }

    private static void parallel(
            EngineRows rows,
            EngineJoin join,
            ExecutorService pool,
            int threads,
            Totals t,
            List<EngineJoin.Candidate> out) {
        long j0 = System.nanoTime();
        var tasks = new ArrayList<Callable<List<EngineJoin.Candidate>>>();
        int step = (rows.size + threads - 1) / threads;
        for (int from = 0; from < rows.size; from += step) {
            int f = from;
            int to = Math.min(rows.size, from + step);
            tasks.add(() -> {
                var part = new ArrayList<EngineJoin.Candidate>();
                join.probe(rows, f, to, part);
                return part;
            });
        }
        try {
            for (Future<List<EngineJoin.Candidate>> f : pool.invokeAll(tasks)) {
                out.addAll(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("comparison interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("comparison failed", e.getCause());
        }
        t.joinNanos += System.nanoTime() - j0;
    }

    static List<RunDataset> sets(List<RunDataset> inputs, RuleDefinition.Source side) {
        return inputs.stream()
                .filter(d -> d.kind().equals(side.kind()))
                .filter(d -> side.sources() == null || side.sources().contains(d.source()))
                .toList();
    }
}
