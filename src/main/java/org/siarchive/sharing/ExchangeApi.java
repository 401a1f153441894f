package org.siarchive.sharing;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.siarchive.shared.Registers;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exchange register (交换登记) as JSON for the auditor's session — search, export, a person. Not under
 * {@code /api/v1}: API tokens carry business scopes only and the auditor is an administrator (ADR 0081), like
 * the audit log's own extracts under {@code /audit}.
 */
@RestController
@RequestMapping("/audit/exchange")
class ExchangeApi {

    /** A search with the ID number, in the body; {@code page} counts from 0. */
    record SearchBody(
            @Nullable Long clientId,
            @Nullable String purpose,
            @Nullable String result,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable String idNumber,
            @Nullable Integer page) {

        ExchangeRegister.Search search() {
            return new ExchangeRegister.Search(clientId, purpose, result, from, to, idNumber);
        }
    }

    record PersonBody(@Nullable String idNumber) {}

    private final ExchangeRegister register;
    private final ExchangeSheets sheets;
    private final Registers paper;

    ExchangeApi(ExchangeRegister register, ExchangeSheets sheets, Registers paper) {
        this.register = register;
        this.sheets = sheets;
        this.paper = paper;
    }

    @GetMapping("/lines")
    ExchangeRegister.Page list(
            @RequestParam(required = false) @Nullable Long clientId,
            @RequestParam(required = false) @Nullable String purpose,
            @RequestParam(required = false) @Nullable String result,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "0") int page) {
        return register.search(new ExchangeRegister.Search(clientId, purpose, result, from, to, null), page);
    }

    @PostMapping("/lines")
    ExchangeRegister.Page search(@RequestBody SearchBody body) {
        return register.search(body.search(), body.page() == null ? 0 : body.page());
    }

    @PostMapping(path = "/export", consumes = "application/json")
    ResponseEntity<byte[]> export(@RequestBody SearchBody body, Access access, Locale locale) {
        var lines = register.export(body.search(), access.actor());
        return paper.download(sheets.register(lines, locale), "xlsx", access, locale);
    }

    @PostMapping("/about-person")
    List<ExchangeRegister.Inquiry> aboutPerson(@RequestBody PersonBody body, Access access) {
        return register.aboutPerson(body.idNumber() == null ? "" : body.idNumber(), access.actor());
    }
}
