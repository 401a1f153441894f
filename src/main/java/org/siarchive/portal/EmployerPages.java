package org.siarchive.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.Catalog;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.ReadableTime;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The employer's side of the online service: its 一企一档 catalogue (the items of the employers it is bound
 * to, a page at a time, up to 密级 内部), one item of it, and its binding requests.
 */
@Controller
class EmployerPages {

    /** 密级 up to 内部: 敏感 items are not shown online. */
    static final int CLEARANCE = 2;

    static final int PAGE_SIZE = 20;

    private final Catalog catalog;
    private final EmployerBindings bindings;
    private final AuditTrail audit;
    private final ReadableTime time;

    EmployerPages(Catalog catalog, EmployerBindings bindings, AuditTrail audit, ReadableTime time) {
        this.catalog = catalog;
        this.bindings = bindings;
        this.audit = audit;
        this.time = time;
    }

    @GetMapping("/portal/employer")
    String catalogue(@RequestParam(name = "page", defaultValue = "1") int page, Authentication auth, Model model) {
        var user = EmployerRequests.employer(auth);
        model.addAttribute("portalNav", "employer");
        model.addAttribute("employers", bindings.approved(user.accountId()));
        model.addAttribute("catalogue", catalog.employerItems(user.creditCodes(), CLEARANCE, page, PAGE_SIZE));
        model.addAttribute("time", time);
        return "portal/employer";
    }

    @GetMapping("/portal/employer/items/{id}")
    String item(@PathVariable("id") UUID id, Authentication auth, HttpServletRequest request, Model model) {
        var user = EmployerRequests.employer(auth);
        var item = catalog.item(id)
                .filter(i -> i.creditCode() != null && user.boundTo(i.creditCode()))
                .filter(i -> Integer.parseInt(i.securityLevel()) <= CLEARANCE && !catalog.destroyed(i.id()));
        if (item.isEmpty()) {
            audit.recordAlone(
                    EmployerRequests.actor(user, request),
                    AuditedObject.ITEM,
                    id.toString(),
                    AuditOperation.ACCESS,
                    AuditTrail.DENIED,
                    null,
                    "not the employer's");
            throw new NotFoundException("ITEM", id.toString());
        }
        audit.recordAlone(
                EmployerRequests.actor(user, request),
                AuditedObject.ITEM,
                id.toString(),
                AuditOperation.READ,
                AuditTrail.SUCCESS,
                null,
                item.get().archiveCode());
        model.addAttribute("portalNav", "employer");
        model.addAttribute("item", item.get());
        model.addAttribute("handledAt", time.format(item.get().handledAt(), ReadableTime.MINUTES));
        return "portal/employer-item";
    }

    @GetMapping("/portal/employer/bindings")
    String bindings(Authentication auth, Model model) {
        var user = EmployerRequests.employer(auth);
        return bindingsPage(user, model, "", "");
    }

    @PostMapping("/portal/employer/bindings")
    String request(
            @RequestParam(name = "creditCode", required = false) @Nullable String creditCode,
            @RequestParam(name = "employerName", required = false) @Nullable String employerName,
            Authentication auth,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var user = EmployerRequests.employer(auth);
        try {
            bindings.request(user, creditCode, employerName, EmployerRequests.actor(user, request));
            return "redirect:/portal/employer/bindings?requested";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute(
                    "formErrors",
                    FormErrors.of(java.util.List.of(
                            new org.siarchive.shared.Violation("creditCode", "conflict", e.messageKey(), e.args()))));
        }
        return bindingsPage(user, model, creditCode, employerName);
    }

    private String bindingsPage(PortalUser user, Model model, @Nullable String code, @Nullable String name) {
        model.addAttribute("portalNav", "employer");
        model.addAttribute("bindings", bindings.of(user.accountId()));
        model.addAttribute("creditCode", code == null ? "" : code);
        model.addAttribute("employerName", name == null ? "" : name);
        model.addAttribute("time", time);
        return "portal/bindings";
    }
}
