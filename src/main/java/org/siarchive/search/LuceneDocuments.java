package org.siarchive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.ArchiveCodeInput;

/**
 * The index's document layout: which fields an item becomes (words and bigrams over folded text with
 * personal numbers tokenised, exact fields, names with pinyin, scope, facets, sort), and the analyzers
 * of the text fields. Changing the layout means bumping {@link #LAYOUT}, which rebuilds old indexes.
 */
final class LuceneDocuments {

    /** Bumped when the document layout changes: an index of another version is rebuilt. */
    static final String LAYOUT = "4";

    static final String ID = "id";
    static final String WORDS = "w";
    static final String BIGRAMS = "b";
    static final String DISPLAY = "display";
    /**
     * The 档号's typing key as overlapping three-character grams, one position each, the key padded with two
     * {@link #CODE_END}s so that every character of the key starts a gram: a substring of the key is a phrase of its
     * grams, or (one or two characters) a prefix of one gram (docs/adr/0128).
     */
    static final String CODE_GRAMS = "code_g3";
    /** Pads the key's end: a private-use character, never typed, so no typed key matches across the end. */
    static final char CODE_END = '\uE000';

    private final FacetsConfig facets = new FacetsConfig();
    /** The keyed blind index of an ID number (HMAC-SM3 under the platform's index key). */
    private final Function<String, byte @Nullable []> idIndex;

    LuceneDocuments(Function<String, byte @Nullable []> idIndex) {
        this.idIndex = idIndex;
        for (String dim : SearchResults.DIMENSIONS) {
            facets.setMultiValued(dim, false);
            // drilling down is a term of the f_ field (LuceneQueries.filter): the facet module's own drill-down terms
            // would be two more terms per dimension and document that nothing reads (docs/adr/0128)
            facets.setDrillDownTermsIndexing(dim, FacetsConfig.DrillDownTermsIndexing.NONE);
        }
    }

    FacetsConfig facets() {
        return facets;
    }

    /** CJK bigrams over width-folded, lower-cased standard tokens (Latin and digit runs stay whole). */
    static Analyzer bigrams() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                var source = new StandardTokenizer();
                var stream = new CJKBigramFilter(new LowerCaseFilter(new CJKWidthFilter(source)), 0xff, false);
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    /** smartcn words by default, bigrams for the bigram and display fields, grams of three for the 档号 key. */
    static Analyzer analyzer(Analyzer bigrams) {
        return new PerFieldAnalyzerWrapper(
                new SmartChineseAnalyzer(), Map.of(BIGRAMS, bigrams, DISPLAY, bigrams, CODE_GRAMS, codeGrams()));
    }

    /** Every three consecutive characters of the (already folded) key, in order, one position apart. */
    static Analyzer codeGrams() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                return new TokenStreamComponents(new NGramTokenizer(3, 3));
            }
        };
    }

    /** The item as an index document, facet fields built. */
    Document build(SearchEntry e) {
        try {
            return facets.build(document(e));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private Document document(SearchEntry e) {
        var d = new Document();
        d.add(new StringField(ID, e.itemId().toString(), Field.Store.YES));
        d.add(new StringField("code", e.archiveCode(), Field.Store.YES));
        codeGrams(d, e.archiveCode());
        d.add(new StoredField("title", e.title()));
        d.add(new StoredField("category_code", e.categoryCode()));
        d.add(new StoredField("step_code", e.stepCode()));
        d.add(new StoredField("year_value", e.year()));
        if (e.insuranceType() != null) {
            d.add(new StoredField("insurance_type", e.insuranceType()));
        }
        directoryColumns(d, e);
        long handled = e.handledAt().toInstant().toEpochMilli();
        d.add(new StoredField("handled", handled));
        d.add(new NumericDocValuesField("handled", handled));
        parties(d, e);
        // scope
        d.add(new StringField("org", e.orgPath(), Field.Store.NO));
        d.add(new StringField("fonds", Long.toString(e.fondsId()), Field.Store.NO));
        d.add(new IntPoint("clearance", e.clearance()));
        // full text: title, names and recognised text, folded to simplified; an ID number is its blind-index token in
        // the bigram field (one token there, what an ID query looks up) and left out of the words, where smartcn would
        // cut the token into some 25 one-character terms that every query for a letter or digit would match
        // (docs/adr/0130); other personal numbers masked in both
        String names = String.join(
                " ", e.personName() == null ? "" : e.personName(), e.employerName() == null ? "" : e.employerName());
        String head = e.title() + "\n" + names + "\n";
        d.add(new TextField(WORDS, ChineseText.fold(head + PersonalDigits.withoutIds(e.text())), Field.Store.NO));
        d.add(new TextField(
                BIGRAMS, ChineseText.fold(head + PersonalDigits.forIndex(e.text(), idIndex)), Field.Store.NO));
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

    /** The person's and employer's names (folded, in pinyin and initials) and keys, as exact fields. */
    private static void parties(Document d, SearchEntry e) {
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
    }

    /**
     * The 档号 as people type it ({@link ArchiveCodeInput#key}: "-" for every separator, full-width folded) as grams
     * of three, so that a typed key is found anywhere in the code: a few dozen distinct grams across a fonds, where
     * every suffix of every code was a term of its own (docs/adr/0128).
     */
    private static void codeGrams(Document d, String archiveCode) {
        String key = ArchiveCodeInput.key(archiveCode);
        if (!key.isEmpty()) {
            d.add(new TextField(CODE_GRAMS, key + CODE_END + CODE_END, Field.Store.NO));
        }
    }

    /** What the result list and the 目录 register show besides the title: 责任者, 日期, 保管期限, 密级, 页数. */
    private static void directoryColumns(Document d, SearchEntry e) {
        stored(d, "responsible", e.responsible());
        stored(d, "doc_date", e.docDate() == null ? null : e.docDate().toString());
        stored(d, "retention_code", e.retentionCode());
        d.add(new StoredField("security_level", e.clearance()));
        if (e.pageCount() != null) {
            d.add(new StoredField("page_count", e.pageCount()));
        }
    }

    private static void stored(Document d, String field, @Nullable String value) {
        if (value != null) {
            d.add(new StoredField(field, value));
        }
    }

    private static void facet(Document d, String dim, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        d.add(new SortedSetDocValuesFacetField(dim, value));
        d.add(new StringField("f_" + dim, value, Field.Store.NO));
    }

    /** A found document as a hit, with its snippet. */
    static SearchHit hit(Document d, @Nullable String snippet) {
        var year = d.getField("year_value");
        var handled = d.getField("handled");
        Integer level = number(d, "security_level");
        String docDate = d.get("doc_date");
        return new SearchHit(
                UUID.fromString(d.get(LuceneDocuments.ID)),
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
                        // an instant; it becomes people's time where it is shown (ConsoleFormats)
                        ZoneOffset.UTC),
                snippet,
                d.get("responsible"),
                docDate == null ? null : java.time.LocalDate.parse(docDate),
                d.get("retention_code"),
                level == null ? null : level.toString(),
                number(d, "page_count"));
    }

    private static @Nullable Integer number(Document d, String field) {
        var f = d.getField(field);
        return f == null ? null : f.numericValue().intValue();
    }
}
