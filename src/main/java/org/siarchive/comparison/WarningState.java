package org.siarchive.comparison;

import java.util.Set;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.Labelled;

/**
 * Where a warning (预警) stands: 核查中 → 已确认 / 已排除 → 已结案. The one place that says which change is
 * allowed from which state; anything else is a 409 naming the state the warning is in.
 */
public enum WarningState implements Labelled {
    CHECKING,
    CONFIRMED,
    EXCLUDED,
    CLOSED;

    /** What people do to a warning. */
    public enum Change {
        TAKE,
        ASSIGN,
        CONFIRM,
        EXCLUDE,
        CLOSE
    }

    @Override
    public String labelKey() {
        return "warning.state." + name();
    }

    /** The states from which {@code change} is allowed. */
    static Set<WarningState> allowedFrom(Change change) {
        return switch (change) {
            case TAKE, ASSIGN -> Set.of(CHECKING, CONFIRMED, EXCLUDED);
            case CONFIRM, EXCLUDE -> Set.of(CHECKING);
            case CLOSE -> Set.of(CONFIRMED, EXCLUDED);
        };
    }

    /** The state a change leads to (take and assign keep it). */
    WarningState after(Change change) {
        require(change, "");
        return switch (change) {
            case TAKE, ASSIGN -> this;
            case CONFIRM -> CONFIRMED;
            case EXCLUDE -> EXCLUDED;
            case CLOSE -> CLOSED;
        };
    }

    /** 409 naming this state (key {@code warning.conflict.<STATE>}) when {@code change} is not allowed from it. */
    void require(Change change, String warningNo) {
        if (!allowedFrom(change).contains(this)) {
            throw new ConflictException("warning.conflict." + name(), warningNo);
        }
    }

    /** Whether the warning still waits for someone (its deadline runs). */
    public boolean open() {
        return this != CLOSED;
    }
}
