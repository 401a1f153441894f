package org.siarchive.search;

import static org.siarchive.search.LuceneDocuments.DISPLAY;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Scope;

/**
 * The search criteria ({@link QueryPlan}) as a Lucene query, and the highlighter for the snippets. The analysed
 * leaves use the index's own analyzers ({@link LuceneDocuments#analyzer}).
 */
final class LuceneQueries extends QueryPlan<Query> {

    private final Analyzer analyzer;
    private final Analyzer bigrams;

    LuceneQueries(Analyzer analyzer, Analyzer bigrams, Function<String, byte @Nullable []> idIndex) {
        super(idIndex);
        this.analyzer = analyzer;
        this.bigrams = bigrams;
    }

    @Nullable
    Highlighter highlighter(SearchQuery q) {
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
        return query(q, scope, true);
    }

    /**
     * A cheaper query to rank on (docs/adr/0123), or null when the whole query is as cheap: the same, but free text
     * without the bigram phrase of three characters or more, which Lucene cannot skip through. Its hits are hits of
     * the whole query, which then puts the best of them in order.
     */
    @Nullable
    Query ranking(SearchQuery q, Scope scope) {
        var texts = new ArrayList<String>(q.within());
        if (!SearchQuery.blank(q.text())) {
            texts.add(q.text());
        }
        boolean phrased = false;
        for (String t : texts) {
            phrased |= phrase(t.strip()) instanceof PhraseQuery;
        }
        return phrased ? query(q, scope, false) : null;
    }

    private Query query(SearchQuery q, Scope scope, boolean phrases) {
        var clauses = clauses(q, scope, phrases);
        var b = new BooleanQuery.Builder();
        clauses.filters().forEach(f -> b.add(f, Occur.FILTER));
        clauses.required().forEach(r -> b.add(r, Occur.MUST));
        if (clauses.required().isEmpty()) {
            b.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        return b.build();
    }

    @Override
    Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }

    @Override
    Query prefix(String field, String value) {
        return new PrefixQuery(new Term(field, value));
    }

    @Override
    Query anyTerm(String field, List<String> values) {
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    @Override
    Query atMost(String field, int max) {
        return IntPoint.newRangeQuery(field, Integer.MIN_VALUE, max);
    }

    @Override
    @Nullable
    Query phrase(String field, String text) {
        return new QueryBuilder(bigrams).createPhraseQuery(field, text);
    }

    @Override
    @Nullable
    Query allTerms(String field, String text) {
        return new QueryBuilder(analyzer).createBooleanQuery(field, text, Occur.MUST);
    }

    /** Every third gram and the last, at their offsets: together they cover each character of the key. */
    @Override
    Query codeGramPhrase(String key) {
        var phrase = new PhraseQuery.Builder();
        for (int at = 0; ; at += 3) {
            int start = Math.min(at, key.length() - 3);
            phrase.add(new Term(LuceneDocuments.CODE_GRAMS, key.substring(start, start + 3)), start);
            if (start == key.length() - 3) {
                break;
            }
        }
        return phrase.build();
    }

    @Override
    Query boost(Query query, float boost) {
        return new BoostQuery(query, boost);
    }

    @Override
    Query anyOf(List<Query> clauses) {
        var b = new BooleanQuery.Builder();
        clauses.forEach(c -> b.add(c, Occur.SHOULD));
        return b.build();
    }
}
