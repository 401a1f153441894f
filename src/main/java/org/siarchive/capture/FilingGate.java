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

    /** Runs the check; a failing item is a 422 naming the item, the field and the report, and nothing is registered. */
    void require(FilingRules.Filing filing, Actor actor);
}
