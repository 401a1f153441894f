package org.siarchive.supervision;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.siarchive.shared.Access;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.ReadableTime;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's 整改事项 pages: the list of the reader's units' items (open first, overdue marked) with its
 * export, and an item's page where the unit reports what it did and the inspector accepts or returns it.
 */
@Controller
class RectificationsConsole {

    private final Rectifications rectifications;
    private final SupervisionExports exports;
    private final ReadableTime time;

    RectificationsConsole(Rectifications rectifications, SupervisionExports exports, ReadableTime time) {
        this.rectifications = rectifications;
        this.exports = exports;
        this.time = time;
    }

    @GetMapping("/supervision/rectifications")
    String list(Access access, Model model) {
        model.addAttribute("items", rectifications.list(access, null));
        model.addAttribute("today", time.today());
        model.addAttribute("nav", "rectifications");
        return "supervision/rectifications";
    }

    @GetMapping("/supervision/rectifications/export")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "xlsx") String format, Access access, Locale locale) {
        return exports.rectifications(rectifications.list(access, null), format, access, locale);
    }

    @GetMapping("/supervision/rectifications/{id}")
    String item(@PathVariable String id, Access access, Model model) {
        return itemView(rectifications.get(uuid(id), access), FormErrors.none(), Map.of(), access, model);
    }

    @PostMapping("/supervision/rectifications/{id}/{step:submit|accept|return}")
    String step(
            @PathVariable String id,
            @PathVariable String step,
            @RequestParam Map<String, String> typed,
            Access access,
            Model model,
            HttpServletResponse response) {
        UUID item = uuid(id);
        try {
            switch (step) {
                case "submit" -> rectifications.submit(item, typed.get("report"), access);
                case "accept" -> rectifications.accept(item, access);
                default -> rectifications.sendBack(item, typed.get("reason"), access);
            }
            return "redirect:/supervision/rectifications/" + item;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return itemView(rectifications.get(item, access), FormErrors.of(e), typed, access, model);
        }
    }

    private String itemView(Rectification r, FormErrors errors, Map<String, String> typed, Access access, Model model) {
        model.addAttribute("item", r);
        model.addAttribute("overdue", r.overdue(time.today()));
        model.addAttribute(
                "canSubmit",
                r.state() == RectificationState.OPEN
                        && access.can(SupervisionAccessRules.RECTIFY)
                        && (r.owner() == null || r.owner().equals(access.actor().name())));
        model.addAttribute(
                "canDecide", r.state() == RectificationState.SUBMITTED && rectifications.inspects(r, access));
        model.addAttribute("typed", typed);
        model.addAttribute("formErrors", errors);
        model.addAttribute("nav", "rectifications");
        return "supervision/rectification";
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("RECTIFICATION", id.length() > 40 ? id.substring(0, 40) : id);
        }
    }
}
