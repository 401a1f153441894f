package org.siarchive.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.ArchiveCodeInput;

/**
 * The index layout of an item, the same on every full-text backend: which fields it becomes (words and bigrams over
 * folded text with personal numbers tokenised, exact fields, names with pinyin, scope, facets, sort) and how a found
 * item's shown fields become a hit. Folding, pinyin, the ID number's blind-index token and the masking of personal
 * numbers all happen here, before any backend analyses the text (docs/adr/0132). Changing the layout means bumping
 * {@link #LAYOUT}, which rebuilds old indexes.
 */
final class EntryFields {

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
    /** Longest shown text kept per item. */
    static final int DISPLAY_LENGTH = 20_000;

    /** The keyed blind index of an ID number (HMAC-SM3 under the platform's index key). */
    private final Function<String, byte @Nullable []> idIndex;

    EntryFields(Function<String, byte @Nullable []> idIndex) {
        this.idIndex = idIndex;
    }

    /** Writes the item's fields. */
    void write(SearchEntry e, IndexFields d) {
        d.key(ID, e.itemId().toString());
        d.key("code", e.archiveCode());
        codeGrams(d, e.archiveCode());
        d.stored("title", e.title());
        d.stored("category_code", e.categoryCode());
        d.stored("step_code", e.stepCode());
        d.storedNumber("year_value", e.year());
        stored(d, "insurance_type", e.insuranceType());
        directoryColumns(d, e);
        d.time("handled", e.handledAt().toInstant().toEpochMilli());
        parties(d, e);
        // scope
        d.exact("org", e.orgPath());
        d.exact("fonds", Long.toString(e.fondsId()));
        d.clearance("clearance", e.clearance());
        // full text: title, names and recognised text, folded to simplified; an ID number is its blind-index token in
        // the bigram field (one token there, what an ID query looks up) and left out of the words, where smartcn would
        // cut the token into some 25 one-character terms that every query for a letter or digit would match
        // (docs/adr/0130); other personal numbers masked in both
        String names = String.join(
                " ", e.personName() == null ? "" : e.personName(), e.employerName() == null ? "" : e.employerName());
        String head = e.title() + "\n" + names + "\n";
        d.text(WORDS, ChineseText.fold(head + PersonalDigits.withoutIds(e.text())));
        d.text(BIGRAMS, ChineseText.fold(head + PersonalDigits.forIndex(e.text(), idIndex)));
        String shown = PersonalDigits.forDisplay(e.text());
        d.stored(DISPLAY, shown.length() > DISPLAY_LENGTH ? shown.substring(0, DISPLAY_LENGTH) : shown);
        facet(d, "category", e.categoryCode());
        facet(d, "year", Integer.toString(e.year()));
        facet(d, "insurance", e.insuranceType());
        facet(d, "step", e.stepCode());
        facet(d, "organisation", e.organisation());
        facet(d, "retention", e.retentionCode());
        facet(d, "status", e.status());
    }

    /** The person's and employer's names (folded, in pinyin and initials) and keys, as exact fields. */
    private static void parties(IndexFields d, SearchEntry e) {
        if (e.personName() != null && !e.personName().isBlank()) {
            String name = ChineseText.fold(e.personName().strip());
            d.stored("person", e.personName());
            d.exact("name", name);
            d.exact("name_py", ChineseText.pinyin(name));
            d.exact("name_ini", ChineseText.initials(name));
        }
        if (e.employerName() != null) {
            d.stored("employer", e.employerName());
            d.exact("name", ChineseText.fold(e.employerName().strip()));
        }
        if (e.certNoIndex() != null) {
            d.exact("cert", PersonalDigits.token(e.certNoIndex()));
        }
        if (e.creditCode() != null) {
            d.exact("credit", e.creditCode());
        }
        if (e.acceptanceNo() != null) {
            d.exact("acceptance", e.acceptanceNo());
        }
    }

    /**
     * The 档号 as people type it ({@link ArchiveCodeInput#key}: "-" for every separator, full-width folded) as grams
     * of three, so that a typed key is found anywhere in the code: a few dozen distinct grams across a fonds, where
     * every suffix of every code was a term of its own (docs/adr/0128).
     */
    private static void codeGrams(IndexFields d, String archiveCode) {
        String key = ArchiveCodeInput.key(archiveCode);
        if (!key.isEmpty()) {
            d.text(CODE_GRAMS, key + CODE_END + CODE_END);
        }
    }

    /** What the result list and the 目录 register show besides the title: 责任者, 日期, 保管期限, 密级, 页数. */
    private static void directoryColumns(IndexFields d, SearchEntry e) {
        stored(d, "responsible", e.responsible());
        stored(d, "doc_date", e.docDate() == null ? null : e.docDate().toString());
        stored(d, "retention_code", e.retentionCode());
        d.storedNumber("security_level", e.clearance());
        if (e.pageCount() != null) {
            d.storedNumber("page_count", e.pageCount());
        }
    }

    private static void stored(IndexFields d, String field, @Nullable String value) {
        if (value != null) {
            d.stored(field, value);
        }
    }

    private static void facet(IndexFields d, String dim, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            d.facet(dim, value);
        }
    }

    /** The shown fields of a found item, by name: a string, a number, or null when the item has none. */
    interface Shown {
        @Nullable
        Object get(String field);

        default @Nullable String string(String field) {
            Object v = get(field);
            return v == null ? null : v.toString();
        }

        default @Nullable Number number(String field) {
            return get(field) instanceof Number n ? n : null;
        }
    }

    /** A found item as a hit, with its snippet. */
    static SearchHit hit(Shown d, @Nullable String snippet) {
        Number year = d.number("year_value");
        Number handled = d.number("handled");
        Number level = d.number("security_level");
        Number pages = d.number("page_count");
        String docDate = d.string("doc_date");
        return new SearchHit(
                UUID.fromString(String.valueOf(d.string(ID))),
                String.valueOf(d.string("code")),
                String.valueOf(d.string("title")),
                d.string("person"),
                d.string("employer"),
                String.valueOf(d.string("category_code")),
                String.valueOf(d.string("step_code")),
                d.string("insurance_type"),
                year == null ? 0 : year.intValue(),
                // an instant; it becomes people's time where it is shown (ConsoleFormats)
                OffsetDateTime.ofInstant(
                        Instant.ofEpochMilli(handled == null ? 0 : handled.longValue()), ZoneOffset.UTC),
                snippet,
                d.string("responsible"),
                docDate == null ? null : LocalDate.parse(docDate),
                d.string("retention_code"),
                level == null ? null : Integer.toString(level.intValue()),
                pages == null ? null : pages.intValue());
    }
}
