package org.siarchive.search;

import static org.siarchive.search.LuceneDocuments.BIGRAMS;
import static org.siarchive.search.LuceneDocuments.DISPLAY;
import static org.siarchive.search.LuceneDocuments.WORDS;

import java.util.ArrayList;
import java.util.Locale;
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
import org.siarchive.catalog.ArchiveCodeInput;
import org.siarchive.shared.Scope;

/**
 * Turns search criteria into a Lucene query over the layout of {@link LuceneDocuments}: the reader's scope
 * as filters, free text read as an ID number, a 档号 or 业务受理号, a name in pinyin, or words (bigram phrase for
 * recall, smartcn words for precision); and the highlighter for the snippets.
 */
final class LuceneQueries {

    private final Analyzer analyzer;
    private final Analyzer bigrams;
    private final Function<String, byte @Nullable []> idIndex;

    LuceneQueries(Analyzer analyzer, Analyzer bigrams, Function<String, byte @Nullable []> idIndex) {
        this.analyzer = analyzer;
        this.bigrams = bigrams;
        this.idIndex = idIndex;
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
            phrased |= phrase(t.strip()) instanceof org.apache.lucene.search.PhraseQuery;
        }
        return phrased ? query(q, scope, false) : null;
    }

    private Query query(SearchQuery q, Scope scope, boolean phrases) {
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
            b.add(text(q.text().strip(), phrases), Occur.MUST);
            scored = true;
        }
        for (String w : q.within()) {
            b.add(text(w, phrases), Occur.MUST);
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
            b.add(archiveCode(q.archiveCode()), Occur.FILTER);
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

    /**
     * A 档号 as typed: whole, in part, with any separator or full-width forms (its key inside the stored key). Three
     * characters or more are a phrase of grams at their offsets — every third gram and the last, which together cover
     * each character — and fewer a prefix of one gram (docs/adr/0128).
     */
    static Query archiveCode(String typed) {
        String key = ArchiveCodeInput.key(typed);
        if (key.isEmpty()) {
            return new TermQuery(new Term("code", typed.strip()));
        }
        if (key.length() < 3) {
            return new PrefixQuery(new Term(LuceneDocuments.CODE_GRAMS, key));
        }
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

    private static void filter(BooleanQuery.Builder b, String dim, @Nullable String value) {
        if (!SearchQuery.blank(value)) {
            b.add(new TermQuery(new Term("f_" + dim, value.strip())), Occur.FILTER);
        }
    }

    private String idToken(String idNumber) {
        return PersonalDigits.token(idIndex.apply(idNumber));
    }

    /** The bigram phrase of free text that is neither an ID number nor Latin letters (null when it has none). */
    private @Nullable Query phrase(String s) {
        if (PersonalDigits.ID.matcher(s.toUpperCase(Locale.ROOT)).matches() || ChineseText.latinLetters(s)) {
            return null;
        }
        return new QueryBuilder(bigrams).createPhraseQuery(BIGRAMS, ChineseText.fold(s));
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
    private Query text(String raw, boolean phrases) {
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
        if (TypedArchiveCodes.looksLikeCode(s)) {
            any.add(new BoostQuery(archiveCode(s), 5f), Occur.SHOULD);
        }
        if (ChineseText.latinLetters(s)) {
            any.add(new BoostQuery(name(s), 5f), Occur.SHOULD);
            return any.build();
        }
        String folded = ChineseText.fold(s);
        any.add(new BoostQuery(new TermQuery(new Term("name", folded)), 5f), Occur.SHOULD);
        Query phrase = phrases ? phrase(s) : null;
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
