package org.siarchive.search;

import org.siarchive.shared.Page;

/** The search port. Backends: SQL over the derived table now; Lucene / Solr later, same contract. */
public interface ArchiveSearch {

    Page<SearchHit> search(SearchQuery query);

    /** Puts (or replaces) one item's entry. */
    void index(SearchEntry entry);

    void clear();

    long size();
}
