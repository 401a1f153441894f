package org.siarchive.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The search as a bookmarkable GET link: every criterion as a query parameter, for the address bar, the
 * pages, the facets and the register export. A search that carries an ID number (in the ID field or the
 * text) has no link: it stays a form POST so that the number never enters an address (ADR 0032, ADR 0051).
 */
final class SearchLinks {

    /**
     * The longest link a search becomes. A longer one (ten refinements of a hundred Chinese characters each,
     * percent-encoded) would overflow the response's Location header and the request line of the next GET, so
     * such a search stays a form POST like one with an ID number.
     */
    static final int MAX_LINK = 4_000;

    private final SearchQuery q;

    SearchLinks(SearchQuery q) {
        this.q = q;
    }

    /** A facet value as a link that adds (or, when active, removes) it. */
    record FacetLink(String label, long count, String href, boolean active) {}

    /**
     * The links of a page of results for the template: previous and next page, the register in Excel and PDF;
     * all null when the search must stay a POST ({@code post}).
     */
    record View(
            boolean post, @Nullable String prev, @Nullable String next, @Nullable String xlsx, @Nullable String pdf) {}

    View view(org.siarchive.shared.Page<?> result) {
        String xlsx = export("xlsx"); // the longest link: null for an ID number or a search too long for one
        if (xlsx == null) {
            return new View(true, null, null, null, null);
        }
        return new View(
                false,
                result.page() > 0 ? page(result.page() - 1) : null,
                result.page() + 1 < result.totalPages() ? page(result.page() + 1) : null,
                xlsx,
                export("pdf"));
    }

    /** True when the query holds an ID number anywhere, so it must not become a link. */
    boolean carriesIdNumber() {
        if (!SearchQuery.blank(q.idNumber())) {
            return true;
        }
        var texts = new ArrayList<@Nullable String>(q.within());
        texts.add(q.text());
        texts.add(q.name());
        texts.add(q.archiveCode());
        return texts.stream()
                .anyMatch(t -> t != null && PersonalDigits.ID.matcher(t).find());
    }

    /** The search at page {@code page} (from 0), or null when it must stay a POST. */
    @Nullable
    String page(int page) {
        if (carriesIdNumber()) {
            return null;
        }
        var b = base(q, "");
        add(b, "sort", q.sort());
        if (page > 0) {
            b.queryParam("page", page);
        }
        return bounded(b.build().encode().toUriString());
    }

    /** The register of this search in {@code format} (xlsx, pdf), or null when it must stay a POST. */
    @Nullable
    String export(String format) {
        if (carriesIdNumber()) {
            return null;
        }
        var b = base(q, "").replacePath("/search/export").queryParam("format", format);
        add(b, "sort", q.sort());
        return bounded(b.build().encode().toUriString());
    }

    /** Per facet dimension, its values as links; {@code labels} names the values of coded dimensions. */
    Map<String, List<FacetLink>> facets(SearchResults result, Map<String, Map<String, String>> labels) {
        var out = new java.util.LinkedHashMap<String, List<FacetLink>>();
        for (var e : result.facets().entrySet()) {
            String dim = e.getKey();
            var list = new ArrayList<FacetLink>();
            for (var v : e.getValue()) {
                boolean active = v.value().equals(current(q, dim));
                var b = base(q, dim);
                add(b, "sort", q.sort());
                if (!active) {
                    b.queryParam(param(dim), v.value());
                }
                String label = labels.getOrDefault(dim, Map.of()).getOrDefault(v.value(), v.value());
                list.add(new FacetLink(label, v.count(), b.build().encode().toUriString(), active));
            }
            if (!list.isEmpty()) {
                out.put(dim, list);
            }
        }
        return out;
    }

    private static @Nullable String bounded(String link) {
        return link.length() > MAX_LINK ? null : link;
    }

    private static String param(String dim) {
        return dim.equals("insurance") ? "insuranceType" : dim;
    }

    private static @Nullable String current(SearchQuery q, String dim) {
        return switch (dim) {
            case "category" -> q.category();
            case "year" -> q.year() == null ? null : q.year().toString();
            case "insurance" -> q.insuranceType();
            case "step" -> q.step();
            case "organisation" -> q.organisation();
            case "retention" -> q.retention();
            case "status" -> q.status();
            default -> null;
        };
    }

    /** The criteria as a /search link, without {@code except}'s value, without sort and page. */
    private static UriComponentsBuilder base(SearchQuery q, String except) {
        var b = UriComponentsBuilder.fromPath("/search");
        add(b, "q", q.text());
        q.within().forEach(w -> b.queryParam("within", w));
        add(b, "name", q.name());
        add(b, "archiveCode", q.archiveCode());
        for (String dim : SearchResults.DIMENSIONS) {
            if (!dim.equals(except)) {
                add(b, param(dim), current(q, dim));
            }
        }
        return b;
    }

    private static void add(UriComponentsBuilder b, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            b.queryParam(name, value);
        }
    }
}
