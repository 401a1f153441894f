package org.siarchive.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.ArchiveCodeInput;
import org.siarchive.shared.Scope;

/**
 * Turns search criteria into a backend's query over the layout of {@link EntryFields}, the same way on every
 * backend: the reader's scope as filters; free text read as an ID number, a 档号 or 业务受理号, a name in pinyin, or
 * words (bigram phrase for recall, smartcn words for precision); every other criterion a filter. A backend supplies
 * the leaves (a term, a prefix, an analysed phrase…) and how clauses combine.
 *
 * @param <Q> the backend's query
 */
abstract class QueryPlan<Q> {

    /** The required (scored) clauses and the filters of one search; no required clause means every item. */
    record Clauses<Q>(List<Q> required, List<Q> filters) {}

    private final Function<String, byte @Nullable []> idIndex;

    QueryPlan(Function<String, byte @Nullable []> idIndex) {
        this.idIndex = idIndex;
    }

    /** Items whose field holds this exact term. */
    abstract Q term(String field, String value);

    /** Items whose field holds a term starting with this. */
    abstract Q prefix(String field, String value);

    /** Items whose field holds one of these exact terms. */
    abstract Q anyTerm(String field, List<String> values);

    /** Items whose integer field is at most {@code max}. */
    abstract Q atMost(String field, int max);

    /** The text analysed as the field is, as a phrase (one term: that term); null when it has no term. */
    abstract @Nullable Q phrase(String field, String text);

    /** The text analysed as the field is, every term required; null when it has no term. */
    abstract @Nullable Q allTerms(String field, String text);

    /** A 档号 key of three characters or more as a phrase of its grams (docs/adr/0128). */
    abstract Q codeGramPhrase(String key);

    abstract Q boost(Q query, float boost);

    /** Items matching at least one of the clauses, scored by those they match. */
    abstract Q anyOf(List<Q> clauses);

    /** The search's clauses: scope first, then every criterion; {@code phrases} false leaves the bigram phrase out. */
    Clauses<Q> clauses(SearchQuery q, Scope scope, boolean phrases) {
        var filters = new ArrayList<Q>();
        var required = new ArrayList<Q>();
        // scope: organisation subtree, allowed fonds, clearance (filters: they do not change scores)
        filters.add(prefix("org", scope.orgPath()));
        if (!scope.allFonds()) {
            var fonds = new ArrayList<String>();
            for (Long f : scope.fondsArray()) {
                fonds.add(Long.toString(f));
            }
            filters.add(anyTerm("fonds", fonds));
        }
        filters.add(atMost("clearance", scope.clearance()));
        if (!SearchQuery.blank(q.text())) {
            required.add(text(q.text().strip(), phrases));
        }
        for (String w : q.within()) {
            required.add(text(w, phrases));
        }
        if (!SearchQuery.blank(q.name())) {
            filters.add(name(q.name().strip()));
        }
        if (!SearchQuery.blank(q.idNumber())) {
            String key = q.idNumber().strip().toUpperCase(Locale.ROOT);
            filters.add(anyOf(List.of(term("cert", idToken(key)), term("credit", key))));
        }
        if (!SearchQuery.blank(q.archiveCode())) {
            filters.add(archiveCode(q.archiveCode()));
        }
        filter(filters, "category", q.category());
        filter(filters, "year", q.year() == null ? null : Integer.toString(q.year()));
        filter(filters, "insurance", q.insuranceType());
        filter(filters, "step", q.step());
        filter(filters, "organisation", q.organisation());
        filter(filters, "retention", q.retention());
        filter(filters, "status", q.status());
        return new Clauses<>(required, filters);
    }

    /**
     * A 档号 as typed: whole, in part, with any separator or full-width forms (its key inside the stored key). Three
     * characters or more are a phrase of grams, and fewer a prefix of one gram (docs/adr/0128).
     */
    Q archiveCode(String typed) {
        String key = ArchiveCodeInput.key(typed);
        if (key.isEmpty()) {
            return term("code", typed.strip());
        }
        if (key.length() < 3) {
            return prefix(EntryFields.CODE_GRAMS, key);
        }
        return codeGramPhrase(key);
    }

    private void filter(List<Q> filters, String dim, @Nullable String value) {
        if (!SearchQuery.blank(value)) {
            filters.add(term("f_" + dim, value.strip()));
        }
    }

    private String idToken(String idNumber) {
        return PersonalDigits.token(idIndex.apply(idNumber));
    }

    /** The bigram phrase of free text that is neither an ID number nor Latin letters (null when it has none). */
    @Nullable
    Q phrase(String s) {
        if (PersonalDigits.ID.matcher(s.toUpperCase(Locale.ROOT)).matches() || ChineseText.latinLetters(s)) {
            return null;
        }
        return phrase(EntryFields.BIGRAMS, ChineseText.fold(s));
    }

    /** A name in characters (exact), or in pinyin / initials when the query is Latin letters. */
    private Q name(String s) {
        if (ChineseText.latinLetters(s)) {
            String lower = s.toLowerCase(Locale.ROOT);
            return anyOf(List.of(term("name_ini", lower), prefix("name_py", lower)));
        }
        String folded = ChineseText.fold(s);
        return anyOf(List.of(term("name", folded), prefix("name", folded)));
    }

    /**
     * Free text. An ID number matches its token (in the person field and in recognised text), a 档号 or 业务受理号
     * matches exactly, Latin letters match name pinyin or initials; otherwise the words: the bigram phrase
     * (recall: 保险 inside 保险金) or the smartcn words (precision, boosted), plus a name equal to the text.
     */
    private Q text(String raw, boolean phrases) {
        String s = raw.strip();
        var any = new ArrayList<Q>();
        String upper = s.toUpperCase(Locale.ROOT);
        if (PersonalDigits.ID.matcher(upper).matches()) {
            String token = idToken(upper);
            return anyOf(List.of(term("cert", token), term(EntryFields.BIGRAMS, token), term("credit", upper)));
        }
        any.add(boost(term("code", s), 10f));
        any.add(boost(term("acceptance", s), 10f));
        any.add(term("credit", upper));
        if (TypedArchiveCodes.looksLikeCode(s)) {
            any.add(boost(archiveCode(s), 5f));
        }
        if (ChineseText.latinLetters(s)) {
            any.add(boost(name(s), 5f));
            return anyOf(any);
        }
        String folded = ChineseText.fold(s);
        any.add(boost(term("name", folded), 5f));
        Q phrase = phrases ? phrase(s) : null;
        if (phrase != null) {
            any.add(phrase);
        }
        Q words = allTerms(EntryFields.WORDS, folded);
        if (words != null) {
            any.add(boost(words, 2f));
        }
        return anyOf(any);
    }
}
