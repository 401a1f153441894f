package org.siarchive.search;

import java.util.UUID;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemCaptured;
import org.siarchive.catalog.ItemCorrected;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the index in step with the catalogue. Listeners run after the catalogue transaction commits,
 * from persisted event publications, so a crash before indexing is made good on restart.
 */
@Component
class SearchIndexer {

    private final Catalog catalog;
    private final ArchiveSearch search;

    SearchIndexer(Catalog catalog, ArchiveSearch search) {
        this.catalog = catalog;
        this.search = search;
    }

    @ApplicationModuleListener
    void on(ItemCaptured event) {
        reindex(event.itemId());
    }

    @ApplicationModuleListener
    void on(ItemCorrected event) {
        reindex(event.itemId());
    }

    void reindex(UUID itemId) {
        catalog.item(itemId).filter(i -> i.preserved()).map(SearchEntry::of).ifPresent(search::index);
    }

    /** Rebuilds the whole index from the catalogue, in pages. */
    long rebuild() {
        search.clear();
        long n = 0;
        UUID after = null;
        while (true) {
            var ids = catalog.itemIdsAfter(after, 500);
            if (ids.isEmpty()) {
                return n;
            }
            for (UUID id : ids) {
                reindex(id);
                n++;
            }
            after = ids.get(ids.size() - 1);
        }
    }
}
