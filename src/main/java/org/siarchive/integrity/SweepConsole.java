package org.siarchive.integrity;

import java.util.Locale;
import org.siarchive.organisation.Organisations;
import org.siarchive.preservation.Preservation;
import org.siarchive.shared.Access;
import org.siarchive.shared.ForbiddenException;
import org.siarchive.shared.Registers;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One fixity sweep on the console: its live progress (a fragment the page polls while the sweep runs) and
 * its findings, each with its state and how it can be put right.
 */
@Controller
class SweepConsole {

    private final FixitySweeps sweeps;
    private final FindingList findings;
    private final Preservation preservation;
    private final Organisations organisations;
    private final Registers registers;

    SweepConsole(
            FixitySweeps sweeps,
            FindingList findings,
            Preservation preservation,
            Organisations organisations,
            Registers registers) {
        this.registers = registers;
        this.sweeps = sweeps;
        this.findings = findings;
        this.preservation = preservation;
        this.organisations = organisations;
    }

    @GetMapping("/integrity/sweeps/{id}")
    String sweep(@PathVariable long id, Model model, Locale locale, Access access) {
        requireWholeStore(access);
        model.addAttribute("nav", "integrity");
        model.addAttribute("sweep", sweeps.sweep(id));
        model.addAttribute("findings", findings.of(id, locale));
        model.addAttribute("replica", preservation.replica().isPresent());
        return "integrity/sweep";
    }

    /** The progress block alone: the sweep page and the overview poll it every second while the sweep runs. */
    @GetMapping("/integrity/sweeps/{id}/progress")
    String progress(@PathVariable long id, Model model, Access access) {
        requireWholeStore(access);
        model.addAttribute("sweep", sweeps.sweep(id));
        return "integrity/progress :: sweep";
    }

    /** The sweep's findings as a register (固定性巡检问题登记表), as Excel or an A4 PDF. */
    @GetMapping("/integrity/sweeps/{id}/export")
    ResponseEntity<byte[]> export(
            @PathVariable long id, @RequestParam(defaultValue = "xlsx") String format, Locale locale, Access access) {
        requireWholeStore(access);
        sweeps.sweep(id);
        return registers.download(findings.register(findings.of(id, locale), locale), format, access, locale);
    }

    /** Sweeps concern the whole store: seen only from a whole-tree scope (docs/adr/0031). */
    private void requireWholeStore(Access access) {
        if (!organisations.coversWholeTree(access.scope())) {
            throw new ForbiddenException("integrity.wholeStore");
        }
    }
}
