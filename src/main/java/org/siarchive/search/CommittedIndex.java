package org.siarchive.search;

import java.util.Map;

/**
 * An index whose writes become searchable and durable apart from the writes themselves (Lucene embedded, Solr):
 * {@link SearchIndexer} commits it every couple of seconds with its watermark, and a rebuild with its cursor.
 */
interface CommittedIndex {

    /** Makes recent writes searchable. */
    void refresh();

    /** Makes pending writes durable (and searchable), recording {@code userData} (watermark, rebuild cursor). */
    void commit(Map<String, String> userData);

    /** The metadata of the last commit, besides the layout. */
    Map<String, String> userData();

    /** Writes not yet committed. */
    boolean hasPendingWrites();

    /** Rewrites the index's files so that no removed item's terms or text are left in them. */
    void expungeDeletes();
}
