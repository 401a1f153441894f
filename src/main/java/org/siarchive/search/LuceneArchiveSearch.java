package org.siarchive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
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
public class LuceneArchiveSearch implements ArchiveSearch, AutoCloseable {

    /** Bumped when the document layout changes: an index of another version is rebuilt. */
    static final String LAYOUT = "1";

    static final String ID = "id";
    static final String WORDS = "w";
    static final String BIGRAMS = "b";
    static final String DISPLAY = "display";

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
    private final FacetsConfig facets = new FacetsConfig();
    private final Analyzer analyzer;
    private final Analyzer bigrams;
    /** The keyed blind index of an ID number (HMAC-SM3 under the platform's index key). */
    private final java.util.function.Function<String, byte @Nullable []> idIndex;

    private final AtomicBoolean dirty = new AtomicBoolean();
    /** Writes a reader has not seen yet: the next search refreshes first (read-your-writes). */
    private final AtomicBoolean unrefreshed = new AtomicBoolean();

    public LuceneArchiveSearch(Path dir, java.util.function.Function<String, byte @Nullable []> idIndex) {
        this.idIndex = idIndex;
        this.bigrams = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                var source = new StandardTokenizer();
                var stream = new CJKBigramFilter(new LowerCaseFilter(new CJKWidthFilter(source)), 0xff, false);
                return new TokenStreamComponents(source, stream);
            }
        };
        this.analyzer =
                new PerFieldAnalyzerWrapper(new SmartChineseAnalyzer(), Map.of(BIGRAMS, bigrams, DISPLAY, bigrams));
        for (String dim : SearchResults.DIMENSIONS) {
            facets.setMultiValued(dim, false);
        }
        try {
            java.nio.file.Files.createDirectories(dir);
            this.directory = FSDirectory.open(dir);
            var config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(48);
            this.writer = new IndexWriter(directory, config);
            // searches use every core: a broad query's hits and facets are counted per segment slice in parallel
            this.searchers = new SearcherManager(writer, new org.apache.lucene.search.SearcherFactory() {
                @Override
                public org.apache.lucene.search.IndexSearcher newSearcher(
                        org.apache.lucene.index.IndexReader reader, org.apache.lucene.index.IndexReader previous) {
                    return new org.apache.lucene.search.IndexSearcher(reader, SEARCH_THREADS);
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
            writer.updateDocument(new Term(ID, e.itemId().toString()), facets.build(document(e)));
            dirty.set(true);
            unrefreshed.set(true);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private Document document(SearchEntry e) {
        var d = new Document();
        d.add(new StringField(ID, e.itemId().toString(), Field.Store.YES));
        d.add(new StringField("code", e.archiveCode(), Field.Store.YES));
        d.add(new StoredField("title", e.title()));
        d.add(new StoredField("category_code", e.categoryCode()));
        d.add(new StoredField("step_code", e.stepCode()));
        d.add(new StoredField("year_value", e.year()));
        if (e.insuranceType() != null) {
            d.add(new StoredField("insurance_type", e.insuranceType()));
        }
        long handled = e.handledAt().toInstant().toEpochMilli();
        d.add(new StoredField("handled", handled));
        d.add(new NumericDocValuesField("handled", handled));
        if (e.personName() != null && !e.personName().isBlank()) {
            String name = ChineseText.fold(e.personName().strip());
            d.add(new StoredField("person", e.personName()));
            d.add(new StringField("name", name, Field.Store.NO));
            d.add(new StringField("name_py", ChineseText.pinyin(name), Field.Store.NO));
            d.add(new StringField("name_ini", ChineseText.initials(name), Field.Store.NO));
        }
        if (e.employerName() != null) {
            d.add(new StoredField("employer", e.employerName()));
            d.add(new StringField("name", ChineseText.fold(e.employerName().strip()), Field.Store.NO));
        }
        if (e.certNoIndex() != null) {
            d.add(new StringField("cert", PersonalDigits.token(e.certNoIndex()), Field.Store.NO));
        }
        if (e.creditCode() != null) {
            d.add(new StringField("credit", e.creditCode(), Field.Store.NO));
        }
        if (e.acceptanceNo() != null) {
            d.add(new StringField("acceptance", e.acceptanceNo(), Field.Store.NO));
        }
        // scope
        d.add(new StringField("org", e.orgPath(), Field.Store.NO));
        d.add(new StringField("fonds", Long.toString(e.fondsId()), Field.Store.NO));
        d.add(new IntPoint("clearance", e.clearance()));
        // full text: title, names and recognised text, folded to simplified, personal numbers tokenised
        String names = String.join(
                " ", e.personName() == null ? "" : e.personName(), e.employerName() == null ? "" : e.employerName());
        String body = ChineseText.fold(e.title() + "\n" + names + "\n" + PersonalDigits.forIndex(e.text(), idIndex));
        d.add(new TextField(WORDS, body, Field.Store.NO));
        d.add(new TextField(BIGRAMS, body, Field.Store.NO));
        String shown = PersonalDigits.forDisplay(e.text());
        d.add(new StoredField(DISPLAY, shown.length() > 20_000 ? shown.substring(0, 20_000) : shown));
        // facets (and the same values as exact fields, for drilling down)
        facet(d, "category", e.categoryCode());
        facet(d, "year", Integer.toString(e.year()));
        facet(d, "insurance", e.insuranceType());
        facet(d, "step", e.stepCode());
        facet(d, "organisation", e.organisation());
        facet(d, "retention", e.retentionCode());
        facet(d, "status", e.status());
        return d;
    }

    private static void facet(Document d, String dim, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        d.add(new SortedSetDocValuesFacetField(dim, value));
        d.add(new StringField("f_" + dim, value, Field.Store.NO));
    }

    /** Makes recent writes searchable; called after each batch of writes and by the refresher. */
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
    public synchronized void commit(Map<String, String> userData) {
        try {
            var data = new HashMap<>(userData);
            data.put("layout", LAYOUT);
            dirty.set(false);
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
            refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The metadata of the last commit. */
    public Map<String, String> userData() {
        var out = new HashMap<String, String>();
        var live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(en -> out.put(en.getKey(), en.getValue()));
        }
        return out;
    }

    public boolean hasPendingWrites() {
        return dirty.get();
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
        return !LAYOUT.equals(userData().get("layout")) || userData().containsKey("rebuild-cursor");
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

    @Override
    public SearchResults search(SearchQuery q, Scope scope) {
        int size = Page.clampSize(q.size());
        int page = Math.max(0, q.page());
        Query query = query(q, scope);
        if (unrefreshed.get()) {
            refresh();
        }
        try {
            var searcher = searchers.acquire();
            try {
                int wanted = (page + 1) * size;
                var top = q.byTime()
                        ? new TopFieldCollectorManager(
                                new Sort(new SortField("handled", SortField.Type.LONG, true)),
                                wanted,
                                Integer.MAX_VALUE)
                        : new TopScoreDocCollectorManager(wanted, Integer.MAX_VALUE);
                var both = new MultiCollectorManager(top, new FacetsCollectorManager());
                Object[] results = searcher.search(query, both);
                TopDocs docs = (TopDocs) results[0];
                FacetsCollector fc = (FacetsCollector) results[1];
                var hits = new ArrayList<SearchHit>();
                Highlighter highlighter = highlighter(q);
                ScoreDoc[] sd = docs.scoreDocs;
                for (int i = page * size; i < sd.length && i < wanted; i++) {
                    hits.add(hit(searcher.storedFields().document(sd[i].doc), highlighter));
                }
                long total = docs.totalHits.value;
                return new SearchResults(new Page<>(hits, page, size, total), facetCounts(searcher, fc));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, List<SearchResults.FacetCount>> facetCounts(
            org.apache.lucene.search.IndexSearcher searcher, FacetsCollector fc) throws IOException {
        var out = new LinkedHashMap<String, List<SearchResults.FacetCount>>();
        DefaultSortedSetDocValuesReaderState state;
        try {
            state = facetState(searcher.getIndexReader());
        } catch (IllegalArgumentException noFacetsYet) {
            return out;
        }
        var counts = new SortedSetDocValuesFacetCounts(state, fc);
        for (String dim : SearchResults.DIMENSIONS) {
            FacetResult r;
            try {
                r = counts.getTopChildren(50, dim);
            } catch (IllegalArgumentException notIndexed) {
                r = null;
            }
            var list = new ArrayList<SearchResults.FacetCount>();
            if (r != null) {
                for (var lv : r.labelValues) {
                    list.add(new SearchResults.FacetCount(lv.label, lv.value.longValue()));
                }
            }
            out.put(dim, list);
        }
        return out;
    }

    private org.apache.lucene.index.@Nullable IndexReader stateReader;
    private @Nullable DefaultSortedSetDocValuesReaderState state;

    /** The facet ordinals of a reader, built once per reader (building them costs a pass over the values). */
    private synchronized DefaultSortedSetDocValuesReaderState facetState(org.apache.lucene.index.IndexReader reader)
            throws IOException {
        if (state == null || stateReader != reader) {
            state = new DefaultSortedSetDocValuesReaderState(reader, facets);
            stateReader = reader;
        }
        return state;
    }

    private SearchHit hit(Document d, @Nullable Highlighter highlighter) {
        String snippet = null;
        String shown = d.get(DISPLAY);
        if (highlighter != null && shown != null && !shown.isEmpty()) {
            try {
                String folded = ChineseText.fold(shown);
                snippet = highlighter.getBestFragment(bigrams, DISPLAY, folded);
            } catch (IOException | org.apache.lucene.search.highlight.InvalidTokenOffsetsException e) {
                snippet = null;
            }
        }
        var year = d.getField("year_value");
        var handled = d.getField("handled");
        return new SearchHit(
                UUID.fromString(d.get(ID)),
                d.get("code"),
                d.get("title"),
                d.get("person"),
                d.get("employer"),
                d.get("category_code"),
                d.get("step_code"),
                d.get("insurance_type"),
                year == null ? 0 : year.numericValue().intValue(),
                OffsetDateTime.ofInstant(
                        Instant.ofEpochMilli(
                                handled == null ? 0 : handled.numericValue().longValue()),
                        ZoneOffset.ofHours(8)),
                snippet);
    }

    private @Nullable Highlighter highlighter(SearchQuery q) {
        var texts = new ArrayList<String>();
        if (!SearchQuery.blank(q.text())) {
            texts.add(q.text());
        }
        texts.addAll(q.within());
        if (texts.isEmpty()) {
            return null;
        }
        var b = new BooleanQuery.Builder();
        var builder = new QueryBuilder(bigrams);
        for (String t : texts) {
            Query p = builder.createBooleanQuery(DISPLAY, ChineseText.fold(t.strip()));
            if (p != null) {
                b.add(p, Occur.SHOULD);
            }
        }
        var h = new Highlighter(
                new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), new QueryScorer(b.build()));
        h.setTextFragmenter(new org.apache.lucene.search.highlight.SimpleFragmenter(80));
        return h;
    }

    /** The whole query: scope filters, then every criterion as a required clause. */
    Query query(SearchQuery q, Scope scope) {
        var b = new BooleanQuery.Builder();
        // scope: organisation subtree, allowed fonds, clearance (filters: they do not change scores)
        b.add(new PrefixQuery(new Term("org", scope.orgPath())), Occur.FILTER);
        if (!scope.allFonds()) {
            var fonds = new ArrayList<BytesRef>();
            for (Long f : scope.fondsArray()) {
                fonds.add(new BytesRef(Long.toString(f)));
            }
            b.add(new TermInSetQuery("fonds", fonds), Occur.FILTER);
        }
        b.add(IntPoint.newRangeQuery("clearance", Integer.MIN_VALUE, scope.clearance()), Occur.FILTER);
        boolean scored = false;
        if (!SearchQuery.blank(q.text())) {
            b.add(text(q.text().strip()), Occur.MUST);
            scored = true;
        }
        for (String w : q.within()) {
            b.add(text(w), Occur.MUST);
            scored = true;
        }
        if (!SearchQuery.blank(q.name())) {
            b.add(name(q.name().strip()), Occur.FILTER);
        }
        if (!SearchQuery.blank(q.idNumber())) {
            String key = q.idNumber().strip().toUpperCase(Locale.ROOT);
            var id = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term("cert", idToken(key))), Occur.SHOULD)
                    .add(new TermQuery(new Term("credit", key)), Occur.SHOULD)
                    .build();
            b.add(id, Occur.FILTER);
        }
        if (!SearchQuery.blank(q.archiveCode())) {
            b.add(new PrefixQuery(new Term("code", q.archiveCode().strip())), Occur.FILTER);
        }
        filter(b, "category", q.category());
        filter(b, "year", q.year() == null ? null : Integer.toString(q.year()));
        filter(b, "insurance", q.insuranceType());
        filter(b, "step", q.step());
        filter(b, "organisation", q.organisation());
        filter(b, "retention", q.retention());
        filter(b, "status", q.status());
        if (!scored) {
            b.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        return b.build();
    }

    private static void filter(BooleanQuery.Builder b, String dim, @Nullable String value) {
        if (!SearchQuery.blank(value)) {
            b.add(new TermQuery(new Term("f_" + dim, value.strip())), Occur.FILTER);
        }
    }

    private String idToken(String idNumber) {
        return PersonalDigits.token(idIndex.apply(idNumber));
    }

    /** A name in characters (exact), or in pinyin / initials when the query is Latin letters. */
    private Query name(String s) {
        if (ChineseText.latinLetters(s)) {
            String lower = s.toLowerCase(Locale.ROOT);
            return new BooleanQuery.Builder()
                    .add(new TermQuery(new Term("name_ini", lower)), Occur.SHOULD)
                    .add(new PrefixQuery(new Term("name_py", lower)), Occur.SHOULD)
                    .build();
        }
        String folded = ChineseText.fold(s);
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term("name", folded)), Occur.SHOULD)
                .add(new PrefixQuery(new Term("name", folded)), Occur.SHOULD)
                .build();
    }

    /**
     * Free text. An ID number matches its token (in the person field and in recognised text), a 档号 or 业务受理号
     * matches exactly, Latin letters match name pinyin or initials; otherwise the words: the bigram phrase
     * (recall: 保险 inside 保险金) or the smartcn words (precision, boosted), plus a name equal to the text.
     */
    private Query text(String raw) {
        String s = raw.strip();
        var any = new BooleanQuery.Builder();
        String upper = s.toUpperCase(Locale.ROOT);
        if (PersonalDigits.ID.matcher(upper).matches()) {
            String token = idToken(upper);
            any.add(new TermQuery(new Term("cert", token)), Occur.SHOULD);
            any.add(new TermQuery(new Term(BIGRAMS, token)), Occur.SHOULD);
            any.add(new TermQuery(new Term("credit", upper)), Occur.SHOULD);
            return any.build();
        }
        any.add(new BoostQuery(new TermQuery(new Term("code", s)), 10f), Occur.SHOULD);
        any.add(new BoostQuery(new TermQuery(new Term("acceptance", s)), 10f), Occur.SHOULD);
        any.add(new TermQuery(new Term("credit", upper)), Occur.SHOULD);
        if (s.contains("·") || s.contains("-")) {
            any.add(new BoostQuery(new PrefixQuery(new Term("code", s)), 5f), Occur.SHOULD);
        }
        if (ChineseText.latinLetters(s)) {
            any.add(new BoostQuery(name(s), 5f), Occur.SHOULD);
            return any.build();
        }
        String folded = ChineseText.fold(s);
        any.add(new BoostQuery(new TermQuery(new Term("name", folded)), 5f), Occur.SHOULD);
        Query phrase = new QueryBuilder(bigrams).createPhraseQuery(BIGRAMS, folded);
        if (phrase != null) {
            any.add(phrase, Occur.SHOULD);
        }
        Query words = new QueryBuilder(analyzer).createBooleanQuery(WORDS, folded, Occur.MUST);
        if (words != null) {
            any.add(new BoostQuery(words, 2f), Occur.SHOULD);
        }
        return any.build();
    }
}
