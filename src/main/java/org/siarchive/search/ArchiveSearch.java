package org.siarchive.search;

import org.siarchive.shared.Page;
import org.siarchive.shared.Scope;

/** The search port. Backends: SQL over the derived table now; Lucene / Solr later, same contract. */
public interface ArchiveSearch {

    /** Hits within the scope only: the backend applies it inside its own query. */
    Page<SearchHit> search(SearchQuery query, Scope scope);

    /** Puts (or replaces) one item's entry. */
    void index(SearchEntry entry);

    void clear();

    long size();

    /** True when entries lack what the current version needs (they are then rebuilt at start-up). */
    boolean needsRebuild();
}
