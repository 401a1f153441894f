package org.siarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Snippets of the page shown (docs/adr/0123): the searched text marked where it occurs as typed, in either script,
 * the rest escaped; the highlighter by bigrams only where the text does not occur as typed.
 */
class LuceneSnippetsTest {

    final org.apache.lucene.analysis.Analyzer bigrams = LuceneDocuments.bigrams();
    final LuceneQueries queries = new LuceneQueries(LuceneDocuments.analyzer(bigrams), bigrams, v -> null);

    @Test
    void marksEveryOccurrenceOfTheTypedTextInEitherScriptAndEscapesTheRest() {
        var snippets = snippets("養老保險", List.of());
        String s = snippets.of("参保人<b>于2001年办理养老保险业务，养老保险缴费基数3000元");
        assertThat(s).isEqualTo("参保人&lt;b&gt;于2001年办理<mark>养老保险</mark>业务，<mark>养老保险</mark>缴费基数3000元");
    }

    @Test
    void aLongTextIsCutAroundTheFirstOccurrence() {
        String before = "甲".repeat(300);
        String s = snippets("待遇核定", List.of()).of(before + "养老保险待遇核定表" + "乙".repeat(300));
        assertThat(s).contains("<mark>待遇核定</mark>");
        assertThat(s.replace("<mark>", "").replace("</mark>", "")).hasSize(LuceneSnippets.LENGTH);
    }

    @Test
    void wordsApartAreMarkedByTheHighlighter() {
        // 养老待遇 does not occur as typed: the highlighter marks its bigrams where they occur
        String s = snippets("养老待遇", List.of()).of("参保人办理养老保险，核定待遇");
        assertThat(s).contains("<mark>养老</mark>").contains("<mark>待遇</mark>");
    }

    @Test
    void aSearchWithinResultsMarksBothTexts() {
        String s = snippets("养老保险", List.of("缴费基数")).of("办理养老保险业务，缴费基数3000元");
        assertThat(s).contains("<mark>养老保险</mark>").contains("<mark>缴费基数</mark>");
    }

    @Test
    void noTextNoSnippet() {
        var none = snippets(null, List.of());
        assertThat(none.wanted()).isFalse();
        assertThat(none.of("办理养老保险业务")).isNull();
        assertThat(snippets("养老保险", List.of()).of("")).isNull();
    }

    private LuceneSnippets snippets(String text, List<String> within) {
        var q = new SearchQuery(null, null, null, null, null, null, text, within, null, null, null, null, null, 0, 10);
        return new LuceneSnippets(queries, q, bigrams);
    }
}
