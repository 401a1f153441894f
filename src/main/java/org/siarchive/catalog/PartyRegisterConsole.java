package org.siarchive.catalog;

import java.util.Locale;
import org.siarchive.shared.Access;
import org.siarchive.shared.Register;
import org.siarchive.shared.Registers;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 一人一档 and 一企一档 as the 目录 register, in Excel or as an A4 PDF: the same items, in the same order, as the
 * page shows (read, scoped and audited like the page). 备注 names a state other than 已保存.
 */
@Controller
class PartyRegisterConsole {

    private final Catalog catalog;
    private final Registers registers;
    private final MessageSource messages;

    PartyRegisterConsole(Catalog catalog, Registers registers, MessageSource messages) {
        this.catalog = catalog;
        this.registers = registers;
        this.messages = messages;
    }

    @GetMapping("/persons/{id}/export")
    ResponseEntity<byte[]> person(
            @PathVariable long id, @RequestParam(defaultValue = "xlsx") String format, Access access, Locale locale) {
        var file = catalog.personFile(id, access);
        return registers.download(register("person.register.title", file, locale), format, access, locale);
    }

    @GetMapping("/employers/{creditCode}/export")
    ResponseEntity<byte[]> employer(
            @PathVariable String creditCode,
            @RequestParam(defaultValue = "xlsx") String format,
            Access access,
            Locale locale) {
        var file = catalog.employerFile(creditCode.strip().toUpperCase(Locale.ROOT), access);
        return registers.download(register("employer.register.title", file, locale), format, access, locale);
    }

    /** The file's items as the 目录 register. */
    Register register(String titleKey, PartyFile file, Locale locale) {
        var lines = file.items().stream()
                .map(i -> new DirectoryRegister.Line(
                        i.archiveCode(),
                        i.title(),
                        i.responsible(),
                        i.docDate(),
                        i.retentionCode(),
                        i.securityLevel(),
                        i.pageCount(),
                        ItemState.PRESERVED.name().equals(i.status())
                                ? null
                                : messages.getMessage("label.status." + i.status(), null, i.status(), locale)))
                .toList();
        return new DirectoryRegister(messages, locale).of(titleKey, lines);
    }
}
