package org.siarchive.continuation;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The console's 转移接续 pages: the worklist within scope (overdue first; filters state, direction, overdue), the
 * form registering a 申请表 with optional scans, and a case's page with its steps, deadlines and messages and the
 * step it waits for (send the 联系函, answer with the 信息表, complete, refuse; upload an envelope received as a
 * file). Refused forms come back with each error beside its field (422), a step the state forbids with 409.
 */
@Controller
class ContinuationConsole {

    /** The 申请表 as typed. */
    record ApplyForm(
            @Nullable String certNo,
            @Nullable String name,
            @Nullable String scheme,
            @Nullable String kind,
            @Nullable String peerId,
            @Nullable String peerAgency,
            @Nullable String outsideHukou,
            @Nullable String agentName,
            @Nullable String agentPhone,
            @Nullable String agentRelation) {

        /** The form as the service takes it; text where a number or a yes/no belongs is refused (422). */
        Applications.Application application() {
            Long peer = null;
            if (peerId != null && !peerId.isBlank()) {
                try {
                    peer = Long.valueOf(peerId.strip());
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(Violation.of("peerId", "format"));
                }
            }
            return new Applications.Application(
                    certNo,
                    name,
                    scheme,
                    kind,
                    peer,
                    peerAgency,
                    "true".equals(outsideHukou),
                    agentName,
                    agentPhone,
                    agentRelation);
        }

        public boolean outside() {
            return "true".equals(outsideHukou);
        }

        public boolean peerIs(long id) {
            return Long.toString(id).equals(peerId);
        }
    }

    private final ContinuationService service;

    ContinuationConsole(ContinuationService service) {
        this.service = service;
    }

    @GetMapping("/continuation")
    String worklist(
            @RequestParam(defaultValue = "") String state,
            @RequestParam(defaultValue = "") String direction,
            @RequestParam(defaultValue = "false") boolean overdue,
            Access access,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("nav", "continuation");
        model.addAttribute("states", CaseView.State.values());
        model.addAttribute("state", state);
        model.addAttribute("direction", direction);
        model.addAttribute("overdue", overdue);
        model.addAttribute("today", service.today());
        model.asMap().putIfAbsent("formErrors", FormErrors.none());
        try {
            model.addAttribute(
                    "cases", service.list(ContinuationService.filter(state, direction, overdue), 200, access));
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("cases", List.of());
            model.addAttribute("formErrors", FormErrors.of(e));
        }
        return "continuation/cases";
    }

    @GetMapping("/continuation/new")
    String newCase(Model model) {
        return form(new ApplyForm(null, null, "110", null, null, null, null, null, null, null), model);
    }

    private String form(ApplyForm form, Model model) {
        model.addAttribute("nav", "continuation");
        model.addAttribute("form", form);
        model.addAttribute("kinds", CaseView.Kind.values());
        model.addAttribute("peers", service.peers().list());
        model.asMap().putIfAbsent("formErrors", FormErrors.none());
        return "continuation/new";
    }

    @PostMapping("/continuation/cases")
    String apply(
            @ModelAttribute ApplyForm form,
            @RequestParam(name = "applicationScan", required = false) @Nullable MultipartFile applicationScan,
            @RequestParam(name = "voucherScan", required = false) @Nullable MultipartFile voucherScan,
            Access access,
            Model model,
            HttpServletResponse response) {
        try {
            var scans = new ArrayList<Applications.Scan>();
            scan(scans, "YL11", applicationScan);
            scan(scans, "YL08", voucherScan);
            var c = service.apply(form.application(), scans, access);
            return "redirect:/continuation/cases/" + c.caseNo();
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
            return form(form, model);
        }
    }

    private static void scan(List<Applications.Scan> scans, String material, @Nullable MultipartFile f) {
        if (f == null || f.isEmpty()) {
            return;
        }
        String name = f.getOriginalFilename() == null ? material + ".pdf" : f.getOriginalFilename();
        if (!name.toLowerCase(java.util.Locale.ROOT).matches(".{1,150}\\.(pdf|ofd|jpg|jpeg|png|tif|tiff)")) {
            throw new InvalidInputException(
                    Violation.of(material.equals("YL11") ? "applicationScan" : "voucherScan", "format"));
        }
        try {
            scans.add(new Applications.Scan(material, name, f.getBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/continuation/cases/{caseNo}")
    String page(@PathVariable String caseNo, Access access, Model model) {
        model.addAttribute("nav", "continuation");
        model.addAttribute("page", service.page(caseNo, access));
        model.asMap().putIfAbsent("formErrors", FormErrors.none());
        return "continuation/case";
    }

    @PostMapping("/continuation/cases/{caseNo}/{action}")
    String act(
            @PathVariable String caseNo,
            @PathVariable String action,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String contributionYears,
            @RequestParam(defaultValue = "") String contributionMonths,
            @RequestParam(defaultValue = "") String individualAccount,
            @RequestParam(defaultValue = "") String pooledFund,
            @RequestParam(defaultValue = "") String transferTotal,
            Access access,
            Model model,
            HttpServletResponse response) {
        var cases = service.cases();
        try {
            switch (action) {
                case "letter" -> cases.sendLetter(caseNo, access);
                case "info" ->
                    cases.sendInfo(
                            caseNo,
                            new Envelope.Info(
                                    integer(contributionYears, "contributionYears"),
                                    integer(contributionMonths, "contributionMonths"),
                                    amount(individualAccount, "individualAccount"),
                                    amount(pooledFund, "pooledFund"),
                                    amount(transferTotal, "transferTotal")),
                            access);
                case "completion" -> cases.complete(caseNo, access);
                case "refusal" -> cases.refuse(caseNo, reason, access);
                default -> throw new org.siarchive.shared.NotFoundException("PAGE", action);
            }
            return "redirect:/continuation/cases/" + caseNo;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute(
                    "formErrors",
                    FormErrors.of(List.of(new Violation("action", "conflict", e.messageKey(), e.args()))));
        }
        return page(caseNo, access, model);
    }

    @GetMapping("/continuation/cases/{caseNo}/messages/{messageId}")
    ResponseEntity<byte[]> envelope(@PathVariable String caseNo, @PathVariable long messageId, Access access) {
        return ContinuationService.zip(caseNo + "-" + messageId + ".zip", service.envelope(caseNo, messageId, access));
    }

    /** An envelope received as a file (file exchange): the same checks as over the API. */
    @PostMapping("/continuation/messages")
    String upload(
            @RequestParam(name = "envelope", required = false) @Nullable MultipartFile envelope,
            Access access,
            Model model,
            HttpServletResponse response) {
        try {
            var answer = service.receive(ContinuationApi.bytes(envelope, service.maxEnvelope()), access);
            return "redirect:/continuation/cases/" + answer.caseNo();
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute(
                    "formErrors",
                    FormErrors.of(List.of(new Violation("envelope", "conflict", e.messageKey(), e.args()))));
        }
        return worklist("", "", false, access, model, response);
    }

    private static @Nullable Integer integer(String s, String field) {
        if (s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(Violation.of(field, "integer"));
        }
    }

    private static @Nullable BigDecimal amount(String s, String field) {
        if (s.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(Violation.of(field, "format"));
        }
    }
}
