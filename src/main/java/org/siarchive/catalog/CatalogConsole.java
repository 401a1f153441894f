package org.siarchive.catalog;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/** Console pages of the catalogue: an item, 一人一档 and 一企一档. */
@Controller
class CatalogConsole {

    private final Catalog catalog;

    CatalogConsole(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/items/{id}")
    String item(@PathVariable String id, Model model) {
        var item = catalog.requireItem(Ids.uuid("ITEM", id));
        model.addAttribute("nav", "search");
        model.addAttribute("item", item);
        model.addAttribute("securityLevels", catalog.classification().securityLevels());
        model.addAttribute("certTypes", catalog.classification().certTypes());
        return "catalog/item";
    }

    @GetMapping("/persons")
    String persons(@RequestParam(required = false) @Nullable String certNo, Model model) {
        return lookup("persons", certNo, model);
    }

    @GetMapping("/persons/{certNo}")
    String person(@PathVariable String certNo, Model model) {
        String key = normalise(certNo);
        return party("persons", catalog.personFile(key).orElseThrow(() -> new NotFoundException("PERSON", key)), model);
    }

    @GetMapping("/employers")
    String employers(@RequestParam(required = false) @Nullable String creditCode, Model model) {
        return lookup("employers", creditCode, model);
    }

    @GetMapping("/employers/{creditCode}")
    String employer(@PathVariable String creditCode, Model model) {
        String key = normalise(creditCode);
        return party(
                "employers",
                catalog.employerFile(key).orElseThrow(() -> new NotFoundException("EMPLOYER", key)),
                model);
    }

    private static String lookup(String kind, @Nullable String key, Model model) {
        if (key != null && !key.isBlank()) {
            return "redirect:/" + kind + "/" + UriUtils.encodePathSegment(normalise(key), "UTF-8");
        }
        model.addAttribute("nav", kind);
        model.addAttribute("kind", kind);
        return "catalog/lookup";
    }

    private String party(String kind, PartyFile file, Model model) {
        model.addAttribute("nav", kind);
        model.addAttribute("file", file);
        model.addAttribute("certTypes", catalog.classification().certTypes());
        return "catalog/party";
    }

    private static String normalise(String key) {
        return key.strip().toUpperCase(Locale.ROOT);
    }
}
