package org.siarchive.catalog;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.siarchive.shared.Bounds;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * The lookup pages of 一人一档 and 一企一档. A person is found by certificate number with a POST (so the
 * number never appears in a URL, a log or the browser history) or by name, a bounded list of namesakes with
 * masked numbers and birth years; an employer by 统一社会信用代码 or by name. A lookup that does not validate
 * answers 422 with the same form, the errors beside the fields and the input kept.
 */
@Controller
class PartyLookupConsole {

    private static final int CREDIT_CODE_LENGTH = 18;
    private static final String VIEW = "catalog/lookup";

    private final Catalog catalog;
    private final PartyLookup lookup;

    PartyLookupConsole(Catalog catalog, PartyLookup lookup) {
        this.catalog = catalog;
        this.lookup = lookup;
    }

    /** What was typed, shown again: the number or code, and the name. */
    record LookupForm(String key, String name) {}

    @GetMapping("/persons")
    String persons(
            @RequestParam(required = false) @Nullable String notFound,
            @RequestParam(required = false) @Nullable String name,
            Access access,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("notFound", notFound != null);
        prepare("persons", "", name, model);
        if (name != null) {
            try {
                model.addAttribute("persons", lookup.personsNamed(name, access));
            } catch (InvalidInputException e) {
                return invalid(e, response, model);
            }
        }
        return VIEW;
    }

    @PostMapping("/persons")
    String findPerson(
            @RequestParam(defaultValue = "") String certNo, Access access, HttpServletResponse response, Model model) {
        String key = normalise(certNo);
        if (key.isEmpty() || key.length() > 32) {
            prepare("persons", certNo, null, model);
            var v = key.isEmpty() ? Violation.of("certNo", "required") : Violation.of("certNo", "maxLength", 32);
            return invalid(new InvalidInputException(v), response, model);
        }
        return catalog.findPerson(key, access)
                .map(id -> "redirect:/persons/" + id)
                .orElse("redirect:/persons?notFound");
    }

    @GetMapping("/employers")
    String employers(
            @RequestParam(required = false) @Nullable String creditCode,
            @RequestParam(required = false) @Nullable String q,
            Access access,
            HttpServletResponse response,
            Model model) {
        prepare("employers", creditCode == null ? "" : creditCode, q, model);
        try {
            if (creditCode != null && !creditCode.isBlank()) {
                return employerPage(creditCode);
            }
            if (q != null) {
                model.addAttribute("employers", lookup.employers(q, access));
            }
        } catch (InvalidInputException e) {
            return invalid(e, response, model);
        }
        return VIEW;
    }

    @PostMapping("/employers")
    String findEmployer(@RequestParam(defaultValue = "") String creditCode, HttpServletResponse response, Model model) {
        try {
            return employerPage(creditCode);
        } catch (InvalidInputException e) {
            prepare("employers", creditCode, null, model);
            return invalid(e, response, model);
        }
    }

    /**
     * The employer's page for a typed code; a code longer than any 统一社会信用代码 (GB 32100: 18 characters)
     * is refused before it is put into a redirect (it could outgrow the response's header limit).
     */
    private static String employerPage(String creditCode) {
        String code = normalise(creditCode);
        if (code.isEmpty()) {
            throw new InvalidInputException(Violation.of("creditCode", "required"));
        }
        Bounds.requireText("creditCode", code, CREDIT_CODE_LENGTH);
        return "redirect:/employers/" + UriUtils.encodePathSegment(code, "UTF-8");
    }

    private static void prepare(String kind, String key, @Nullable String name, Model model) {
        model.addAttribute("nav", kind);
        model.addAttribute("kind", kind);
        model.addAttribute("limit", PartyLookup.LIMIT);
        model.addAttribute("form", new LookupForm(key, name == null ? "" : name));
    }

    private static String invalid(InvalidInputException e, HttpServletResponse response, Model model) {
        response.setStatus(422);
        model.addAttribute("formErrors", FormErrors.of(e));
        return VIEW;
    }

    private static String normalise(String key) {
        return key.strip().toUpperCase(Locale.ROOT);
    }
}
