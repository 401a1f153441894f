package org.siarchive.capture;

import org.siarchive.quality.FilingRules;
import org.siarchive.shared.Actor;

/**
 * The filing check (归档环节 GD, DA/T 70-2018) a capture passes after its files are staged and before a 档号
 * is assigned. Capture states what it needs and does not know who answers: the four-property check module
 * implements it with quality's {@link FilingRules} and its virus items, and keeps the run and its report,
 * committed before this returns or throws, so a crash loses no run (docs/adr/0042).
 */
public interface FilingGate {

    /**
     * Runs the check; a failing item is a 422 naming the item, the field and the report, and nothing is
     * registered. Returns the run, to be tied to the item once it has its 档号.
     */
    long require(FilingRules.Filing filing, Actor actor);

    /**
     * The filing check of several captures at once (a batch, docs/adr/0121): each filing checked as {@link #require}
     * checks it, every run and report kept — committed together before this returns. For each filing, in order, its
     * run and, when one of its items failed, the refusal {@link #require} would have thrown for it alone.
     */
    default java.util.List<Verdict> requireAll(java.util.List<FilingRules.Filing> filings, Actor actor) {
        var out = new java.util.ArrayList<Verdict>();
        for (var f : filings) {
            try {
                out.add(new Verdict(require(f, actor), null));
            } catch (org.siarchive.shared.InvalidInputException e) {
                out.add(new Verdict(-1, e));
            }
        }
        return out;
    }

    /** One filing's outcome in {@link #requireAll}: its run, or the refusal naming the failed items. */
    record Verdict(long run, @org.jspecify.annotations.Nullable RuntimeException refusal) {}

    /**
     * Ties a passed run to the item it let in, so the run is listed under the item's 档号. One update, asked
     * directly by capture rather than through an event: a capture path listener costs every capture a
     * persisted event delivery (docs/benchmarks.md, issue 14).
     */
    void filed(long runId, java.util.UUID itemId, String archiveCode);
}
