package org.siarchive.sharing;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Registers;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The models of the 交换登记 pages; refused criteria come back (422) beside their fields, input kept. */
@Component
class ExchangeViews {

    private final ExchangeRegister register;
    private final SharingClients clients;
    private final Purposes purposes;
    private final ExchangeSheets sheets;
    private final Registers paper;

    ExchangeViews(
            ExchangeRegister register,
            SharingClients clients,
            Purposes purposes,
            ExchangeSheets sheets,
            Registers paper) {
        this.register = register;
        this.clients = clients;
        this.purposes = purposes;
        this.sheets = sheets;
        this.paper = paper;
    }

    /** The lines as the screen shows them: the register's cells as text (times in Beijing time). */
    private List<List<String>> cells(List<ExchangeRegister.Line> lines) {
        var r = sheets.register(lines, LocaleContextHolder.getLocale());
        return r.rows().stream()
                .map(row ->
                        row.stream().map(c -> c == null ? "" : paper.text(c)).toList())
                .toList();
    }

    String page(ExchangeRegister.Search search, int page, Model model, HttpServletResponse response) {
        common(model);
        try {
            var s = register.normalised(search);
            model.addAttribute("search", s);
            var found = register.search(s, page);
            model.addAttribute("result", found);
            model.addAttribute("rows", cells(found.lines()));
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
            model.addAttribute("search", search);
            model.addAttribute("result", new ExchangeRegister.Page(List.of(), 0, false));
            model.addAttribute("rows", List.of());
        }
        return "sharing/exchange";
    }

    String person(@Nullable String idNumber, Access access, Model model, HttpServletResponse response) {
        common(model);
        model.addAttribute("idNumber", idNumber == null ? "" : idNumber);
        try {
            var locale = LocaleContextHolder.getLocale();
            var rows = register.aboutPerson(idNumber == null ? "" : idNumber, access.actor()).stream()
                    .map(i -> List.of(
                            paper.text(i.at()),
                            i.clientName(),
                            i.department() == null ? "" : i.department(),
                            sheets.purpose(i.purpose(), locale),
                            sheets.fields(String.join(",", i.fields()), locale),
                            sheets.result(i.result(), locale)))
                    .toList();
            model.addAttribute("inquiries", rows);
            model.addAttribute("masked", ExchangeEntries.mask(idNumber));
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
            model.addAttribute("inquiries", List.of());
        }
        return "sharing/person";
    }

    private void common(Model model) {
        model.addAttribute("nav", "exchange");
        var all = clients.list();
        model.addAttribute("clients", all);
        var names = new HashMap<Long, String>();
        all.forEach(c -> names.put(c.id(), c.name()));
        model.addAttribute("clientNames", names);
        model.addAttribute("purposes", purposes.all());
        model.addAttribute("results", List.of("ANSWERED", "NOT_FOUND", "REFUSED"));
        model.addAttribute("pageSize", ExchangeRegister.PAGE_SIZE);
    }
}
