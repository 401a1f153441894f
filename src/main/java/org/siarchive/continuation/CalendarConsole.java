package org.siarchive.continuation;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.siarchive.organisation.WorkingDays;
import org.siarchive.shared.Access;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Violation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The system administrator's 工作日历 (docs/adr/0083): a year's holidays and 调休 working weekends as entered,
 * a notice when the year is not maintained (deadlines then count plain weekdays), and the forms to set a day
 * (holiday or working day, with its name) or return it to the weekday rule — through organisation.WorkingDays,
 * audited there.
 */
@Controller
class CalendarConsole {

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;

    private final WorkingDays workingDays;
    private final ReadableTime time;

    CalendarConsole(WorkingDays workingDays, ReadableTime time) {
        this.workingDays = workingDays;
        this.time = time;
    }

    @GetMapping("/admin/calendar")
    String year(@RequestParam(defaultValue = "0") int year, Model model, HttpServletResponse response) {
        int y = year == 0 ? time.today().getYear() : year;
        if (y < MIN_YEAR || y > MAX_YEAR) {
            response.setStatus(422);
            model.addAttribute(
                    "formErrors", FormErrors.of(java.util.List.of(Violation.of("year", "range", MIN_YEAR, MAX_YEAR))));
            y = time.today().getYear();
        }
        model.addAttribute("nav", "calendar");
        model.addAttribute("year", y);
        model.addAttribute("days", workingDays.days(y));
        model.addAttribute("maintained", workingDays.maintained(y));
        model.asMap().putIfAbsent("formErrors", FormErrors.none());
        return "continuation/calendar";
    }

    @PostMapping("/admin/calendar")
    String change(
            @RequestParam(defaultValue = "") String day,
            @RequestParam(defaultValue = "set") String action,
            @RequestParam(defaultValue = "false") boolean working,
            @RequestParam(defaultValue = "") String name,
            Access access,
            Model model,
            HttpServletResponse response) {
        LocalDate d;
        try {
            d = parse(day);
            if ("clear".equals(action)) {
                workingDays.clear(d, access.actor());
            } else {
                workingDays.set(d, working, name, access.actor());
            }
            return "redirect:/admin/calendar?year=" + d.getYear();
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
            return year(0, model, response);
        }
    }

    private static LocalDate parse(String day) {
        if (day.isBlank()) {
            throw new InvalidInputException(Violation.of("day", "required"));
        }
        try {
            var d = LocalDate.parse(day.strip());
            if (d.getYear() < MIN_YEAR || d.getYear() > MAX_YEAR) {
                throw new InvalidInputException(Violation.of("day", "range", MIN_YEAR, MAX_YEAR));
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(Violation.of("day", "dateFormat"));
        }
    }
}
