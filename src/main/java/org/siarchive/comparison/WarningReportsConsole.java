package org.siarchive.comparison;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Registers;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's warning statistics (with Excel export) and payment instruction pages. */
@Controller
class WarningReportsConsole {

    private final WarningStatistics statistics;
    private final PaymentInstructions instructions;
    private final Registers registers;

    WarningReportsConsole(WarningStatistics statistics, PaymentInstructions instructions, Registers registers) {
        this.statistics = statistics;
        this.instructions = instructions;
        this.registers = registers;
    }

    @GetMapping("/comparison/warnings/statistics")
    String statistics(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            Access access,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("nav", "warnings");
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        try {
            model.addAttribute("lines", statistics.lines(from, to, access, locale));
            model.addAttribute("formErrors", FormErrors.none());
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("lines", List.of());
            model.addAttribute("formErrors", FormErrors.of(e));
        }
        return "comparison/warning-statistics";
    }

    @GetMapping("/comparison/warnings/statistics/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            Access access,
            Locale locale) {
        return registers.download(
                statistics.register(statistics.lines(from, to, access, locale)), "xlsx", access, locale);
    }

    @GetMapping("/comparison/payment-instructions")
    String instructions(
            @RequestParam(required = false) @Nullable String state,
            Access access,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("nav", "warnings");
        model.addAttribute("state", state == null ? "" : state);
        try {
            model.addAttribute("instructions", instructions.list(PaymentInstructionsApi.state(state), access));
            model.addAttribute("formErrors", FormErrors.none());
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("instructions", List.of());
            model.addAttribute("formErrors", FormErrors.of(e));
        }
        return "comparison/payment-instructions";
    }
}
