package org.siarchive.supervision;

import org.siarchive.shared.Labelled;

/** The life of an inspection plan: 草稿 → 进行中 → 已评定 → 已关闭. */
enum PlanState implements Labelled {
    DRAFT,
    ACTIVE,
    EVALUATED,
    CLOSED;

    @Override
    public String labelKey() {
        return "supervision.state." + name();
    }
}
