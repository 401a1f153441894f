package org.siarchive.shared;

import java.util.Set;

/**
 * A caller as the business modules see it: who (for the audit trail), what they may see (data
 * scope) and which permissions they hold (to decide what a page offers; the HTTP rules enforce them).
 */
public record Access(Actor actor, Scope scope, Set<String> permissions) {

    public static final Access SYSTEM = new Access(Actor.SYSTEM, Scope.EVERYTHING, Set.of());

    public Access {
        permissions = Set.copyOf(permissions);
    }

    public boolean can(String permission) {
        return permissions.contains(permission);
    }
}
