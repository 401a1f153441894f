package org.siarchive.disposition;

import org.siarchive.shared.Labelled;

/** What appraisal decides for an item: 延期 with a new term, or 销毁. */
public enum Decision implements Labelled {
    EXTEND,
    DESTROY;

    @Override
    public String labelKey() {
        return "disposition.batch.decision." + name();
    }
}
