package org.siarchive.catalog;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.siarchive.shared.Bounds;
import org.siarchive.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * Console pages of the catalogue: an item, 一人一档 and 一企一档. A person is looked up by certificate
 * number with a POST (so the number never appears in a URL, a log or the browser history) and shown
 * by the catalogue's own id, masked; unmasking asks for a reason.
 */
@Controller
class CatalogConsole {

    private static final int CREDIT_CODE_LENGTH = 18;

    private final Catalog catalog;
    private final Renditions renditions;

    private final RelatedRecords related;
    private final CorrectionHistory corrections;

    CatalogConsole(Catalog catalog, Renditions renditions, RelatedRecords related, CorrectionHistory corrections) {
        this.corrections = corrections;
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
        model.addAttribute("canCorrect", access.can(CatalogAccessRules.ITEM_CORRECT));
        return "catalog/item";
    }

    @GetMapping("/persons")
    String persons(@RequestParam(required = false) @Nullable String notFound, Model model) {
        model.addAttribute("notFound", notFound != null);
        return lookup("persons", model);
    }

    @PostMapping("/persons")
    String findPerson(@RequestParam(defaultValue = "") String certNo, Access access) {
        String key = normalise(certNo);
        if (key.isEmpty()) {
            throw new InvalidInputException(org.siarchive.shared.Violation.of("certNo", "required"));
        }
        return catalog.findPerson(key, access)
                .map(id -> "redirect:/persons/" + id)
                .orElse("redirect:/persons?notFound");
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

    @GetMapping("/employers")
    String employers(@RequestParam(required = false) @Nullable String creditCode, Model model) {
        if (creditCode != null && !creditCode.isBlank()) {
            return employerPage(creditCode);
        }
        return lookup("employers", model);
    }

    @PostMapping("/employers")
    String findEmployer(@RequestParam(defaultValue = "") String creditCode) {
        return employerPage(creditCode);
    }

    /**
     * The employer's page for a typed code; a code longer than any 统一社会信用代码 (GB 32100: 18 characters)
     * is refused before it is put into a redirect (it could outgrow the response's header limit).
     */
    private static String employerPage(String creditCode) {
        String code = normalise(creditCode);
        Bounds.requireText("creditCode", code, CREDIT_CODE_LENGTH);
        return "redirect:/employers/" + UriUtils.encodePathSegment(code, "UTF-8");
    }

    @GetMapping("/employers/{creditCode}")
    String employer(@PathVariable String creditCode, Access access, Model model) {
        return party("employers", catalog.employerFile(normalise(creditCode), access), access, model);
    }

    private static String lookup(String kind, Model model) {
        model.addAttribute("nav", kind);
        model.addAttribute("kind", kind);
        return "catalog/lookup";
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
