package org.siarchive.security;

import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;

/** The checks every administrator's change to an account passes: a stated reason, and never one's own account. */
final class AccountChecks {

    private AccountChecks() {}

    static void requireReason(@Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(Violation.of("reason", "required"));
        }
        if (reason.length() > 500) {
            throw new InvalidInputException(Violation.of("reason", "maxLength", 500));
        }
    }

    /** Nobody administers their own account (三员分立: no one grants or resets themselves). */
    static void notSelf(Account a, Actor actor) {
        if (a.username().equals(actor.name())) {
            throw new ConflictException("conflict.ownAccount", a.username());
        }
    }
}
