package org.siarchive.lending;

import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.siarchive.lending.LendingRegisterRows.LoanFilter;
import org.siarchive.shared.Access;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Register;
import org.siarchive.shared.Registers;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The registers of lending on screen and on paper (issue 14): 利用登记 ({@code /lending/register}) and
 * 实体借阅 ({@code /lending/physical/register}), each exported as Excel or printed as an A4 PDF with the same
 * filters and the same rows as the page. Without dates a register covers the last 90 days.
 */
@Controller
class RegisterConsole {

    private final LendingRegisters registers;
    private final Utilisation utilisation;
    private final Registers paper;
    private final ReadableTime time;

    RegisterConsole(LendingRegisters registers, Utilisation utilisation, Registers paper, ReadableTime time) {
        this.registers = registers;
        this.utilisation = utilisation;
        this.paper = paper;
        this.time = time;
    }

    /** The dates a register covers: as given, else the 90 days up to today. */
    record Period(LocalDate from, LocalDate to) {}

    private Period period(@Nullable LocalDate from, @Nullable LocalDate to) {
        LocalDate t = to == null ? time.today() : to;
        return new Period(from == null ? t.minusDays(90) : from, t);
    }

    @GetMapping("/lending/register")
    String uses(
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            Model model,
            Access access,
            Locale locale) {
        var p = period(from, to);
        model.addAttribute("nav", "lending");
        model.addAttribute("from", p.from());
        model.addAttribute("to", p.to());
        model.addAttribute("screenRows", LendingRegisters.SCREEN_ROWS);
        model.addAttribute("register", registers.uses(p.from(), p.to(), LendingRegisters.SCREEN_ROWS, access, locale));
        model.addAttribute("stats", utilisation.statistics(p.from(), p.to(), access));
        return "lending/register";
    }

    @GetMapping("/lending/register/export")
    ResponseEntity<byte[]> exportUses(
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(defaultValue = "xlsx") String format,
            Access access,
            Locale locale) {
        var p = period(from, to);
        var register = registers.uses(p.from(), p.to(), limit(format), access, locale);
        return paper.download(register, format, access, locale);
    }

    @GetMapping("/lending/physical/register")
    String loans(
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(defaultValue = "ALL") LoanFilter state,
            Model model,
            Access access,
            Locale locale) {
        var p = period(from, to);
        model.addAttribute("nav", "lending");
        model.addAttribute("from", p.from());
        model.addAttribute("to", p.to());
        model.addAttribute("screenRows", LendingRegisters.SCREEN_ROWS);
        model.addAttribute("state", state);
        model.addAttribute("states", LoanFilter.values());
        model.addAttribute(
                "register", registers.loans(p.from(), p.to(), state, LendingRegisters.SCREEN_ROWS, access, locale));
        return "lending/physical-register";
    }

    @GetMapping("/lending/physical/register/export")
    ResponseEntity<byte[]> exportLoans(
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(defaultValue = "ALL") LoanFilter state,
            @RequestParam(defaultValue = "xlsx") String format,
            Access access,
            Locale locale) {
        var p = period(from, to);
        return paper.download(
                registers.loans(p.from(), p.to(), state, limit(format), access, locale), format, access, locale);
    }

    /** Excel holds up to the register's bound; a PDF fewer (the shared door refuses other formats). */
    private static int limit(String format) {
        return "pdf".equals(format) ? Register.MAX_PDF_ROWS : Register.MAX_ROWS;
    }
}
