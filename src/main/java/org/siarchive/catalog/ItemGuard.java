package org.siarchive.catalog;

import java.util.Collection;
import java.util.UUID;

/**
 * Something that may forbid an operation on items — a legal hold, for one. Implemented by the modules that
 * own such rules (the catalogue cannot depend on them); reached only through {@link ItemGuards}.
 */
public interface ItemGuard {

    /** Throws a {@link org.siarchive.shared.ConflictException} (409) naming the rule when any item is blocked. */
    void check(Collection<UUID> itemIds, GuardedOperation operation);
}
