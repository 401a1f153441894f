package org.siarchive.disposition;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.ItemFacts;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.ForbiddenException;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's 冻结 pages: the list with its search and the form to place a hold (refused forms come back
 * with each error beside its field, everything typed kept), and a hold's page with the items it covers now
 * (paged) and the release form.
 */
@Controller
class HoldsConsole {

    /** The place form as typed; codes one per line, title words separated by spaces. */
    record PlaceForm(
            String caseType,
            String caseRef,
            String reason,
            String owner,
            String subject,
            String archiveCodes,
            String idNumber,
            String creditCode,
            String fondsCode,
            String categoryCode,
            String stepCode,
            String insuranceType,
            String yearFrom,
            String yearTo,
            String archiveCodePrefix,
            String titleWords) {

        PlaceForm {
            caseType = nz(caseType);
            caseRef = nz(caseRef);
            reason = nz(reason);
            owner = nz(owner);
            subject = nz(subject);
            archiveCodes = nz(archiveCodes);
            idNumber = nz(idNumber);
            creditCode = nz(creditCode);
            fondsCode = nz(fondsCode);
            categoryCode = nz(categoryCode);
            stepCode = nz(stepCode);
            insuranceType = nz(insuranceType);
            archiveCodePrefix = nz(archiveCodePrefix);
            yearFrom = nz(yearFrom);
            yearTo = nz(yearTo);
            titleWords = nz(titleWords);
        }

        private static String nz(@Nullable String s) {
            return s == null ? "" : s;
        }

        static PlaceForm blank() {
            return new PlaceForm("AUDIT", "", "", "", "ITEMS", "", "", "", "", "", "", "", "", "", "", "");
        }

        HoldRequest request() {
            var codes = Arrays.stream(archiveCodes.split("[\\r\\n,，、]+"))
                    .filter(s -> !s.isBlank())
                    .toList();
            var words = Arrays.stream(titleWords.split("\\s+"))
                    .filter(s -> !s.isBlank())
                    .toList();
            var query = new ItemFacts.Criteria(
                    null,
                    null,
                    nullIfBlank(fondsCode),
                    nullIfBlank(categoryCode),
                    nullIfBlank(stepCode),
                    nullIfBlank(insuranceType),
                    year(yearFrom, "query"),
                    year(yearTo, "query.yearTo"),
                    nullIfBlank(archiveCodePrefix),
                    words);
            return new HoldRequest(
                    caseType,
                    caseRef,
                    reason,
                    owner,
                    subject,
                    codes,
                    List.of(),
                    idNumber,
                    creditCode,
                    "QUERY".equals(subject) ? query : null);
        }

        private static @Nullable Integer year(String s, String field) {
            if (s.isBlank()) {
                return null;
            }
            try {
                return Integer.valueOf(s.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(Violation.of(field, "integer"));
            }
        }

        private static @Nullable String nullIfBlank(String s) {
            return s.isBlank() ? null : s;
        }
    }

    private final Holds holds;
    private final MessageSource messages;

    HoldsConsole(Holds holds, MessageSource messages) {
        this.holds = holds;
        this.messages = messages;
    }

    @GetMapping("/disposition/holds")
    String list(
            @RequestParam(defaultValue = "") String holdNo,
            @RequestParam(defaultValue = "") String caseRef,
            @RequestParam(defaultValue = "") String state,
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String archiveCode,
            Access access,
            Model model,
            HttpServletResponse response) {
        var search = new Holds.Search(holdNo, caseRef, state, subject, archiveCode, null);
        return listView(search, PlaceForm.blank(), access, model, response);
    }

    @PostMapping("/disposition/holds/find")
    String find(
            @RequestParam(defaultValue = "") String idNumber,
            Access access,
            Model model,
            HttpServletResponse response) {
        return listView(
                new Holds.Search(null, null, null, null, null, idNumber), PlaceForm.blank(), access, model, response);
    }

    @PostMapping("/disposition/holds")
    String place(@ModelAttribute PlaceForm form, Access access, Model model, HttpServletResponse response) {
        try {
            var hold = holds.place(form.request(), access);
            return "redirect:/disposition/holds/" + hold.holdNo();
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
            return listView(Holds.Search.all(), form, access, model, response);
        }
    }

    @GetMapping("/disposition/holds/{holdNo}")
    String hold(@PathVariable String holdNo, @RequestParam(defaultValue = "0") int page, Access access, Model model) {
        return holdView(holds.get(holdNo, access), page, "", access, model);
    }

    @PostMapping("/disposition/holds/{holdNo}/release")
    String release(
            @PathVariable String holdNo,
            @RequestParam(defaultValue = "") String reason,
            Access access,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            holds.release(holdNo, reason, access);
            redirect.addFlashAttribute("flash", messages.getMessage("hold.released", new Object[] {holdNo}, locale));
            return "redirect:/disposition/holds/" + holdNo;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
        } catch (ForbiddenException e) {
            response.setStatus(403);
            model.addAttribute("formErrors", beside(e.messageKey(), e.args()));
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("formErrors", beside(e.messageKey(), e.args()));
        }
        return holdView(holds.get(holdNo, access), 0, reason, access, model);
    }

    private static FormErrors beside(String key, List<String> args) {
        return FormErrors.of(List.of(new Violation("reason", "conflict", key, args)));
    }

    private String listView(
            Holds.Search search, PlaceForm form, Access access, Model model, HttpServletResponse response) {
        model.addAttribute("nav", "holds");
        model.addAttribute("search", search);
        model.addAttribute("form", form);
        model.addAttribute("cases", HoldCase.values());
        model.addAttribute("subjects", HoldSubject.values());
        model.asMap().putIfAbsent("formErrors", FormErrors.none());
        try {
            model.addAttribute("holds", holds.search(search, access));
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("holds", List.of());
            model.addAttribute("formErrors", FormErrors.of(e));
        }
        return "disposition/holds";
    }

    private String holdView(Hold hold, int page, String reason, Access access, Model model) {
        model.addAttribute("nav", "holds");
        model.addAttribute("hold", hold);
        model.addAttribute("items", holds.covered(hold, page, access));
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("pageSize", Holds.PAGE_SIZE);
        model.addAttribute("reason", reason);
        model.asMap().putIfAbsent("formErrors", FormErrors.none());
        return "disposition/hold";
    }
}
