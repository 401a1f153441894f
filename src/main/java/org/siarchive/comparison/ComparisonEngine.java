package org.siarchive.comparison;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates rule versions on reference datasets and answers the hits; it stores nothing. The in-process
 * implementation ({@link EngineInProcess}) hash-joins on the tokens in this JVM; the optional Spark module
 * ({@code spark/}, docs/adr/0134) evaluates the same rule code through {@link ComparisonChecks} on a cluster.
 */
public interface ComparisonEngine {

    Result compare(Job job);

    /** The in-process engine on this database, for callers outside the platform's context (the Spark module's proof). */
    static ComparisonEngine inProcess(javax.sql.DataSource dataSource) {
        return new EngineInProcess(dataSource);
    }

    /** The rules to evaluate on these inputs, as of a date. */
    record Job(LocalDate asOf, List<RuleRun> rules, List<RunDataset> inputs) {}

    /** A stored rule version and its definition. */
    record RuleRun(long versionId, RuleDefinition rule) {}

    /**
     * One hit: the rule, the person's token, the subject row and the matched row (0/0 for one-sided and
     * anti-join checks), months and amount at risk, the dedupe key and the subject row's 经办机构 code.
     */
    record Hit(
            String ruleCode,
            long ruleVersionId,
            byte[] token,
            long subjectDataset,
            long subjectRow,
            long otherDataset,
            long otherRow,
            int months,
            long amountCents,
            byte[] dedupeKey,
            @Nullable String agency)
            implements java.io.Serializable {}

    /** Per rule version: hits, amount at risk and the time its checks took. */
    record RuleCount(long versionId, long hits, long amountCents, long durationMs) {}

    /** What a comparison found and what it read. */
    record Result(
            List<Hit> hits,
            List<RuleCount> rules,
            long probeRows,
            long buildRows,
            Map<Long, Long> rowsUsed,
            long loadMs,
            long joinMs) {}
}
