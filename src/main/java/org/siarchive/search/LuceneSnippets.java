package org.siarchive.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.jspecify.annotations.Nullable;

/**
 * The snippets of one search's page (docs/adr/0123): where the shown text holds a searched text as it was typed
 * (folded to simplified, any case), an extract of about {@link #LENGTH} characters around its first occurrence with
 * every occurrence marked, found by a plain scan; otherwise the highlighter's best fragment by bigrams (a match of the
 * words apart, a pinyin or an ID number query), which analyses the text and is built only when first needed.
 */
final class LuceneSnippets {

    static final int LENGTH = 80;

    private final List<String> needles = new ArrayList<>();
    private final LuceneQueries queries;
    private final SearchQuery query;
    private final Analyzer bigrams;
    private @Nullable Highlighter highlighter;
    private boolean highlighterBuilt;

    LuceneSnippets(LuceneQueries queries, SearchQuery query, Analyzer bigrams) {
        this.queries = queries;
        this.query = query;
        this.bigrams = bigrams;
        var texts = new ArrayList<String>(query.within());
        if (!SearchQuery.blank(query.text())) {
            texts.add(query.text());
        }
        for (String t : texts) {
            String n = ChineseText.fold(t.strip()).toLowerCase(Locale.ROOT);
            if (!n.isEmpty()) {
                needles.add(n);
            }
        }
    }

    /** Whether the search has text to show in snippets at all. */
    boolean wanted() {
        return !needles.isEmpty();
    }

    /** The snippet of a hit's shown text, HTML-escaped with the matches in {@code <mark>}; null when none. */
    @Nullable
    String of(@Nullable String shown) {
        if (!wanted() || shown == null || shown.isEmpty()) {
            return null;
        }
        String folded = ChineseText.fold(shown);
        String marked = marked(folded);
        return marked != null ? marked : highlighted(folded);
    }

    private @Nullable String marked(String folded) {
        String lower = folded.toLowerCase(Locale.ROOT);
        if (lower.length() != folded.length()) {
            return null; // a case mapping changed the length: offsets would not match, the highlighter decides
        }
        int first = -1;
        for (String n : needles) {
            int at = lower.indexOf(n);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        if (first < 0) {
            return null;
        }
        int start = Math.max(0, Math.min(first - LENGTH / 4, folded.length() - LENGTH));
        int end = Math.min(folded.length(), start + LENGTH);
        var out = new StringBuilder(LENGTH + 32);
        int i = start;
        int plain = start;
        while (i < end) {
            int length = longestAt(lower, i);
            if (length == 0) {
                i++;
                continue;
            }
            out.append(SimpleHTMLEncoder.htmlEncode(folded.substring(plain, i)))
                    .append("<mark>")
                    .append(SimpleHTMLEncoder.htmlEncode(folded.substring(i, i + length)))
                    .append("</mark>");
            i += length;
            plain = i;
        }
        return out.append(SimpleHTMLEncoder.htmlEncode(folded.substring(plain, Math.max(plain, end))))
                .toString();
    }

    private int longestAt(String lower, int at) {
        int longest = 0;
        for (String n : needles) {
            if (n.length() > longest && lower.startsWith(n, at)) {
                longest = n.length();
            }
        }
        return longest;
    }

    private @Nullable String highlighted(String folded) {
        if (!highlighterBuilt) {
            highlighter = queries.highlighter(query);
            highlighterBuilt = true;
        }
        if (highlighter == null) {
            return null;
        }
        try {
            return highlighter.getBestFragment(bigrams, LuceneDocuments.DISPLAY, folded);
        } catch (IOException | InvalidTokenOffsetsException e) {
            return null;
        }
    }
}
