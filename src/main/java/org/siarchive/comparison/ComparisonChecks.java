package org.siarchive.comparison;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.comparison.ComparisonEngine.Hit;
import org.siarchive.comparison.ComparisonEngine.RuleCount;
import org.siarchive.comparison.ComparisonEngine.RuleRun;
import org.siarchive.comparison.RuleConditions.Evaluator;

/**
 * The rule code for comparison engines outside the platform (the Spark module, docs/adr/0134): rules read with
 * the platform's mapper; each check of a job as the rows its two sides read; an evaluator of one person's rows
 * that runs the in-process engine's own join tests ({@link EngineJoin#person}), conditions ({@link
 * RuleConditions}) and reduction to hits ({@link EngineHits}); and the merge of a rule's checks. Engines built on
 * it differ only in how the rows of a person reach the evaluator, never in what a rule means.
 */
public final class ComparisonChecks {

    /**
     * The select list of a side's rows, in the order {@link Person#hits} reads them: the token, dataset and row,
     * the dates as days since 1970-01-01, the amount in cents.
     */
    public static final String COLUMNS = "token, dataset_id, row_no, birth_date - date '1970-01-01' as birth_day,"
            + " gender, scheme, subtype, status, start_date - date '1970-01-01' as start_day,"
            + " end_date - date '1970-01-01' as end_day, event_date - date '1970-01-01' as event_day,"
            + " last_paid - date '1970-01-01' as last_paid_day, (amount * 100)::int8 as amount_cents,"
            + " region_code, agency_code";

    private ComparisonChecks() {}

    /** The rules of the catalogue file the platform starts with, validated. */
    public static List<RuleDefinition> catalogue() {
        return RuleJson.resource();
    }

    /** A rule's canonical JSON, as {@code comparison_rule_version.definition} stores it. */
    public static String canonical(RuleDefinition rule) {
        return RuleJson.canonical(rule);
    }

    /** A stored rule version's definition ({@code comparison_rule_version.definition}), validated. */
    public static RuleDefinition rule(String canonicalJson) {
        return RuleJson.parse(canonicalJson);
    }

    /**
     * The select of every row of these datasets ({@link #COLUMNS}), for engines that read each dataset once and
     * give each check the rows its sides read ({@link Person#hits}); the datasets must not be empty.
     */
    public static String rowsQuery(List<RunDataset> datasets) {
        return EngineLoader.query(datasets, new RuleDefinition.Source("ANY", null, null, null), COLUMNS);
    }

    /** The checks of one of a job's rules, in their order. */
    public static List<Check> checks(ComparisonEngine.Job job, RuleRun rule) {
        var out = new ArrayList<Check>();
        for (int i = 0; i < rule.rule().checks().size(); i++) {
            out.add(new Check(job, rule, i));
        }
        return out;
    }

    /** One check of a job's rule: the datasets its sides read, and its evaluator. */
    public static final class Check {

        private final RuleRun rule;
        private final int index;
        private final List<RunDataset> subjectSets;
        private final List<RunDataset> otherSets;
        private final Person person;

        Check(ComparisonEngine.Job job, RuleRun rule, int index) {
            this.rule = rule;
            this.index = index;
            var check = rule.rule().checks().get(index);
            this.subjectSets = EngineInProcess.sets(job.inputs(), check.subject());
            this.otherSets = check.other() == null ? List.of() : EngineInProcess.sets(job.inputs(), check.other());
            var sources = new HashMap<Long, String>();
            job.inputs().forEach(d -> sources.put(d.id(), d.source()));
            this.person = new Person(
                    RuleJson.canonical(rule.rule()),
                    rule.versionId(),
                    index,
                    job.asOf(),
                    sources,
                    ids(subjectSets),
                    ids(otherSets));
        }

        private static HashSet<Long> ids(List<RunDataset> sets) {
            var out = new HashSet<Long>();
            sets.forEach(d -> out.add(d.id()));
            return out;
        }

        public RuleRun rule() {
            return rule;
        }

        public int index() {
            return index;
        }

        public List<RunDataset> subjectSets() {
            return subjectSets;
        }

        /** The other side's datasets; empty for one-sided checks. */
        public List<RunDataset> otherSets() {
            return otherSets;
        }

        public Person person() {
            return person;
        }
    }

    /**
     * A check's evaluation of one person's rows, serialisable so that a cluster's executors run it: the rule
     * travels as its canonical JSON and is bound again, once per JVM, to the job's as-of date.
     */
    public static final class Person implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String rule;
        private final long versionId;
        private final int index;
        private final LocalDate asOf;
        private final HashMap<Long, String> sources;
        private final HashSet<Long> subjectSets;
        private final HashSet<Long> otherSets;
        private transient @Nullable Bound bound;

        private record Bound(RuleRun rule, RuleDefinition.Check check, Evaluator ev) {}

        Person(
                String rule,
                long versionId,
                int index,
                LocalDate asOf,
                HashMap<Long, String> sources,
                HashSet<Long> subjectSets,
                HashSet<Long> otherSets) {
            this.rule = rule;
            this.versionId = versionId;
            this.index = index;
            this.asOf = asOf;
            this.sources = sources;
            this.subjectSets = subjectSets;
            this.otherSets = otherSets;
        }

        private Bound bound() {
            var b = bound;
            if (b == null) {
                var run = new RuleRun(versionId, RuleJson.parse(rule));
                var check = run.rule().checks().get(index);
                b = new Bound(run, check, RuleConditions.of(check.condition()).bind(check.params(), asOf));
                bound = b;
            }
            return b;
        }

        /**
         * The hits of one person (one token) from all their rows of the job's datasets, each row's values in the
         * order of {@link #COLUMNS}: the subject side and the other side take the rows their selects would read.
         * Adds to {@code used} the rows each dataset gave the check's sides (once for a self-join).
         */
        public List<Hit> hits(byte[] token, List<Object[]> rows, Map<Long, Long> used) {
            var b = bound();
            var check = b.check();
            var all = rows.stream().map(EngineRow::of).toList();
            var subjects = side(all, check.subject(), subjectSets, used);
            List<EngineRow> others = null;
            if (check.other() != null) {
                others = check.self() ? subjects : side(all, check.other(), otherSets, used);
            }
            if (subjects.isEmpty()) {
                return List.of();
            }
            var candidates = new ArrayList<EngineJoin.Candidate>();
            EngineJoin.person(token, subjects, others, check.self(), b.ev(), candidates);
            if (candidates.isEmpty()) {
                return List.of();
            }
            return EngineHits.of(b.rule(), check, b.ev().perPerson(), b.ev().symmetric(), candidates, sources);
        }

        private static List<EngineRow> side(
                List<EngineRow> all, RuleDefinition.Source side, HashSet<Long> sets, Map<Long, Long> used) {
            var out = new ArrayList<EngineRow>();
            for (var r : all) {
                if (EngineLoader.reads(side, sets, r)) {
                    out.add(r);
                    used.merge(r.datasetId, 1L, Long::sum);
                }
            }
            return out;
        }
    }

    /** A rule's hits over its checks: the first hit of each dedupe key, in the order they were added. */
    public static final class RuleHits {

        private final LinkedHashMap<ByteBuffer, Hit> hits = new LinkedHashMap<>();

        /** Adds a check's hits, in the order {@link EngineHits} gives them. */
        public void add(List<Hit> checkHits) {
            for (var h : checkHits) {
                hits.putIfAbsent(ByteBuffer.wrap(h.dedupeKey()), h);
            }
        }

        public List<Hit> hits() {
            return List.copyOf(hits.values());
        }

        public RuleCount count(long versionId, long durationMs) {
            long amount = hits.values().stream().mapToLong(Hit::amountCents).sum();
            return new RuleCount(versionId, hits.size(), amount, durationMs);
        }
    }
}
