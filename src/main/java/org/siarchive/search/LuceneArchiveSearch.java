package org.siarchive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Page;
import org.siarchive.shared.Scope;

/**
 * Embedded Lucene backend of the search port. Every item is one document with: a smartcn word field and
 * a CJK bigram field over its title, names and recognised text (traditional characters folded to
 * simplified on both sides, so 保险 also finds 保险金 and 養老 finds 养老); exact fields for 档号 (also as a
 * prefix), the ID number's blind-index token, the credit code and the 业务受理号; the person's name with its
 * pinyin and initials; the scope attributes (organisation path, fonds, 密级) that every query filters on;
 * facet values; and the handling time for sorting. Personal numbers in the text are tokenised or masked
 * before indexing ({@link PersonalDigits}). Writes become visible within a second (near-real-time reader)
 * and durable at the next commit; the commit records the catalogue watermark so a restart re-indexes what
 * a crash may have lost.
 */
public class LuceneArchiveSearch implements ArchiveSearch, CommittedIndex, AutoCloseable {

    /** Shared by every index of this JVM: one thread per core, daemon, for searching segment slices. */
    private static final java.util.concurrent.ExecutorService SEARCH_THREADS =
            java.util.concurrent.Executors.newFixedThreadPool(
                    Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
                        var t = new Thread(r, "search-slice");
                        t.setDaemon(true);
                        return t;
                    });

    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer bigrams;
    private final LuceneDocuments documents;
    private final LuceneQueries queries;
    private final LuceneFacets facets;

    /** How many matching candidates a count of very many hits samples (docs/adr/0115). */
    private volatile long sample = LuceneHits.SAMPLE;

    private final AtomicBoolean dirty = new AtomicBoolean();
    /** Writes a reader has not seen yet: the next search refreshes first (read-your-writes). */
    private final AtomicBoolean unrefreshed = new AtomicBoolean();

    public LuceneArchiveSearch(Path dir, java.util.function.Function<String, byte @Nullable []> idIndex) {
        this.bigrams = LuceneDocuments.bigrams();
        var analyzer = LuceneDocuments.analyzer(bigrams);
        this.documents = new LuceneDocuments(idIndex);
        this.queries = new LuceneQueries(analyzer, bigrams, idIndex);
        this.facets = new LuceneFacets(documents.facets());
        try {
            java.nio.file.Files.createDirectories(dir);
            this.directory = FSDirectory.open(dir);
            var config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(48);
            // an expunge rewrites every segment holding a deleted document, however few (docs/adr/0070)
            var merges = new org.apache.lucene.index.TieredMergePolicy();
            merges.setForceMergeDeletesPctAllowed(0.0);
            config.setMergePolicy(merges);
            this.writer = new IndexWriter(directory, config);
            // searches use every core: a broad query's hits and facets are counted per segment slice in parallel
            this.searchers = new SearcherManager(writer, new org.apache.lucene.search.SearcherFactory() {
                @Override
                public org.apache.lucene.search.IndexSearcher newSearcher(
                        org.apache.lucene.index.IndexReader reader, org.apache.lucene.index.IndexReader previous) {
                    return ScopeFilters.cached(new org.apache.lucene.search.IndexSearcher(reader, SEARCH_THREADS));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- writing

    @Override
    public void index(SearchEntry e) {
        try {
            writer.updateDocument(new Term(LuceneDocuments.ID, e.itemId().toString()), documents.build(e));
            dirty.set(true);
            unrefreshed.set(true);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void remove(java.util.UUID itemId) {
        try {
            writer.deleteDocuments(new Term(LuceneDocuments.ID, itemId.toString()));
            dirty.set(true);
            unrefreshed.set(true);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Rewrites the segments that hold deleted documents, so no segment file keeps a removed item's terms or
     * stored text; durable at the next {@link #commit}, after which the old files are deleted.
     */
    @Override
    public void expungeDeletes() {
        try {
            // a segment with many deletes may already be in a merge of the writer's own (the merge policy reclaims
            // deletes on flush): it is not registered again and forceMergeDeletes does not wait for it — so wait for
            // every merge to end and ask again until no segment holds a deleted document (bounded)
            for (int round = 0; round < 5; round++) {
                writer.forceMergeDeletes(true);
                awaitMerges();
                var stats = writer.getDocStats();
                if (stats.maxDoc == stats.numDocs) {
                    break;
                }
            }
            dirty.set(true);
            unrefreshed.set(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitMerges() {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while ((writer.hasPendingMerges() || !writer.getMergingSegments().isEmpty()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Makes recent writes searchable; called after each batch of writes and by the refresher. */
    @Override
    public void refresh() {
        try {
            unrefreshed.set(false);
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes pending writes durable, recording {@code userData} (watermark, rebuild cursor) as the commit's
     * whole metadata besides the layout version.
     */
    @Override
    public synchronized void commit(Map<String, String> userData) {
        try {
            var data = new HashMap<>(userData);
            data.put("layout", LuceneDocuments.LAYOUT);
            dirty.set(false);
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
            refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The metadata of the last commit. */
    @Override
    public Map<String, String> userData() {
        var out = new HashMap<String, String>();
        var live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(en -> out.put(en.getKey(), en.getValue()));
        }
        return out;
    }

    /** Writes or merges not yet committed (a merge the writer ran by itself counts: its result must be durable). */
    @Override
    public boolean hasPendingWrites() {
        return dirty.get() || writer.hasUncommittedChanges();
    }

    @Override
    public void clear() {
        try {
            writer.deleteAll();
            dirty.set(true);
            refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long size() {
        try {
            var s = searchers.acquire();
            try {
                return s.getIndexReader().numDocs();
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean needsRebuild() {
        return !LuceneDocuments.LAYOUT.equals(userData().get("layout"))
                || userData().containsKey("rebuild-cursor");
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- searching

    /** Test hook: a smaller sample, so a test corpus of thousands is estimated rather than counted whole. */
    void sample(long candidates) {
        this.sample = candidates;
    }

    @Override
    public SearchResults search(SearchQuery q, Scope scope) {
        int size = Page.clampSize(q.size());
        int page = q.pageWithinWindow(size);
        Query query = queries.query(q, scope);
        Query ranking = q.byTime() ? null : queries.ranking(q, scope);
        if (unrefreshed.get()) {
            refresh();
        }
        try {
            var searcher = searchers.acquire();
            try {
                int wanted = (page + 1) * size;
                var found = LuceneHits.search(searcher, query, ranking, q.byTime(), wanted, sample);
                var hits = new ArrayList<SearchHit>();
                // snippets for the page shown only, from its stored text
                var snippets = new LuceneSnippets(queries, q, bigrams);
                ScoreDoc[] sd = found.top().scoreDocs;
                var stored = searcher.storedFields();
                for (int i = page * size; i < sd.length && i < wanted; i++) {
                    Document d = stored.document(sd[i].doc);
                    hits.add(LuceneDocuments.hit(d, snippets.of(d.get(LuceneDocuments.DISPLAY))));
                }
                return new SearchResults(
                        new Page<>(hits, page, size, found.total()),
                        facets.counts(searcher, found.facets(), found.scale()),
                        found.approximate());
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
