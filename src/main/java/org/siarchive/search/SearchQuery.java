package org.siarchive.search;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Search criteria; every criterion is optional and they combine with AND. {@code text} is free text
 * (words, a name in characters, pinyin or initials, an ID number, a 档号); {@code within} holds the texts
 * of earlier searches this one narrows ("search within results"); the facet fields drill down; {@code sort}
 * is "relevance" (default with text) or "time". {@code page} counts from 0.
 */
public record SearchQuery(
        @Nullable String name,
        @Nullable String idNumber,
        @Nullable String archiveCode,
        @Nullable String category,
        @Nullable Integer year,
        @Nullable String insuranceType,
        @Nullable String text,
        List<String> within,
        @Nullable String step,
        @Nullable String organisation,
        @Nullable String retention,
        @Nullable String status,
        @Nullable String sort,
        int page,
        int size) {

    public SearchQuery {
        within = within == null
                ? List.of()
                : within.stream().filter(w -> !blank(w)).map(String::strip).toList();
    }

    /** Metadata criteria only (the first search form's fields). */
    public SearchQuery(
            @Nullable String name,
            @Nullable String idNumber,
            @Nullable String archiveCode,
            @Nullable String category,
            @Nullable Integer year,
            @Nullable String insuranceType,
            int page,
            int size) {
        this(
                name,
                idNumber,
                archiveCode,
                category,
                year,
                insuranceType,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                page,
                size);
    }

    /**
     * "Search within results": with new words in {@code refine}, the current text joins the earlier ones and
     * the new words become the text; without, this query.
     */
    SearchQuery narrowedBy(@Nullable String refine) {
        if (blank(refine)) {
            return this;
        }
        var earlier = new java.util.ArrayList<>(within);
        if (!blank(text)) {
            earlier.add(text.strip());
        }
        return new SearchQuery(
                name,
                idNumber,
                archiveCode,
                category,
                year,
                insuranceType,
                refine.strip(),
                earlier,
                step,
                organisation,
                retention,
                status,
                sort,
                page,
                size);
    }

    /** The same criteria at another page and size. */
    SearchQuery at(int newPage, int newSize) {
        return new SearchQuery(
                name,
                idNumber,
                archiveCode,
                category,
                year,
                insuranceType,
                text,
                within,
                step,
                organisation,
                retention,
                status,
                sort,
                newPage,
                newSize);
    }

    public boolean empty() {
        return blank(name)
                && blank(idNumber)
                && blank(archiveCode)
                && blank(category)
                && year == null
                && blank(insuranceType)
                && blank(text)
                && within.isEmpty()
                && blank(step)
                && blank(organisation)
                && blank(retention)
                && blank(status);
    }

    public boolean byTime() {
        return "time".equals(sort) || blank(text) && within.isEmpty();
    }

    /**
     * The page to show at {@code size}: never beyond the result window, whatever a caller asks (docs/adr/0036), so
     * that no backend collects deeper than a reader can page.
     */
    int pageWithinWindow(int size) {
        return Math.min(Math.max(0, page), org.siarchive.shared.Bounds.RESULT_WINDOW / size - 1);
    }

    static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
