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
        if (certNo != null && !certNo.isBlank()) {
            return "redirect:/persons/" + UriUtils.encodePathSegment(normalise(certNo), "UTF-8");
        }
        model.addAttribute("nav", "persons");
        model.addAttribute("kind", "persons");
        return "catalog/lookup";
    }

    @GetMapping("/persons/{certNo}")
    String person(@PathVariable String certNo, Model model) {
        String key = normalise(certNo);
        var file = catalog.personFile(key).orElseThrow(() -> new NotFoundException("PERSON", key));
        model.addAttribute("nav", "persons");
        model.addAttribute("file", file);
        model.addAttribute("certTypes", catalog.classification().certTypes());
        return "catalog/party";
    }

    @GetMapping("/employers")
    String employers(@RequestParam(required = false) @Nullable String creditCode, Model model) {
        if (creditCode != null && !creditCode.isBlank()) {
            return "redirect:/employers/" + UriUtils.encodePathSegment(normalise(creditCode), "UTF-8");
        }
        model.addAttribute("nav", "employers");
        model.addAttribute("kind", "employers");
        return "catalog/lookup";
    }

    @GetMapping("/employers/{creditCode}")
    String employer(@PathVariable String creditCode, Model model) {
        String key = normalise(creditCode);
        var file = catalog.employerFile(key).orElseThrow(() -> new NotFoundException("EMPLOYER", key));
        model.addAttribute("nav", "employers");
        model.addAttribute("file", file);
        model.addAttribute("certTypes", catalog.classification().certTypes());
        return "catalog/party";
    }

    private static String normalise(String key) {
        return key.strip().toUpperCase(Locale.ROOT);
    }
}
