package org.siarchive.portal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.Catalog;
import org.siarchive.shared.Access;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.OriginalNames;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Violation;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff console's side of the online service, in scope of the caller's units: employers' binding
 * requests to approve or reject, and the submission inbox (待受理 / 已受理 / 已退回) whose submissions a
 * clerk accepts into capture or returns with a reason.
 */
@Controller
class PortalConsole {

    private final EmployerBindings bindings;
    private final SubmissionQueries queries;
    private final SubmissionDecisions decisions;
    private final Catalog catalog;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final ReadableTime time;

    PortalConsole(
            EmployerBindings bindings,
            SubmissionQueries queries,
            SubmissionDecisions decisions,
            Catalog catalog,
            AuditTrail audit,
            MessageSource messages,
            ReadableTime time) {
        this.bindings = bindings;
        this.queries = queries;
        this.decisions = decisions;
        this.catalog = catalog;
        this.audit = audit;
        this.messages = messages;
        this.time = time;
    }

    @GetMapping("/portal-bindings")
    String bindings(Access access, Model model) {
        model.addAttribute("nav", "portal-bindings");
        model.addAttribute("pending", bindings.pending(access));
        model.addAttribute("time", time);
        return "portal/console-bindings";
    }

    @PostMapping("/portal-bindings/{id}/decide")
    String decide(
            @PathVariable("id") long id,
            @RequestParam(name = "decision", required = false) @Nullable String decision,
            @RequestParam(name = "reason", required = false) @Nullable String reason,
            Access access,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Locale locale) {
        if (!"approve".equals(decision) && !"reject".equals(decision)) {
            throw new InvalidInputException(Violation.of("decision", "code"));
        }
        try {
            bindings.decide(id, "approve".equals(decision), reason, access);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
            model.addAttribute("failedId", id);
            return bindings(access, model);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("portal.binding.decided." + decision, null, locale));
        return "redirect:/portal-bindings";
    }

    @GetMapping("/submissions")
    String inbox(@RequestParam(name = "state", defaultValue = "PENDING") String state, Access access, Model model) {
        String s = List.of("PENDING", "ACCEPTED", "RETURNED").contains(state) ? state : "PENDING";
        model.addAttribute("nav", "submissions");
        model.addAttribute("state", s);
        model.addAttribute("submissions", queries.inbox(access, s));
        model.addAttribute("steps", stepNames());
        model.addAttribute("time", time);
        return "portal/console-inbox";
    }

    @GetMapping("/submissions/{id}")
    String submission(@PathVariable("id") long id, Access access, Model model) {
        var row = queries.inScope(id, access)
                .orElseThrow(() -> new NotFoundException("PORTAL_SUBMISSION", Long.toString(id)));
        model.addAttribute("nav", "submissions");
        model.addAttribute("submission", row);
        model.addAttribute("files", queries.files(id));
        model.addAttribute("step", catalog.classification().step(row.stepCode()));
        model.addAttribute("time", time);
        return "portal/console-submission";
    }

    @GetMapping("/submissions/{id}/files/{seq}")
    ResponseEntity<byte[]> file(@PathVariable("id") long id, @PathVariable("seq") int seq, Access access) {
        queries.inScope(id, access).orElseThrow(() -> new NotFoundException("PORTAL_SUBMISSION", Long.toString(id)));
        var meta = queries.files(id).stream()
                .filter(f -> f.seq() == seq)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("PORTAL_SUBMISSION", id + "/" + seq));
        byte[] bytes =
                queries.content(id, seq).orElseThrow(() -> new NotFoundException("PORTAL_SUBMISSION", id + "/" + seq));
        audit.recordAlone(
                access.actor(),
                AuditedObject.PORTAL_SUBMISSION,
                Long.toString(id),
                AuditOperation.DOWNLOAD,
                AuditTrail.SUCCESS,
                null,
                Integer.toString(seq));
        String name = OriginalNames.clean(meta.originalName());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name.isBlank() ? "file" : name, java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(bytes);
    }

    @PostMapping("/submissions/{id}/accept")
    String accept(@PathVariable("id") long id, Access access, RedirectAttributes redirect, Locale locale) {
        var row = decisions.accept(id, access);
        redirect.addFlashAttribute(
                "flash", messages.getMessage("portal.inbox.accepted", new Object[] {row.archiveCode()}, locale));
        return "redirect:/submissions/" + id;
    }

    @PostMapping("/submissions/{id}/return")
    String sendBack(
            @PathVariable("id") long id,
            @RequestParam(name = "reason", required = false) @Nullable String reason,
            Access access,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            decisions.sendBack(id, reason, access);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
            model.addAttribute("reason", reason);
            return submission(id, access, model);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("portal.inbox.returned", null, locale));
        return "redirect:/submissions/" + id;
    }

    private java.util.Map<String, String> stepNames() {
        var out = new java.util.HashMap<String, String>();
        catalog.classification().steps().forEach(s -> out.put(s.code(), s.name()));
        return out;
    }
}
