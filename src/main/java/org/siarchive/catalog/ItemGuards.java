package org.siarchive.catalog;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The one door for "may this be done to these items?": every correction, appraisal for destruction,
 * destruction and transfer out asks it before writing, inside its own transaction, so a hold placed
 * meanwhile is seen (holds are read under the same lock order). A test fails when a call site goes around it.
 */
@Component
public class ItemGuards {

    private final List<ItemGuard> guards;

    ItemGuards(List<ItemGuard> guards) {
        this.guards = List.copyOf(guards);
    }

    /** Throws the first guard's 409 when any of {@code itemIds} may not undergo {@code operation}. */
    public void check(Collection<UUID> itemIds, GuardedOperation operation) {
        if (itemIds.isEmpty()) {
            return;
        }
        for (var guard : guards) {
            guard.check(itemIds, operation);
        }
    }
}
