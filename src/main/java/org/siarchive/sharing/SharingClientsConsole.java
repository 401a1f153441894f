package org.siarchive.sharing;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import org.jspecify.annotations.Nullable;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The security administrator's 共享核验客户端 pages: the list with the register form, one client's page with
 * the change form, suspend/resume and token rotation. A new token is shown once, on the page after.
 */
@Controller
class SharingClientsConsole {

    private final SharingClients clients;
    private final Purposes purposes;
    private final Organisations organisations;

    SharingClientsConsole(SharingClients clients, Purposes purposes, Organisations organisations) {
        this.clients = clients;
        this.purposes = purposes;
        this.organisations = organisations;
    }

    @GetMapping("/admin/sharing-clients")
    String list(Model model) {
        model.addAttribute("form", ClientForm.blank());
        return render(model);
    }

    @PostMapping("/admin/sharing-clients")
    String register(
            @ModelAttribute("form") ClientForm form,
            Access access,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        try {
            var issued = clients.register(form, access.actor());
            flash.addFlashAttribute("issuedToken", issued.token());
            return "redirect:/admin/sharing-clients/" + issued.client().id();
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
            return render(model);
        }
    }

    @GetMapping("/admin/sharing-clients/{id}")
    String client(@PathVariable long id, Model model) {
        var c = clients.require(id);
        model.addAttribute("form", ClientForm.of(c));
        return renderOne(c, model);
    }

    @PostMapping("/admin/sharing-clients/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") ClientForm form,
            Access access,
            Model model,
            HttpServletResponse response) {
        var c = clients.require(id);
        try {
            clients.update(id, form, access.actor());
            return "redirect:/admin/sharing-clients/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
            return renderOne(c, model);
        }
    }

    @PostMapping("/admin/sharing-clients/{id}/suspend")
    String suspend(@PathVariable long id, @RequestParam(required = false) @Nullable String reason, Access access) {
        clients.suspend(id, reason, access.actor());
        return "redirect:/admin/sharing-clients/" + id;
    }

    @PostMapping("/admin/sharing-clients/{id}/resume")
    String resume(@PathVariable long id, Access access) {
        clients.resume(id, access.actor());
        return "redirect:/admin/sharing-clients/" + id;
    }

    @PostMapping("/admin/sharing-clients/{id}/rotate")
    String rotate(@PathVariable long id, Access access, RedirectAttributes flash) {
        flash.addFlashAttribute(
                "issuedToken", clients.rotate(id, access.actor()).token());
        return "redirect:/admin/sharing-clients/" + id;
    }

    private String renderOne(SharingClient c, Model model) {
        model.addAttribute("client", c);
        return common(model, "sharing/client");
    }

    private String render(Model model) {
        model.addAttribute("clients", clients.list());
        return common(model, "sharing/clients");
    }

    private String common(Model model, String view) {
        model.addAttribute("nav", "sharingClients");
        model.addAttribute("purposes", purposes.all());
        model.addAttribute("fields", SharingField.values());
        model.addAttribute("orgs", organisations.all());
        var names = new HashMap<Long, String>();
        organisations.all().forEach(o -> names.put(o.id(), o.name()));
        model.addAttribute("orgNames", names);
        return view;
    }
}
