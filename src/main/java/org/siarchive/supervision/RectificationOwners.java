package org.siarchive.supervision;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.siarchive.security.Accounts;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.stereotype.Component;

/**
 * Who may own a rectification item: an active account of the unit (or a unit below it) that works
 * rectifications ({@code supervision:rectify}); blank means the unit as a whole. Read through security's
 * public {@link Accounts} (docs/adr/0093).
 */
@Component
class RectificationOwners {

    static final String RECTIFY = "supervision:rectify";

    private final Accounts accounts;

    RectificationOwners(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The owner's login, or empty for the unit; 422 on {@code owner} when no such account may own it. */
    Optional<String> check(@Nullable String owner, String unitPath) {
        String login = owner == null ? "" : owner.strip();
        if (login.isEmpty()) {
            return Optional.empty();
        }
        boolean fits = login.length() <= 100
                && accounts.byUsername(login)
                        .filter(a -> "ACTIVE".equals(a.status()))
                        .filter(a -> a.orgPath().startsWith(unitPath))
                        .filter(a -> accounts.permissions(a).contains(RECTIFY))
                        .isPresent();
        if (!fits) {
            throw new InvalidInputException(
                    new Violation("owner", "rectifier", "supervision.rule.rectifier", List.of()));
        }
        return Optional.of(login);
    }
}
