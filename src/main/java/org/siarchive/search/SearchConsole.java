package org.siarchive.search;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.Catalog;
import org.siarchive.shared.Access;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Page;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search page: one box for free text (words, names, pinyin initials, ID numbers, 档号 as people type
 * it), "search within results", metadata fields, facets with counts to drill down, relevance or time order,
 * highlighted snippets, the 目录 register to export. A search is a GET link with every criterion (bookmark,
 * pages, facets); the form posts and is redirected to that link, except when it carries an ID number,
 * which is answered in place so the number never enters an address (ADR 0051).
 */
@Controller
class SearchConsole {

    /** The permission to ask for items (lending's REQUEST): who sees 申请利用. */
    static final String LENDING_REQUEST = "lending:request";

    private final Searches search;
    private final Catalog catalog;
    private final MessageSource messages;
    private final SearchIndexer indexer;

    SearchConsole(Searches search, Catalog catalog, MessageSource messages, SearchIndexer indexer) {
        this.indexer = indexer;
        this.search = search;
        this.catalog = catalog;
        this.messages = messages;
    }

    @GetMapping("/search")
    String search(
            @ParameterObject SearchParameters parameters,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Access access,
            Locale locale,
            HttpServletResponse response,
            Model model) {
        try {
            page(parameters.query(SearchParameters.DEFAULT_SIZE), access, locale, model);
        } catch (InvalidInputException e) {
            invalid(parameters, e, access, response, model);
        }
        return htmx != null ? "search/page :: results" : "search/page";
    }

    @PostMapping("/search")
    String searchByForm(
            @ParameterObject SearchParameters parameters,
            @RequestParam(required = false) @Nullable String refine,
            Access access,
            Locale locale,
            HttpServletResponse response,
            Model model) {
        try {
            var query = parameters.query(SearchParameters.DEFAULT_SIZE).narrowedBy(refine);
            String link = new SearchLinks(query).page(query.page());
            if (link != null) {
                return "redirect:" + link;
            }
            page(query, access, locale, model);
        } catch (InvalidInputException e) {
            invalid(parameters, e, access, response, model);
        }
        return "search/page";
    }

    /** The form again with the errors beside the fields and what was typed, no results: 422. */
    private void invalid(
            SearchParameters parameters,
            InvalidInputException e,
            Access access,
            HttpServletResponse response,
            Model model) {
        response.setStatus(422);
        var query = parameters.withoutNumbers().query(SearchParameters.DEFAULT_SIZE);
        form(query, access, model);
        model.addAttribute("yearText", parameters.year());
        var empty = new Page<SearchHit>(List.of(), 0, SearchParameters.DEFAULT_SIZE, 0);
        model.addAttribute("result", empty);
        model.addAttribute("links", new SearchLinks(query).view(empty));
        model.addAttribute("facets", Map.of());
        model.addAttribute("formErrors", FormErrors.of(e));
    }

    private void form(SearchQuery query, Access access, Model model) {
        var c = catalog.classification();
        model.addAttribute("nav", "search");
        model.addAttribute("q", query);
        model.addAttribute("categories", c.categories());
        model.addAttribute("insuranceTypes", c.insuranceTypes());
        model.addAttribute(
                "steps", c.steps().stream().collect(Collectors.toMap(s -> s.code(), s -> s.name(), (a, b) -> a)));
        model.addAttribute("canRequest", access.can(LENDING_REQUEST));
        model.addAttribute("rebuild", indexer.rebuildProgress());
        model.addAttribute("rebuildPoll", "/search/rebuild/progress");
    }

    private void page(SearchQuery query, Access access, Locale locale, Model model) {
        var result = search.search(query, access);
        form(query, access, model);
        model.addAttribute("tombstones", search.tombstones(query, access));
        var c = catalog.classification();
        var steps = c.steps().stream().collect(Collectors.toMap(s -> s.code(), s -> s.name(), (a, b) -> a));
        var categories = c.categories().stream().collect(Collectors.toMap(x -> x.code(), x -> x.name(), (a, b) -> a));
        model.addAttribute("result", result.page());
        model.addAttribute("approximate", result.approximate());
        model.addAttribute("links", new SearchLinks(query).view(result.page()));
        model.addAttribute(
                "facets",
                new SearchLinks(query)
                        .facets(
                                result,
                                Map.of(
                                        "category",
                                        categories,
                                        "step",
                                        steps,
                                        "insurance",
                                        c.insuranceTypes(),
                                        "retention",
                                        retentions(locale))));
    }

    /** 保管期限 codes with their names in the reader's language. */
    private Map<String, String> retentions(Locale locale) {
        var out = new LinkedHashMap<String, String>();
        for (String code : org.siarchive.catalog.DirectoryRegister.RETENTION_CODES) {
            out.put(code, messages.getMessage("directory.retention." + code, null, code, locale));
        }
        return out;
    }
}
