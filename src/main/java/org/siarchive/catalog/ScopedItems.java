package org.siarchive.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Scope;
import org.springframework.stereotype.Component;

/**
 * Items read many at a time within a reader's scope, for work over long lists of items such as a transfer export
 * (docs/adr/0125): a chunk of items in two queries instead of two per item, answering as
 * {@link Catalog#requireItem(UUID, Scope)} answers for one. Unaudited: the caller audits what it does with them.
 */
@Component
public class ScopedItems {

    private final ItemQueries queries;

    ScopedItems(ItemQueries queries) {
        this.queries = queries;
    }

    /** The items with their files, in the order asked; 404 for the first id that is missing or outside the scope. */
    public List<ItemRecord> require(List<UUID> ids, Scope scope) {
        var found = queries.byIds(ids, scope);
        if (found.size() < ids.size()) {
            var seen = new HashSet<UUID>();
            found.forEach(item -> seen.add(item.id()));
            for (UUID id : ids) {
                if (!seen.contains(id)) {
                    throw new NotFoundException("ITEM", id.toString());
                }
            }
        }
        return found;
    }
}
