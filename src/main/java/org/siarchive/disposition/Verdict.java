package org.siarchive.disposition;

import org.siarchive.shared.Labelled;

/** A member's opinion (意见): 同意 or 不同意. */
public enum Verdict implements Labelled {
    AGREE,
    DISAGREE;

    @Override
    public String labelKey() {
        return "disposition.batch.verdict." + name();
    }
}
