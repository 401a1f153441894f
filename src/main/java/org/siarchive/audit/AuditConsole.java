package org.siarchive.audit;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.siarchive.shared.Bounds;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditor's console: every entry (the administrators' included), filtered by time, user,
 * operation, object type, object and result, read in Chinese (labels, names, details); statistics;
 * chain verification. Exports ({@link AuditExtracts}) and verifications are themselves audited.
 * Nothing here changes or removes an entry.
 */
@Controller
class AuditConsole {

    private final AuditLog log;
    private final AuditRows rows;
    private final AuditText text;
    private final AuditTrail trail;
    private final AuditChain chain;
    private final TransactionTemplate tx;

    AuditConsole(
            AuditLog log, AuditRows rows, AuditText text, AuditTrail trail, AuditChain chain, TransactionTemplate tx) {
        this.log = log;
        this.rows = rows;
        this.text = text;
        this.trail = trail;
        this.chain = chain;
        this.tx = tx;
    }

    @GetMapping("/audit")
    String page(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String operation,
            @RequestParam(required = false) @Nullable String objectType,
            @RequestParam(required = false) @Nullable String objectId,
            @RequestParam(required = false) @Nullable String result,
            @RequestParam(defaultValue = "0") int page,
            Locale locale,
            Model model) {
        var q = rows.resolved(new AuditQuery(from, to, actor, operation, objectType, objectId, result));
        model.addAttribute("nav", "audit");
        model.addAttribute("q", q);
        model.addAttribute("operations", AuditOperation.values());
        model.addAttribute("objectTypes", AuditedObject.values());
        model.addAttribute("results", AuditRows.RESULTS);
        var window = Bounds.page(page, 50);
        var found = log.search(q, window.page(), window.size());
        model.addAttribute("result", found);
        model.addAttribute("rows", rows.rows(found.content(), locale));
        model.addAttribute("byOperation", labelled(log.countBy(q, "operation"), "audit.operation.", locale));
        model.addAttribute("byResult", labelled(log.countBy(q, "result"), "audit.result.", locale));
        var byActor = log.countBy(q, "actor");
        var names = rows.actors(byActor.keySet(), locale);
        var actors = new LinkedHashMap<String, Long>();
        byActor.forEach((login, n) -> actors.merge(names.get(login), n, Long::sum));
        model.addAttribute("byActor", actors);
        return "audit/page";
    }

    private Map<String, Long> labelled(Map<String, Long> counts, String prefix, Locale locale) {
        var out = new LinkedHashMap<String, Long>();
        counts.forEach((code, n) -> out.merge(text.label(prefix + code, code, locale), n, Long::sum));
        return out;
    }

    @PostMapping("/audit/verify")
    String verify(Access access, Model model) {
        var report = chain.verify();
        tx.executeWithoutResult(s -> trail.record(
                access.actor(),
                AuditedObject.AUDIT_TRAIL,
                "-",
                AuditOperation.VERIFY,
                report.intact() ? AuditTrail.SUCCESS : AuditTrail.FAILURE,
                null,
                AuditDetail.of(
                                "audit.detail.verified",
                                report.entries(),
                                report.findings().size())
                        .encoded()));
        model.addAttribute("nav", "audit");
        model.addAttribute("report", report);
        return "audit/verify";
    }
}
