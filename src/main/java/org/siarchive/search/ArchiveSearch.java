package org.siarchive.search;

import org.siarchive.shared.Scope;

/**
 * The search port. Backends: embedded Lucene (default), SolrCloud (docs/adr/0132) and SQL over a derived table; the
 * full-text ones behave alike ({@code SearchBehaviourSuite}).
 */
public interface ArchiveSearch extends AutoCloseable {

    /** Hits within the scope only (the backend applies it inside its own query), with facet counts. */
    SearchResults search(SearchQuery query, Scope scope);

    /** Puts (or replaces) one item's entry. */
    void index(SearchEntry entry);

    /** Drops one item's entry; nothing happens when there is none. */
    void remove(java.util.UUID itemId);

    void clear();

    long size();

    /** True when entries lack what the current version needs (they are then rebuilt at start-up). */
    boolean needsRebuild();

    @Override
    default void close() {}
}
