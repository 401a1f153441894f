package org.siarchive.integrity;

import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Console of fixity sweeps: start one (with a read-rate limit), watch it, read its findings. */
@Controller
class IntegrityConsole {

    private final FixitySweeps sweeps;

    IntegrityConsole(FixitySweeps sweeps) {
        this.sweeps = sweeps;
    }

    @GetMapping("/integrity")
    String list(Model model) {
        model.addAttribute("nav", "integrity");
        model.addAttribute("sweeps", sweeps.recent());
        return "integrity/sweeps";
    }

    @PostMapping("/integrity/sweeps")
    String start(@RequestParam(defaultValue = "50") int rateMbS, Access access) {
        if (rateMbS < 0 || rateMbS > 10_000) {
            throw new InvalidInputException(Violation.of("rateMbS", "range", 0, 10_000));
        }
        long id = sweeps.start(rateMbS, access.actor());
        return "redirect:/integrity/sweeps/" + id;
    }

    @GetMapping("/integrity/sweeps/{id}")
    String sweep(@PathVariable long id, Model model) {
        model.addAttribute("nav", "integrity");
        model.addAttribute("sweep", sweeps.sweep(id));
        model.addAttribute("findings", sweeps.findings(id));
        return "integrity/sweep";
    }
}
