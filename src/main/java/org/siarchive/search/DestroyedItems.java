package org.siarchive.search;

import java.util.concurrent.atomic.AtomicBoolean;
import org.siarchive.catalog.ItemDestroyed;
import org.siarchive.shared.NodeLocal;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Takes a destroyed item out of the index, so no search finds what no longer exists. It runs from the
 * persisted event publication after the destruction commits. A removal only marks the document deleted:
 * its terms and stored text stay in the segment files until they are merged away, so removals are followed
 * by an expunge ({@link SearchIndexer#expunge}), batched: at most once per interval while removals are
 * pending, so a destruction of 10,000 items rewrites the segments a few times, not 10,000 times
 * (docs/adr/0070). Idempotent: removing an absent document, or expunging without deletes, changes nothing.
 */
@Component
class DestroyedItems {

    private final ArchiveSearch search;
    private final SearchIndexer indexer;
    /** True at start-up: removals a crash left unexpunged (the listener had completed) are expunged then. */
    private final AtomicBoolean pending = new AtomicBoolean(true);

    DestroyedItems(ArchiveSearch search, SearchIndexer indexer) {
        this.search = search;
        this.indexer = indexer;
    }

    @ApplicationModuleListener
    void on(ItemDestroyed event) {
        search.remove(event.itemId());
        pending.set(true);
    }

    /** The batched expunge (a no-op on an index without deleted documents). */
    @Scheduled(initialDelayString = "PT5S", fixedDelayString = "${siarchive.search.expunge-interval:PT30S}")
    @NodeLocal("expunges this node's own Lucene index; a SolrCloud collection expunges itself")
    void expungePending() {
        if (pending.getAndSet(false) && !indexer.expunge()) {
            pending.set(true); // a rebuild is running: try again later
        }
    }

    /** Expunges now whatever removals are pending (tests, and an administrator's rebuild). */
    boolean expungeNow() {
        pending.set(false);
        return indexer.expunge();
    }

    boolean pending() {
        return pending.get();
    }
}
