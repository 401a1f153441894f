package org.siarchive.search;

import org.siarchive.catalog.ItemSecrecyChanged;
import org.siarchive.catalog.RetentionsExtended;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Re-indexes items whose description changed through disposition: a new 密级 changes who may find the item
 * (secrecy review, docs/adr/0064); an extended term changes the 保管期限 the hits show (docs/adr/0065).
 */
@Component
class DispositionChanges {

    private final SearchIndexer indexer;

    DispositionChanges(SearchIndexer indexer) {
        this.indexer = indexer;
    }

    @ApplicationModuleListener
    void on(ItemSecrecyChanged event) {
        indexer.reindex(event.itemId());
    }

    @ApplicationModuleListener
    void on(RetentionsExtended event) {
        event.itemIds().forEach(indexer::reindex);
    }
}
