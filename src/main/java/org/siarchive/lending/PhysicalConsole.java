package org.siarchive.lending;

import jakarta.servlet.http.HttpServletResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.siarchive.catalog.ArchiveCodeList;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Violation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Physical loans in the console (实体借阅) for archivists: the open and overdue loans and the lend form, a
 * loan with its return and extension forms. A form with errors comes back as the same page with each
 * error beside its field and the input kept (422; 409 when an original is already out) (issue 14).
 */
@Controller
class PhysicalConsole {

    /** What the return and extension forms on a loan page hold. */
    record LoanForms(String archiveCodes, boolean damaged, String dueDate, String reason) {

        static LoanForms blank() {
            return new LoanForms("", false, "", "");
        }
    }

    /** A loan event as the page shows it, its detail in the reader's language. */
    record ShownEvent(String kind, String detail, String actor, OffsetDateTime at) {}

    private final PhysicalLoans physical;
    private final ReadableTime time;
    private final MessageSource messages;

    PhysicalConsole(PhysicalLoans physical, ReadableTime time, MessageSource messages) {
        this.physical = physical;
        this.time = time;
        this.messages = messages;
    }

    @GetMapping("/lending/physical")
    String physical(Access access, Model model) {
        return physical(LendForm.blank(), access, model);
    }

    private String physical(LendForm form, Access access, Model model) {
        model.addAttribute("nav", "lending");
        model.addAttribute("open", physical.open(access));
        model.addAttribute("overdue", physical.overdue(access));
        model.addAttribute("today", time.today());
        model.addAttribute("purposes", LoanRequests.PURPOSES.stream().sorted().toList());
        model.addAttribute("form", form);
        return "lending/physical";
    }

    @PostMapping("/lending/physical")
    String lend(
            @RequestParam(defaultValue = "") String borrower,
            @RequestParam(defaultValue = "") String borrowerUnit,
            @RequestParam(defaultValue = "PERSON") String borrowerKind,
            @RequestParam(defaultValue = "") String purposeCode,
            @RequestParam(defaultValue = "") String purpose,
            @RequestParam(defaultValue = "") String archiveCodes,
            @RequestParam(defaultValue = "") String dueDate,
            Access access,
            Model model,
            HttpServletResponse response) {
        var form = new LendForm(borrower, borrowerUnit, borrowerKind, purposeCode, purpose, archiveCodes, dueDate);
        try {
            return "redirect:/lending/physical/" + physical.lend(form.toLoan(), access);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("formErrors", FormErrors.of(List.of(besideCodes(e))));
        }
        return physical(form, access, model);
    }

    /** A refusal about the originals named (one is out on another loan), shown beside the 档号 field. */
    private static Violation besideCodes(ConflictException e) {
        return new Violation("archiveCodes", "conflict", e.messageKey(), e.args());
    }

    @GetMapping("/lending/physical/{id}")
    String loan(@PathVariable long id, Access access, Model model) {
        return loan(id, LoanForms.blank(), access, model);
    }

    private String loan(long id, LoanForms forms, Access access, Model model) {
        model.addAttribute("nav", "lending");
        model.addAttribute("loan", physical.loan(id, access));
        model.addAttribute("items", physical.items(id));
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute(
                "events",
                physical.events(id).stream()
                        .map(e -> new ShownEvent(
                                e.kind(),
                                LoanEventText.readable(e.detail(), messages, locale),
                                e.actor().equals(PhysicalLoans.REMINDER.name())
                                        ? messages.getMessage("lending.reminderActor", null, locale)
                                        : e.actor(),
                                e.at()))
                        .toList());
        model.addAttribute("today", time.today());
        model.addAttribute("forms", forms);
        return "lending/loan";
    }

    @PostMapping("/lending/physical/{id}/extend")
    String extend(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String dueDate,
            @RequestParam(defaultValue = "") String reason,
            Access access,
            Model model,
            HttpServletResponse response) {
        try {
            physical.extend(id, LendForm.date(dueDate), reason, access);
            return "redirect:/lending/physical/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
            return loan(id, new LoanForms("", false, dueDate, reason), access, model);
        }
    }

    @PostMapping("/lending/physical/{id}/return")
    String giveBack(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String archiveCodes,
            @RequestParam(defaultValue = "false") boolean damaged,
            Access access,
            Model model,
            HttpServletResponse response) {
        try {
            physical.giveBack(id, ArchiveCodeList.parse(archiveCodes), damaged, access);
            return "redirect:/lending/physical/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
            return loan(id, new LoanForms(archiveCodes, damaged, "", ""), access, model);
        }
    }
}
