package org.siarchive.capture;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.Ids;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's 修改著录 screen: an archivist corrects an item's title, 责任者 and 文件编号 and gives the
 * reason; {@link ItemCorrections} writes the new preserved version and the catalogue its row, history and
 * audit entry. A refused form comes back with each error beside its field and everything typed kept.
 */
@Controller
class CorrectionsConsole {

    /** What the form holds: the item's values at first, then what was typed. */
    record CorrectionForm(String title, String responsible, String docNo, String reason) {

        static CorrectionForm of(ItemRecord item) {
            return new CorrectionForm(item.title(), item.responsible(), item.docNo() == null ? "" : item.docNo(), "");
        }
    }

    private final Catalog catalog;
    private final ItemCorrections corrections;
    private final MessageSource messages;

    CorrectionsConsole(Catalog catalog, ItemCorrections corrections, MessageSource messages) {
        this.catalog = catalog;
        this.corrections = corrections;
        this.messages = messages;
    }

    @GetMapping("/items/{id}/correction")
    String form(@PathVariable String id, Access access, Model model) {
        var item = catalog.readItem(Ids.uuid("ITEM", id), access);
        return view(item, CorrectionForm.of(item), model);
    }

    @PostMapping("/items/{id}/correction")
    String correct(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String responsible,
            @RequestParam(required = false) @Nullable String docNo,
            @RequestParam(defaultValue = "") String reason,
            Access access,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var itemId = Ids.uuid("ITEM", id);
        var form = new CorrectionForm(title, responsible, docNo == null ? "" : docNo, reason);
        try {
            var corrected =
                    corrections.correct(itemId, new Catalog.Correction(title, responsible, docNo, reason), access);
            redirect.addFlashAttribute(
                    "flash", messages.getMessage("correction.saved", new Object[] {corrected.objectVersion()}, locale));
            return "redirect:/items/" + corrected.id();
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
            return view(catalog.requireItem(itemId, access.scope()), form, model);
        } catch (ConflictException e) {
            // a legal hold (or an item not yet preserved): the refusal beside the action, input kept
            response.setStatus(409);
            model.addAttribute(
                    "formErrors", FormErrors.of(List.of(new Violation("item", "conflict", e.messageKey(), e.args()))));
            return view(catalog.requireItem(itemId, access.scope()), form, model);
        }
    }

    private static String view(ItemRecord item, CorrectionForm form, Model model) {
        model.addAttribute("nav", "search");
        model.addAttribute("item", item);
        model.addAttribute("form", form);
        return "catalog/correct";
    }
}
