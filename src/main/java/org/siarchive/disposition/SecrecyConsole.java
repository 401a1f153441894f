package org.siarchive.disposition;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.siarchive.catalog.ItemSecrecy.Decision;
import org.siarchive.shared.Access;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's 密级到期审查 page (docs/adr/0064): items past their 保密期限, each with a form deciding
 * 解密, 降密 or 维持 with a reason (and the new day for 维持). A refused decision comes back on the same
 * page (422) with what was typed.
 */
@Controller
class SecrecyConsole {

    static final int PAGE_SIZE = 50;

    private final SecrecyReview review;

    SecrecyConsole(SecrecyReview review) {
        this.review = review;
    }

    @GetMapping("/disposition/secrecy")
    String page(@RequestParam(defaultValue = "0") int page, Access access, Model model) {
        model.addAttribute("nav", "secrecy");
        model.addAttribute("due", review.due(access, page, PAGE_SIZE));
        model.addAttribute("decisions", Decision.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new SecrecyForm(null, "", "", ""));
        }
        return "disposition/secrecy";
    }

    @PostMapping("/disposition/secrecy/{itemId}")
    String decide(
            @PathVariable UUID itemId,
            @RequestParam(defaultValue = "") String decision,
            @RequestParam(defaultValue = "") String until,
            @RequestParam(defaultValue = "") String reason,
            Access access,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        var form = new SecrecyForm(itemId, decision, until, reason);
        try {
            var change = review.decide(itemId, form.submitted(), access);
            redirect.addFlashAttribute("decided", change.archiveCode());
            return "redirect:/disposition/secrecy";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
            model.addAttribute("form", form);
            return page(0, access, model);
        }
    }
}
