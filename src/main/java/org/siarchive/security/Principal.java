package org.siarchive.security;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Scope;

/**
 * Who is logged in (an account) or calling (an API client): name, organisation, permissions and
 * data scope. Equal by name, which is what "one session per account" compares.
 */
public record Principal(
        String name,
        String displayName,
        @Nullable Long accountId,
        String orgCode,
        String orgName,
        Scope scope,
        Set<String> permissions,
        Set<Role> roles)
        implements Serializable, java.security.Principal {

    static Principal of(Account a, Set<String> permissions) {
        boolean business = a.roles().stream().anyMatch(r -> !r.administrator());
        Scope scope = business
                ? new Scope(a.orgPath(), a.allFonds() ? null : List.copyOf(a.fondsIds()), a.clearance())
                : Scope.NOTHING;
        return new Principal(
                a.username(),
                a.displayName(),
                a.id(),
                a.orgCode(),
                a.orgName(),
                scope,
                Set.copyOf(permissions),
                a.roles());
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Principal p && p.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
