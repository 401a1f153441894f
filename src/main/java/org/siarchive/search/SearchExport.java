package org.siarchive.search;

import java.util.Locale;
import org.siarchive.catalog.DirectoryRegister;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Register;
import org.siarchive.shared.Registers;
import org.siarchive.shared.Violation;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search results as the 目录 register ({@code /search/export?format=xlsx|pdf} with the search's own
 * parameters): every hit in the screen's order, as far as the result window and the register allow. A search
 * with an ID number posts the same form instead, so the number stays out of the address (ADR 0051).
 */
@Controller
class SearchExport {

    private final Searches search;
    private final Registers registers;
    private final MessageSource messages;

    SearchExport(Searches search, Registers registers, MessageSource messages) {
        this.search = search;
        this.registers = registers;
        this.messages = messages;
    }

    @RequestMapping(
            path = "/search/export",
            method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<byte[]> export(
            @ParameterObject SearchParameters parameters,
            @RequestParam(defaultValue = "xlsx") String format,
            Access access,
            Locale locale) {
        int max =
                switch (format) {
                    case "xlsx" -> Register.MAX_ROWS;
                    case "pdf" -> Register.MAX_PDF_ROWS;
                    default -> throw new InvalidInputException(Violation.of("format", "code"));
                };
        var hits = search.all(parameters.query(SearchParameters.DEFAULT_SIZE), access, max);
        return registers.download(register(hits, locale), format, access, locale);
    }

    /** The hits as the 目录 register. */
    Register register(java.util.List<SearchHit> hits, Locale locale) {
        var lines = hits.stream()
                .map(h -> new DirectoryRegister.Line(
                        h.archiveCode(),
                        h.title(),
                        h.responsible(),
                        h.docDate(),
                        h.retentionCode(),
                        h.securityLevel(),
                        h.pageCount(),
                        null))
                .toList();
        return new DirectoryRegister(messages, locale).of("search.register.title", lines);
    }
}
