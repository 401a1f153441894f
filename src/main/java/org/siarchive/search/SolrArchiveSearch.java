package org.siarchive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.AbstractUpdateRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.request.json.JsonQueryRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrInputDocument;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Page;
import org.siarchive.shared.Scope;

/**
 * SolrCloud backend of the search port (docs/adr/0132): the same layout as the embedded Lucene backend
 * ({@link EntryFields}), the same criteria ({@link QueryPlan}), the same snippets (made here from the shown text, by
 * {@link LuceneSnippets}), over a sharded collection. Writes are sent in batches of {@link #BATCH} (and whatever is
 * waiting at each refresh, commit, removal or count) with {@code commitWithin}, so a write is searchable at most the
 * indexer's flush interval plus {@code commitWithin} after it was made; there is no read-your-writes between
 * instances. The index's state (layout, watermark, rebuild cursor) is one document, {@link #STATE}, that has no scope
 * fields and so is never a hit.
 */
final class SolrArchiveSearch implements ArchiveSearch, CommittedIndex {

    static final int BATCH = 500;
    /** The state document's id (item ids are UUIDs). */
    static final String STATE = "_state";
    /** Every item: everything but the state document. */
    static final String ITEMS = "*:* -id:" + STATE;

    private final SolrClient client;
    private final String collection;
    private final int commitWithinMillis;
    private final SolrDocuments documents;
    private final SolrQueries queries;
    private final LuceneQueries snippetQueries;
    private final Analyzer bigrams;
    private final List<SolrInputDocument> pending = new ArrayList<>();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AtomicBoolean unrefreshed = new AtomicBoolean();

    SolrArchiveSearch(
            SolrClient client, String collection, int commitWithinMillis, Function<String, byte @Nullable []> idIndex) {
        this.client = client;
        this.collection = collection;
        this.commitWithinMillis = commitWithinMillis;
        this.bigrams = LuceneDocuments.bigrams();
        var analyzer = LuceneDocuments.analyzer(bigrams);
        this.documents = new SolrDocuments(idIndex);
        this.queries = new SolrQueries(analyzer, bigrams, idIndex);
        this.snippetQueries = new LuceneQueries(analyzer, bigrams, idIndex);
    }

    // ---------------------------------------------------------------- writing

    @Override
    public void index(SearchEntry entry) {
        var doc = documents.build(entry);
        synchronized (pending) {
            pending.add(doc);
            if (pending.size() >= BATCH) {
                sendPending();
            }
        }
        written();
    }

    @Override
    public void remove(UUID itemId) {
        synchronized (pending) {
            sendPending();
            var delete = new UpdateRequest().deleteById(itemId.toString());
            delete.setCommitWithin(commitWithinMillis);
            send(delete);
        }
        written();
    }

    @Override
    public void clear() {
        synchronized (pending) {
            pending.clear();
            send(new UpdateRequest().deleteByQuery(ITEMS));
        }
        written();
        refresh();
    }

    /** Sends what waits, in the order it was written; the caller holds {@link #pending}. */
    private void sendPending() {
        if (!pending.isEmpty()) {
            var add = new UpdateRequest().add(pending);
            add.setCommitWithin(commitWithinMillis);
            send(add);
            pending.clear();
        }
    }

    private void written() {
        dirty.set(true);
        unrefreshed.set(true);
    }

    @Override
    public void refresh() {
        synchronized (pending) {
            sendPending();
        }
        if (unrefreshed.getAndSet(false)) {
            softCommit();
        }
    }

    /**
     * Sends what waits and the state document with {@code userData}, then makes both searchable. Durability is Solr's
     * (its update log, replayed after a crash, and the configset's hard commit every 15 s); the watermark lies five
     * minutes before the previous commit, well behind that.
     */
    @Override
    public void commit(Map<String, String> userData) {
        var state = new SolrInputDocument();
        state.addField(EntryFields.ID, STATE);
        state.addField("state_layout", EntryFields.LAYOUT);
        userData.forEach((k, v) -> state.addField("state_data", k + "=" + v));
        synchronized (pending) {
            dirty.set(false);
            pending.add(state);
            sendPending();
        }
        unrefreshed.set(false);
        softCommit();
    }

    @Override
    public Map<String, String> userData() {
        var out = new HashMap<String, String>();
        try {
            var state = client.getById(collection, STATE);
            if (state != null) {
                out.put("layout", String.valueOf(state.getFirstValue("state_layout")));
                var data = state.getFieldValues("state_data");
                for (Object kv : data == null ? List.of() : data) {
                    String s = kv.toString();
                    int eq = s.indexOf('=');
                    out.put(s.substring(0, eq), s.substring(eq + 1));
                }
            }
        } catch (SolrServerException | IOException e) {
            throw failed(e);
        }
        return out;
    }

    @Override
    public boolean hasPendingWrites() {
        return dirty.get();
    }

    @Override
    public void expungeDeletes() {
        var expunge = new UpdateRequest();
        expunge.setAction(AbstractUpdateRequest.ACTION.COMMIT, true, true);
        expunge.setParam("expungeDeletes", "true");
        refresh();
        send(expunge);
    }

    private void softCommit() {
        var commit = new UpdateRequest();
        commit.setAction(AbstractUpdateRequest.ACTION.COMMIT, true, true, true);
        send(commit);
    }

    private void send(UpdateRequest request) {
        try {
            request.process(client, collection);
        } catch (SolrServerException | IOException e) {
            throw failed(e);
        }
    }

    private static UncheckedIOException failed(Exception e) {
        return new UncheckedIOException(new IOException("search collection unavailable: " + e.getMessage(), e));
    }

    // ---------------------------------------------------------------- reading

    @Override
    public long size() {
        synchronized (pending) {
            sendPending();
        }
        return request(new JsonQueryRequest().setQuery(ITEMS).setLimit(0))
                .getResults()
                .getNumFound();
    }

    @Override
    public boolean needsRebuild() {
        var data = userData();
        return !EntryFields.LAYOUT.equals(data.get("layout")) || data.containsKey(SearchIndexer.CURSOR);
    }

    @Override
    public SearchResults search(SearchQuery q, Scope scope) {
        int size = Page.clampSize(q.size());
        int page = q.pageWithinWindow(size);
        var clauses = queries.clauses(q, scope, true);
        var request = new JsonQueryRequest()
                .setQuery(
                        clauses.required().isEmpty() ? SolrQueries.everything() : SolrQueries.allOf(clauses.required()))
                .setOffset(page * size)
                .setLimit(size)
                .setSort(q.byTime() ? "handled desc" : "score desc")
                .returnFields(SolrDocuments.SHOWN);
        clauses.filters().forEach(request::withFilter);
        for (String dim : SearchResults.DIMENSIONS) {
            // refined: each shard's count of a value is asked for when its top values did not include it
            request.withFacet(
                    dim, Map.of("type", "terms", "field", "f_" + dim, "limit", 50, "mincount", 1, "refine", true));
        }
        QueryResponse response = request(request);
        var snippets = new LuceneSnippets(snippetQueries, q, bigrams);
        var hits = new ArrayList<SearchHit>();
        for (var d : response.getResults()) {
            hits.add(SolrDocuments.hit(d, snippets.of((String) d.getFirstValue(EntryFields.DISPLAY))));
        }
        long total = response.getResults().getNumFound();
        return new SearchResults(new Page<>(hits, page, size, total), facets(response), false);
    }

    private static Map<String, List<SearchResults.FacetCount>> facets(QueryResponse response) {
        var out = new LinkedHashMap<String, List<SearchResults.FacetCount>>();
        var json = response.getJsonFacetingResponse();
        for (String dim : SearchResults.DIMENSIONS) {
            var list = new ArrayList<SearchResults.FacetCount>();
            var buckets = json == null ? null : json.getBucketBasedFacets(dim);
            if (buckets != null) {
                buckets.getBuckets()
                        .forEach(b -> list.add(new SearchResults.FacetCount(String.valueOf(b.getVal()), b.getCount())));
            }
            out.put(dim, list);
        }
        return out;
    }

    /** A query of the collection (a search; the terms component or all stored fields, for checking the index). */
    QueryResponse request(org.apache.solr.client.solrj.request.QueryRequest request) {
        try {
            return request.process(client, collection);
        } catch (SolrServerException | IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void close() {
        try {
            refresh();
        } finally {
            try {
                client.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
