package org.siarchive.lending;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.Catalog;
import org.siarchive.lending.LoanRequests.Request;
import org.siarchive.shared.Access;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Lending console (利用): requests for readers, approvals for approvers. A form with errors comes back as
 * the same page (422) with each error beside its field and the input kept (issue 14). What a page offers
 * follows the caller's permissions; the HTTP rules enforce them. The viewer, physical loans and the
 * registers have their own controllers.
 */
@Controller
class LendingConsole {

    static final String REQUEST = "lending:request";
    static final String APPROVE = "lending:approve";
    static final String MANAGE = "lending:manage";
    static final String ITEM_READ = "catalog:item:read";

    private final LoanRequests requests;
    private final RequestSteps steps;
    private final RequestItems items;
    private final Catalog catalog;

    LendingConsole(LoanRequests requests, RequestSteps steps, RequestItems items, Catalog catalog) {
        this.requests = requests;
        this.steps = steps;
        this.items = items;
        this.catalog = catalog;
    }

    /** The lending home; {@code archiveCodes} (repeated or newline-joined) pre-fill the request form. */
    @GetMapping("/lending")
    String home(@RequestParam(required = false) @Nullable List<String> archiveCodes, Access access, Model model) {
        String codes = archiveCodes == null ? "" : String.join("\n", archiveCodes);
        return home(RequestForm.prefilled(codes.strip()), access, model);
    }

    private String home(RequestForm form, Access access, Model model) {
        var mine = access.can(REQUEST) ? requests.mine(access) : List.<Request>of();
        var awaiting = access.can(APPROVE) ? requests.awaiting(access) : List.<Request>of();
        var progress = new HashMap<Long, RequestSteps.Progress>();
        mine.forEach(r -> progress.put(r.id(), steps.of(r)));
        awaiting.forEach(r -> progress.put(r.id(), steps.of(r)));
        model.addAttribute("nav", "lending");
        model.addAttribute("canRequest", access.can(REQUEST));
        model.addAttribute("canApprove", access.can(APPROVE));
        model.addAttribute("mine", mine);
        model.addAttribute("awaiting", awaiting);
        model.addAttribute("progress", progress);
        model.addAttribute("form", form);
        model.addAttribute("purposes", LoanRequests.PURPOSES.stream().sorted().toList());
        return "lending/home";
    }

    @PostMapping("/lending/requests")
    String request(
            @RequestParam(defaultValue = "") String archiveCodes,
            @RequestParam(defaultValue = "") String purposeCode,
            @RequestParam(defaultValue = "") String purpose,
            @RequestParam(defaultValue = "") String periodDays,
            @RequestParam(defaultValue = "false") boolean download,
            @RequestParam(defaultValue = "false") boolean print,
            Access access,
            Model model,
            HttpServletResponse response) {
        var form = new RequestForm(archiveCodes, purposeCode, purpose, periodDays, download, print);
        try {
            return "redirect:/lending/requests/" + requests.request(form.toRequest(), access);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
            return home(form, access, model);
        }
    }

    @GetMapping("/lending/requests/{id}")
    String request(@PathVariable long id, Access access, Model model) {
        return request(id, "", access, model);
    }

    private String request(long id, String note, Access access, Model model) {
        var r = requests.visible(id, access, access.can(APPROVE));
        var approvals = requests.approvals(id);
        model.addAttribute("nav", "lending");
        model.addAttribute("r", r);
        model.addAttribute("items", items.shown(requests.items(id), access));
        model.addAttribute("approvals", approvals);
        model.addAttribute("progress", steps.of(r, approvals));
        model.addAttribute("mine", r.applicant().equals(access.actor().name()));
        model.addAttribute("active", r.active(catalog.now()));
        model.addAttribute("canDecide", access.can(APPROVE) && requests.decidable(r, access));
        model.addAttribute("canReadItem", access.can(ITEM_READ));
        model.addAttribute("note", note);
        return "lending/request";
    }

    @PostMapping("/lending/requests/{id}/decision")
    String decide(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean approve,
            @RequestParam(required = false) @Nullable String note,
            Access access,
            Model model,
            HttpServletResponse response) {
        try {
            requests.decide(id, approve, note, access);
            return "redirect:/lending/requests/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
            return request(id, note == null ? "" : note, access, model);
        }
    }

    @PostMapping("/lending/requests/{id}/withdraw")
    String withdraw(@PathVariable long id, Access access) {
        requests.withdraw(id, access);
        return "redirect:/lending/requests/" + id;
    }
}
