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
     * Ties a passed run to the item it let in, so the run is listed under the item's 档号. One update, asked
     * directly by capture rather than through an event: a capture path listener costs every capture a
     * persisted event delivery (docs/benchmarks.md, issue 14).
     */
    void filed(long runId, java.util.UUID itemId, String archiveCode);
}
