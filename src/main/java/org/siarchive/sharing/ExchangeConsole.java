package org.siarchive.sharing;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.siarchive.shared.Registers;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditor's 交换登记 pages: the search (client, purpose, result, Beijing days; the ID number only in a
 * posted form, never in a URL), pages of 50, the Excel export, and the page of who asked about one person.
 */
@Controller
class ExchangeConsole {

    private final ExchangeRegister register;
    private final ExchangeViews views;
    private final ExchangeSheets sheets;
    private final Registers paper;

    ExchangeConsole(ExchangeRegister register, ExchangeViews views, ExchangeSheets sheets, Registers paper) {
        this.register = register;
        this.views = views;
        this.sheets = sheets;
        this.paper = paper;
    }

    @GetMapping("/audit/exchange")
    String search(
            @RequestParam(required = false) @Nullable Long clientId,
            @RequestParam(required = false) @Nullable String purpose,
            @RequestParam(required = false) @Nullable String result,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            Model model,
            HttpServletResponse response) {
        return views.page(
                new ExchangeRegister.Search(clientId, purpose, result, from, to, null), page, model, response);
    }

    @PostMapping("/audit/exchange/find")
    String find(
            @RequestParam(required = false) @Nullable Long clientId,
            @RequestParam(required = false) @Nullable String purpose,
            @RequestParam(required = false) @Nullable String result,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String idNumber,
            @RequestParam(defaultValue = "0") int page,
            Model model,
            HttpServletResponse response) {
        return views.page(
                new ExchangeRegister.Search(clientId, purpose, result, from, to, idNumber), page, model, response);
    }

    @PostMapping("/audit/exchange/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @Nullable Long clientId,
            @RequestParam(required = false) @Nullable String purpose,
            @RequestParam(required = false) @Nullable String result,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String idNumber,
            Access access,
            Locale locale) {
        var lines = register.export(
                new ExchangeRegister.Search(clientId, purpose, result, from, to, idNumber), access.actor());
        return paper.download(sheets.register(lines, locale), "xlsx", access, locale);
    }

    @PostMapping("/audit/exchange/person")
    String person(
            @RequestParam(required = false) @Nullable String idNumber,
            Access access,
            Model model,
            HttpServletResponse response) {
        return views.person(idNumber, access, model, response);
    }
}
