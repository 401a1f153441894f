package org.siarchive.supervision;

import org.siarchive.shared.Labelled;

/**
 * The life of a rectification item (整改事项): 待整改 → 已提交整改 → 已销号, or back to 待整改 when the
 * inspector returns it (退回) with a reason.
 */
enum RectificationState implements Labelled {
    OPEN,
    SUBMITTED,
    CLOSED;

    @Override
    public String labelKey() {
        return "supervision.rectState." + name();
    }
}
