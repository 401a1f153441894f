package org.siarchive.catalog;

import java.util.Locale;
import org.siarchive.shared.Access;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Console pages of the catalogue: an item, 一人一档 and 一企一档 (found through {@link PartyLookupConsole}). A
 * person is shown by the catalogue's own id, masked; unmasking asks for a reason.
 */
@Controller
class CatalogConsole {

    private final Catalog catalog;
    private final Renditions renditions;

    private final RelatedRecords related;
    private final CorrectionHistory corrections;
    private final java.util.List<ItemNotices> notices;
    private final RetentionChanges retentionChanges;

    CatalogConsole(
            Catalog catalog,
            Renditions renditions,
            RelatedRecords related,
            CorrectionHistory corrections,
            java.util.List<ItemNotices> notices,
            RetentionChanges retentionChanges) {
        this.corrections = corrections;
        this.notices = java.util.List.copyOf(notices);
        this.retentionChanges = retentionChanges;
        this.catalog = catalog;
        this.renditions = renditions;
        this.related = related;
    }

    @GetMapping("/items/{id}")
    String item(@PathVariable String id, Access access, Model model) {
        var item = catalog.readItem(Ids.uuid("ITEM", id), access);
        model.addAttribute("nav", "search");
        model.addAttribute("item", item);
        model.addAttribute("securityLevels", catalog.classification().securityLevels());
        model.addAttribute("certTypes", catalog.classification().certTypes());
        model.addAttribute("canDownload", access.can("catalog:file:read"));
        model.addAttribute("personId", catalog.personIdOfItem(item.id()).orElse(null));
        model.addAttribute("canReadParties", access.can("catalog:party:read"));
        model.addAttribute("renditions", renditions.pathsByKind(item.id()));
        model.addAttribute("related", related.of(item, access.scope()));
        model.addAttribute("corrections", corrections.of(item.id()));
        model.addAttribute("retentionChanges", retentionChanges.of(item.id()));
        model.addAttribute("canCorrect", access.can(CatalogAccessRules.ITEM_CORRECT));
        model.addAttribute(
                "notices",
                notices.stream().flatMap(n -> n.of(item.id(), access).stream()).toList());
        return "catalog/item";
    }

    @GetMapping("/persons/{id}")
    String person(@PathVariable long id, Access access, Model model) {
        return party("persons", catalog.personFile(id, access), access, model);
    }

    @PostMapping("/persons/{id}/unmask")
    String unmask(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Access access, Model model) {
        var identity = catalog.unmaskPerson(id, reason, access);
        model.addAttribute("identity", identity);
        model.addAttribute("unmaskReason", reason.strip());
        return party("persons", catalog.personFile(id, access), access, model);
    }

    @GetMapping("/employers/{creditCode}")
    String employer(@PathVariable String creditCode, Access access, Model model) {
        return party("employers", catalog.employerFile(normalise(creditCode), access), access, model);
    }

    private String party(String kind, PartyFile file, Access access, Model model) {
        model.addAttribute("nav", kind);
        model.addAttribute("file", file);
        model.addAttribute("certTypes", catalog.classification().certTypes());
        model.addAttribute("canUnmask", access.can("personal:unmask"));
        return "catalog/party";
    }

    private static String normalise(String key) {
        return key.strip().toUpperCase(Locale.ROOT);
    }
}
