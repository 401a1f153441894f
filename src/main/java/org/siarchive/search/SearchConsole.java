package org.siarchive.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.Catalog;
import org.siarchive.shared.Access;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The search page: one box for free text (words, names, pinyin initials, ID numbers, 档号), "search within
 * results", metadata fields, facets with counts to drill down, relevance or time order, highlighted
 * snippets. With htmx only the results are swapped; without JavaScript the whole page renders.
 */
@Controller
class SearchConsole {

    private static final Map<String, String> RETENTION =
            Map.of("Y", "永久", "D100", "100年", "D50", "50年", "D30", "30年", "D10", "10年");

    private final Searches search;
    private final Catalog catalog;

    SearchConsole(Searches search, Catalog catalog) {
        this.search = search;
        this.catalog = catalog;
    }

    /** A facet value as a link that adds (or, when active, removes) it. */
    record FacetLink(String label, long count, String href, boolean active) {}

    @RequestMapping(
            path = "/search",
            method = {RequestMethod.GET, RequestMethod.POST})
    String search(
            @ParameterObject SearchParameters parameters,
            @RequestParam(required = false) @Nullable String refine,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Access access,
            Model model) {
        var query = parameters.query(SearchParameters.DEFAULT_SIZE).narrowedBy(refine);
        var c = catalog.classification();
        var steps = c.steps().stream()
                .collect(java.util.stream.Collectors.toMap(s -> s.code(), s -> s.name(), (a, b) -> a));
        var categories = c.categories().stream()
                .collect(java.util.stream.Collectors.toMap(x -> x.code(), x -> x.name(), (a, b) -> a));
        var result = search.search(query, access);
        model.addAttribute("nav", "search");
        model.addAttribute("q", query);
        model.addAttribute("categories", c.categories());
        model.addAttribute("insuranceTypes", c.insuranceTypes());
        model.addAttribute("steps", steps);
        model.addAttribute("result", result.page());
        model.addAttribute(
                "facets",
                links(
                        query,
                        result,
                        Map.of(
                                "category", categories,
                                "step", steps,
                                "insurance", c.insuranceTypes(),
                                "retention", RETENTION)));
        return htmx != null ? "search/page :: results" : "search/page";
    }

    private static Map<String, List<FacetLink>> links(
            SearchQuery q, SearchResults result, Map<String, Map<String, String>> labels) {
        var out = new LinkedHashMap<String, List<FacetLink>>();
        for (var e : result.facets().entrySet()) {
            String dim = e.getKey();
            var list = new ArrayList<FacetLink>();
            for (var v : e.getValue()) {
                String current = current(q, dim);
                boolean active = v.value().equals(current);
                var b = base(q, dim);
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

    /** The current query as a /search link, without {@code except}'s value and without a page. */
    private static UriComponentsBuilder base(SearchQuery q, String except) {
        var b = UriComponentsBuilder.fromPath("/search");
        add(b, "q", q.text());
        q.within().forEach(w -> b.queryParam("within", w));
        add(b, "name", q.name());
        add(b, "archiveCode", q.archiveCode());
        add(b, "sort", q.sort());
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
