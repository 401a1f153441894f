package org.siarchive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
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

/**
 * The index layout ({@link EntryFields}) as Lucene documents, and the analyzers of the text fields; the Solr
 * configset's field types ({@code solr/siarchive/conf/schema.xml}) are the same chains built from Solr's factories.
 */
final class LuceneDocuments {

    static final String LAYOUT = EntryFields.LAYOUT;
    static final String ID = EntryFields.ID;
    static final String WORDS = EntryFields.WORDS;
    static final String BIGRAMS = EntryFields.BIGRAMS;
    static final String DISPLAY = EntryFields.DISPLAY;
    static final String CODE_GRAMS = EntryFields.CODE_GRAMS;
    static final char CODE_END = EntryFields.CODE_END;

    private final FacetsConfig facets = new FacetsConfig();
    private final EntryFields fields;

    LuceneDocuments(Function<String, byte @Nullable []> idIndex) {
        this.fields = new EntryFields(idIndex);
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
        var d = new Document();
        fields.write(e, new Fields(d));
        try {
            return facets.build(d);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Each kind of field as Lucene's field classes. */
    private record Fields(Document d) implements IndexFields {

        @Override
        public void key(String name, String value) {
            d.add(new StringField(name, value, Field.Store.YES));
        }

        @Override
        public void exact(String name, String value) {
            d.add(new StringField(name, value, Field.Store.NO));
        }

        @Override
        public void stored(String name, String value) {
            d.add(new StoredField(name, value));
        }

        @Override
        public void storedNumber(String name, int value) {
            d.add(new StoredField(name, value));
        }

        @Override
        public void time(String name, long epochMillis) {
            d.add(new StoredField(name, epochMillis));
            d.add(new NumericDocValuesField(name, epochMillis));
        }

        @Override
        public void clearance(String name, int level) {
            d.add(new IntPoint(name, level));
        }

        @Override
        public void text(String name, String value) {
            d.add(new TextField(name, value, Field.Store.NO));
        }

        @Override
        public void facet(String dimension, String value) {
            d.add(new SortedSetDocValuesFacetField(dimension, value));
            d.add(new StringField("f_" + dimension, value, Field.Store.NO));
        }
    }

    /** A found document as a hit, with its snippet. */
    static SearchHit hit(Document d, @Nullable String snippet) {
        return EntryFields.hit(
                field -> {
                    var f = d.getField(field);
                    if (f == null) {
                        return null;
                    }
                    return f.numericValue() != null ? f.numericValue() : f.stringValue();
                },
                snippet);
    }
}
