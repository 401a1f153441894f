package org.siarchive.disposition;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.siarchive.security.Permission;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The 销毁清册 page: the list with its totals, downloads, the 备案 form, the physical originals to destroy (with
 * the confirmation form) and the items to pull from boxes and volumes that keep others. Refused forms come back
 * with the errors beside the fields and the input kept (422).
 */
@Controller
class DestructionListsConsole {

    record FilingForm(String filedOn, String filingRef) {}

    private final DestructionLists lists;
    private final DestructionListFiling filing;
    private final DestructionListDownloads downloads;

    DestructionListsConsole(DestructionLists lists, DestructionListFiling filing, DestructionListDownloads downloads) {
        this.lists = lists;
        this.filing = filing;
        this.downloads = downloads;
    }

    /** From the batch page: generates (or finds) the batch's list and opens it. */
    @PostMapping("/disposition/batches/{batchId}/list")
    String generate(@PathVariable long batchId, Access access) {
        return "redirect:/disposition/lists/" + lists.generate(batchId, access);
    }

    @GetMapping("/disposition/lists/{id}")
    String list(@PathVariable long id, Access access, Model model) {
        return view(id, new FilingForm("", ""), access, model);
    }

    @GetMapping("/disposition/lists/{id}/export.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id, Access access, Locale locale) {
        return downloads.download(id, false, access, locale);
    }

    @GetMapping("/disposition/lists/{id}/export.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, Access access, Locale locale) {
        return downloads.download(id, true, access, locale);
    }

    @PostMapping("/disposition/lists/{id}/filing")
    String file(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String filedOn,
            @RequestParam(defaultValue = "") String filingRef,
            Access access,
            Model model,
            HttpServletResponse response) {
        try {
            filing.file(id, filedOn, filingRef, access);
            return "redirect:/disposition/lists/" + id;
        } catch (InvalidInputException | ConflictException e) {
            refused(e, "filedOn", response, model);
            return view(id, new FilingForm(filedOn, filingRef), access, model);
        }
    }

    @PostMapping("/disposition/lists/{id}/physical")
    String physical(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "0") long containerId,
            @RequestParam(defaultValue = "") String destroyedOn,
            @RequestParam(defaultValue = "") String method,
            Access access,
            Model model,
            HttpServletResponse response) {
        try {
            filing.confirmPhysical(id, kind, containerId, destroyedOn, method, access);
            return "redirect:/disposition/lists/" + id;
        } catch (InvalidInputException | ConflictException e) {
            refused(e, "destroyedOn", response, model);
            model.addAttribute("physicalFor", kind + containerId);
            model.addAttribute("physicalDate", destroyedOn);
            model.addAttribute("physicalMethod", method);
            return view(id, new FilingForm("", ""), access, model);
        }
    }

    private String view(long id, FilingForm form, Access access, Model model) {
        model.addAttribute("nav", "disposition");
        model.addAttribute("list", lists.view(id, access));
        model.addAttribute("form", form);
        model.addAttribute("canFile", access.can(Permission.DISPOSITION_PROPOSE));
        model.addAttribute("canConfirm", access.can(Permission.DISPOSITION_EXECUTE));
        return "disposition/list";
    }

    private static void refused(RuntimeException e, String conflictField, HttpServletResponse response, Model model) {
        response.setStatus(422);
        var errors = e instanceof InvalidInputException invalid
                ? FormErrors.of(invalid)
                : FormErrors.of(List.of(new Violation(
                        conflictField,
                        "conflict",
                        ((ConflictException) e).messageKey(),
                        ((ConflictException) e).args())));
        model.addAttribute("formErrors", errors);
    }
}
