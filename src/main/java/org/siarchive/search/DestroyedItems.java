package org.siarchive.search;

import org.siarchive.catalog.ItemDestroyed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Takes a destroyed item out of the index, so no search finds what no longer exists. It runs from the
 * persisted event publication after the destruction commits; the index's commit is the indexer's usual
 * one ({@link SearchIndexer}).
 */
@Component
class DestroyedItems {

    private final ArchiveSearch search;

    DestroyedItems(ArchiveSearch search) {
        this.search = search;
    }

    @ApplicationModuleListener
    void on(ItemDestroyed event) {
        search.remove(event.itemId());
    }
}
