package org.siarchive.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.jspecify.annotations.Nullable;

/**
 * The search criteria ({@link QueryPlan}) in Solr's JSON query DSL: each leaf one of Solr's query parsers ({@code
 * term}, {@code prefix}, {@code terms}, {@code field}), clauses a {@code bool}. The words are analysed here, with the
 * same analyzer as the collection's {@code w} field, and sent as their terms; a phrase is sent as text for the {@code
 * field} parser, which analyses it with the field's own chain (the same as {@link LuceneDocuments#bigrams}) — the
 * local analysis only tells whether the text has any term at all, as the Lucene backend's does.
 */
final class SolrQueries extends QueryPlan<Map<String, Object>> {

    private final Analyzer analyzer;
    private final Analyzer bigrams;

    SolrQueries(Analyzer analyzer, Analyzer bigrams, Function<String, byte @Nullable []> idIndex) {
        super(idIndex);
        this.analyzer = analyzer;
        this.bigrams = bigrams;
    }

    /** Every item: the query of a search without free text. */
    static Map<String, Object> everything() {
        return Map.of("lucene", Map.of("query", "*:*"));
    }

    /** All the clauses, each required. */
    static Map<String, Object> allOf(List<Map<String, Object>> clauses) {
        return Map.of("bool", Map.of("must", clauses));
    }

    @Override
    Map<String, Object> term(String field, String value) {
        return Map.of("term", Map.of("f", field, "query", value));
    }

    @Override
    Map<String, Object> prefix(String field, String value) {
        return Map.of("prefix", Map.of("f", field, "query", value));
    }

    @Override
    Map<String, Object> anyTerm(String field, List<String> values) {
        if (values.isEmpty()) {
            return term(field, "-"); // no value at all: a term no item holds (fonds are numbers)
        }
        return Map.of("terms", Map.of("f", field, "query", String.join(",", values)));
    }

    @Override
    Map<String, Object> atMost(String field, int max) {
        return Map.of("lucene", Map.of("query", field + ":[* TO " + max + "]"));
    }

    @Override
    @Nullable
    Map<String, Object> phrase(String field, String text) {
        Query local = new QueryBuilder(bigrams).createPhraseQuery(field, text);
        if (local == null) {
            return null;
        }
        if (local instanceof TermQuery t) {
            return term(field, t.getTerm().text());
        }
        return Map.of("field", Map.of("f", field, "query", text));
    }

    @Override
    @Nullable
    Map<String, Object> allTerms(String field, String text) {
        Query local = new QueryBuilder(analyzer).createBooleanQuery(field, text, BooleanClause.Occur.MUST);
        return local == null ? null : terms(local);
    }

    /** A query of the word analyzer's (a term, or terms all required, or terms at one position) as the DSL's. */
    private Map<String, Object> terms(Query local) {
        if (local instanceof TermQuery t) {
            return term(t.getTerm().field(), t.getTerm().text());
        }
        if (local instanceof BooleanQuery b) {
            var must = new ArrayList<Map<String, Object>>();
            var should = new ArrayList<Map<String, Object>>();
            for (var c : b.clauses()) {
                (c.getOccur() == BooleanClause.Occur.MUST ? must : should).add(terms(c.getQuery()));
            }
            return should.isEmpty() ? allOf(must) : anyOf(should);
        }
        if (local instanceof org.apache.lucene.search.SynonymQuery s) {
            return anyOf(
                    s.getTerms().stream().map(t -> term(t.field(), t.text())).toList());
        }
        throw new IllegalStateException("the word analyzer made a query of another kind: " + local);
    }

    @Override
    Map<String, Object> codeGramPhrase(String key) {
        // the field's n-gram tokenizer makes every gram of the key, one position apart: the same items as every
        // third gram at its offset (LuceneQueries), since either covers each character of the key
        return Map.of("field", Map.of("f", EntryFields.CODE_GRAMS, "query", key));
    }

    @Override
    Map<String, Object> boost(Map<String, Object> query, float boost) {
        return Map.of("boost", Map.of("query", query, "b", Float.toString(boost)));
    }

    @Override
    Map<String, Object> anyOf(List<Map<String, Object>> clauses) {
        return Map.of("bool", Map.of("should", clauses));
    }
}
