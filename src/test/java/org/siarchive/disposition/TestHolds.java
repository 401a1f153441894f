package org.siarchive.disposition;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.siarchive.catalog.GuardedOperation;
import org.siarchive.catalog.ItemGuard;
import org.siarchive.shared.ConflictException;
import org.springframework.stereotype.Component;

/**
 * A test-only {@link ItemGuard} (found by component scanning on the test class path, so every integration
 * test context has it and none is started for it): inert unless a test blocks an item, then it refuses every
 * guarded operation on that item like a legal hold does. It proves that destruction asks the hold door; the
 * real holds are the holds part's guard.
 */
@Component
class TestHolds implements ItemGuard {

    static final Set<UUID> BLOCKED = ConcurrentHashMap.newKeySet();

    @Override
    public void check(Collection<UUID> itemIds, GuardedOperation operation) {
        for (UUID id : itemIds) {
            if (BLOCKED.contains(id)) {
                throw new ConflictException("disposition.destruction.notPreserved", "held " + id + " " + operation);
            }
        }
    }
}
