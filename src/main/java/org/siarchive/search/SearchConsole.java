package org.siarchive.search;

import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.Catalog;
import org.siarchive.shared.Access;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

/** The search page; with htmx only the results are swapped, without JavaScript the whole page renders. */
@Controller
class SearchConsole {

    private final Searches search;
    private final Catalog catalog;

    SearchConsole(Searches search, Catalog catalog) {
        this.search = search;
        this.catalog = catalog;
    }

    @RequestMapping(
            path = "/search",
            method = {RequestMethod.GET, RequestMethod.POST})
    String search(
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String idNumber,
            @RequestParam(required = false) @Nullable String archiveCode,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable String insuranceType,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Access access,
            Model model) {
        var query = new SearchQuery(name, idNumber, archiveCode, category, year, insuranceType, page, 20);
        var c = catalog.classification();
        model.addAttribute("nav", "search");
        model.addAttribute("q", query);
        model.addAttribute("categories", c.categories());
        model.addAttribute("insuranceTypes", c.insuranceTypes());
        model.addAttribute(
                "steps", c.steps().stream().collect(java.util.stream.Collectors.toMap(s -> s.code(), s -> s.name())));
        model.addAttribute("result", search.search(query, access));
        return htmx != null ? "search/page :: results" : "search/page";
    }
}
