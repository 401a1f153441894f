package org.siarchive.security;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The organisation tree and the system administrator's form for a new unit. A refused unit comes back
 * (422, or 409 for a code already taken) with the error beside its field and what was typed kept.
 */
@Controller
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class OrganisationsConsole {

    /** The new-unit form as posted. */
    record OrgForm(@Nullable String parentId, @Nullable String code, @Nullable String name, @Nullable String level) {

        OrgForm {
            code = code == null ? "" : code.strip();
            name = name == null ? "" : name.strip();
            level = level == null ? "" : level;
        }

        static OrgForm blank() {
            return new OrgForm(null, "", "", "COUNTY");
        }
    }

    static final List<String> LEVELS = List.of("PROVINCE", "CITY", "COUNTY", "AGENCY");

    private final Organisations organisations;

    OrganisationsConsole(Organisations organisations) {
        this.organisations = organisations;
    }

    @GetMapping("/admin/organisations")
    String organisations(Model model) {
        model.addAttribute("form", OrgForm.blank());
        return render(model);
    }

    @PostMapping("/admin/organisations")
    String createOrg(@ModelAttribute("form") OrgForm form, Access access, Model model, HttpServletResponse response) {
        var v = new java.util.ArrayList<Violation>();
        long parentId = FormNumbers.parse(form.parentId(), "parentId", v);
        try {
            if (!v.isEmpty()) {
                throw new InvalidInputException(v);
            }
            organisations.create(parentId, form.code(), form.name(), form.level(), access.actor());
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
            return render(model);
        } catch (ConflictException e) {
            response.setStatus(409);
            var taken = new Violation("code", "conflict", e.messageKey(), e.args());
            model.addAttribute("formErrors", FormErrors.of(List.of(taken)));
            return render(model);
        }
        return "redirect:/admin/organisations";
    }

    private String render(Model model) {
        model.addAttribute("nav", "organisations");
        model.addAttribute("orgs", organisations.all());
        model.addAttribute("levels", LEVELS);
        return "security/organisations";
    }
}
