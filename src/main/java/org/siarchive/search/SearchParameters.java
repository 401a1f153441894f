package org.siarchive.search;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.util.NumberUtils;

/**
 * The search request's parameters, bound once for the API ({@code GET|POST /api/v1/search}) and the console
 * ({@code /search}): the query string, or a form body so that an ID number stays out of the URL (ADR 0032).
 * Numbers arrive as text and are read here the way Spring reads a request parameter (blank is absent, a
 * number that does not parse is the field's {@code format} violation), so both doors answer alike.
 */
record SearchParameters(
        @Nullable String q,
        @Nullable List<String> within,
        @Nullable String name,
        @Nullable String idNumber,
        @Nullable String archiveCode,
        @Nullable String category,
        @io.swagger.v3.oas.annotations.media.Schema(type = "integer", format = "int32") @Nullable String year,
        @Nullable String insuranceType,
        @Nullable String step,
        @Nullable String organisation,
        @Nullable String retention,
        @Nullable String status,
        @Nullable String sort,
        @io.swagger.v3.oas.annotations.media.Schema(type = "integer", format = "int32", defaultValue = "0") @Nullable
                String page,
        @io.swagger.v3.oas.annotations.media.Schema(type = "integer", format = "int32", defaultValue = "20") @Nullable
                String size) {

    static final int DEFAULT_SIZE = 20;

    /** The query with the page size asked for ({@value #DEFAULT_SIZE} unless given). */
    SearchQuery query() {
        return query(null);
    }

    /**
     * The query; {@code fixedSize} (the console's page) overrides the size parameter.
     *
     * @throws InvalidInputException naming every number that does not parse
     */
    SearchQuery query(@Nullable Integer fixedSize) {
        var v = new ArrayList<Violation>();
        Integer y = number(v, "year", year);
        Integer p = number(v, "page", page);
        Integer s = fixedSize != null ? fixedSize : number(v, "size", size);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return new SearchQuery(
                name,
                idNumber,
                archiveCode,
                category,
                y,
                insuranceType,
                q,
                within == null ? List.of() : within,
                step,
                organisation,
                retention,
                status,
                sort,
                p == null ? 0 : p,
                s == null ? DEFAULT_SIZE : s);
    }

    /** The same parameters without the numbers (year, page, size): the form shown again after a 422. */
    SearchParameters withoutNumbers() {
        return new SearchParameters(
                q,
                within,
                name,
                idNumber,
                archiveCode,
                category,
                null,
                insuranceType,
                step,
                organisation,
                retention,
                status,
                sort,
                null,
                null);
    }

    private static @Nullable Integer number(List<Violation> v, String field, @Nullable String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return NumberUtils.parseNumber(text, Integer.class);
        } catch (IllegalArgumentException e) {
            v.add(Violation.of(field, "format"));
            return null;
        }
    }
}
