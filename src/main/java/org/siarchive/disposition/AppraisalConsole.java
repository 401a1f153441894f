package org.siarchive.disposition;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.AccountNames;
import org.siarchive.catalog.AppraisalFacts;
import org.siarchive.security.Permission;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console of appraisal batches: the list (by state) with the proposal form, and a batch's page (its
 * items 50 a page with their decisions, the group, the opinions, the actions a role may take in the state,
 * the two papers). A refused form answers 422 (409 for a broken rule) on the same page, input kept.
 */
@Controller
class AppraisalConsole {

    static final int PAGE = 50;

    private final AppraisalBatches batches;
    private final AppraisalWork work;
    private final AppraisalApproval approval;
    private final AppraisalDocuments documents;
    private final WorkRows rows;
    private final AppraisalFacts facts;
    private final AccountNames names;

    private final DestructionLists lists;

    AppraisalConsole(
            AppraisalBatches batches,
            AppraisalWork work,
            AppraisalApproval approval,
            AppraisalDocuments documents,
            WorkRows rows,
            AppraisalFacts facts,
            AccountNames names,
            DestructionLists lists) {
        this.lists = lists;
        this.batches = batches;
        this.work = work;
        this.approval = approval;
        this.documents = documents;
        this.rows = rows;
        this.facts = facts;
        this.names = names;
    }

    @GetMapping("/disposition/batches")
    String list(@RequestParam(required = false) @Nullable BatchState state, Access access, Model model) {
        return list(state, Map.of(), FormErrors.none(), access, model);
    }

    private String list(
            @Nullable BatchState state, Map<String, String> form, FormErrors errors, Access access, Model model) {
        var list = batches.list(state, access);
        model.addAttribute("nav", "disposition");
        model.addAttribute("state", state);
        model.addAttribute("states", BatchState.values());
        model.addAttribute("batches", list);
        model.addAttribute(
                "names",
                names.displayNames(
                        list.stream().map(AppraisalBatches.Batch::proposedBy).toList()));
        model.addAttribute("canPropose", access.can(Permission.DISPOSITION_PROPOSE));
        model.addAttribute("form", form);
        model.addAttribute("formErrors", errors);
        return "disposition/batches";
    }

    @PostMapping("/disposition/batches")
    String propose(
            @RequestParam(defaultValue = "") String title,
            @RequestParam(required = false) @Nullable List<String> itemId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate by,
            @RequestParam(required = false) @Nullable String fonds,
            @RequestParam(required = false) @Nullable String category,
            Access access,
            Model model,
            HttpServletResponse response) {
        try {
            var ids = itemId == null
                    ? List.<UUID>of()
                    : itemId.stream()
                            .filter(s -> !s.isBlank())
                            .map(AppraisalForms::uuid)
                            .toList();
            var b = batches.propose(new AppraisalBatches.NewBatch(title, ids, by, fonds, category), access);
            return "redirect:/disposition/batches/" + b.id();
        } catch (InvalidInputException | ConflictException e) {
            var form =
                    Map.of("title", title, "by", by == null ? "" : by.toString(), "fonds", fonds == null ? "" : fonds);
            return list(null, form, AppraisalForms.refused(e, "itemId", response), access, model);
        }
    }

    @GetMapping("/disposition/batches/{id}")
    String batch(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Access access, Model model) {
        return batch(id, page, Map.of(), FormErrors.none(), access, model);
    }

    private String batch(long id, int page, Map<String, String> form, FormErrors errors, Access access, Model model) {
        var b = batches.batch(id, access);
        var members = rows.members(id);
        var opinions = rows.opinions(id);
        int p = Math.max(0, page);
        model.addAttribute("nav", "disposition");
        model.addAttribute("batch", b);
        model.addAttribute("fondsCode", batches.fondsCode(b));
        model.addAttribute("members", members);
        model.addAttribute("opinions", opinions);
        model.addAttribute("counts", rows.counts(id));
        model.addAttribute("items", rows.items(id, p * PAGE, PAGE));
        model.addAttribute("page", p);
        model.addAttribute("pages", (b.items() + PAGE - 1) / PAGE);
        model.addAttribute("terms", facts.termYears().keySet());
        model.addAttribute("roles", GroupRole.values());
        model.addAttribute(
                "names",
                names.displayNames(opinions.stream()
                        .map(AppraisalBatches.Opinion::recordedBy)
                        .toList()));
        model.addAttribute("approverName", b.approvedBy() == null ? "" : names.nameOf(b.approvedBy()));
        boolean open = b.state() == BatchState.UNAPPRAISED;
        model.addAttribute("canPropose", open && access.can(Permission.DISPOSITION_PROPOSE));
        model.addAttribute(
                "canOpine",
                open && (access.can(Permission.DISPOSITION_APPRAISE) || access.can(Permission.DISPOSITION_PROPOSE)));
        model.addAttribute(
                "canApprove", b.state() == BatchState.APPRAISED && access.can(Permission.DISPOSITION_APPROVE));
        model.addAttribute("canExtend", b.state().extensionsDue() && access.can(Permission.DISPOSITION_EXECUTE));
        var list = lists.ofBatch(id);
        boolean destroying = b.state().destructionsDue();
        model.addAttribute("listId", list.orElse(null));
        model.addAttribute(
                "canGenerateList", destroying && list.isEmpty() && access.can(Permission.DISPOSITION_PROPOSE));
        model.addAttribute("canDestroy", destroying && list.isPresent() && access.can(Permission.DISPOSITION_EXECUTE));
        model.addAttribute("form", form);
        model.addAttribute("formErrors", errors);
        return "disposition/batch";
    }

    @PostMapping("/disposition/batches/{id}/members")
    String member(
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            Access access,
            Model model,
            HttpServletResponse response) {
        return act(
                id,
                form,
                "login",
                access,
                model,
                response,
                () -> work.addMember(
                        id,
                        new AppraisalWork.NewMember(
                                form.get("role"), form.get("login"), form.get("name"), form.get("unit")),
                        access));
    }

    @PostMapping("/disposition/batches/{id}/members/{seq}/remove")
    String remove(
            @PathVariable long id, @PathVariable int seq, Access access, Model model, HttpServletResponse response) {
        return act(id, Map.of(), "seq", access, model, response, () -> work.removeMember(id, seq, access));
    }

    @PostMapping("/disposition/batches/{id}/decisions")
    String decide(
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            Access access,
            Model model,
            HttpServletResponse response) {
        String item = form.getOrDefault("itemId", "");
        return act(
                id,
                form,
                "decision",
                access,
                model,
                response,
                () -> work.decide(
                        id,
                        new AppraisalWork.NewDecision(
                                item.isBlank() ? null : List.of(AppraisalForms.uuid(item)),
                                form.get("decision"),
                                form.get("newRetentionCode"),
                                form.get("reason")),
                        access));
    }

    @PostMapping("/disposition/batches/{id}/opinions")
    String opinion(
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            Access access,
            Model model,
            HttpServletResponse response) {
        String seq = form.getOrDefault("memberSeq", "");
        String item = form.getOrDefault("itemId", "");
        return act(
                id,
                form,
                "verdict",
                access,
                model,
                response,
                () -> work.opinion(
                        id,
                        new AppraisalWork.NewOpinion(
                                seq.isBlank() ? null : AppraisalForms.number(seq),
                                item.isBlank() ? null : AppraisalForms.uuid(item),
                                form.get("verdict"),
                                form.get("opinion")),
                        access));
    }

    @PostMapping("/disposition/batches/{id}/complete")
    String complete(@PathVariable long id, Access access, Model model, HttpServletResponse response) {
        return act(id, Map.of(), "complete", access, model, response, () -> work.complete(id, access));
    }

    @PostMapping("/disposition/batches/{id}/approve")
    String approve(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String text,
            Access access,
            Model model,
            HttpServletResponse response) {
        return act(id, Map.of("text", text), "text", access, model, response, () -> approval.approve(id, text, access));
    }

    @PostMapping("/disposition/batches/{id}/return")
    String sendBack(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String text,
            Access access,
            Model model,
            HttpServletResponse response) {
        return act(
                id, Map.of("text", text), "text", access, model, response, () -> approval.sendBack(id, text, access));
    }

    @PostMapping("/disposition/batches/{id}/extensions")
    String extensions(@PathVariable long id, Access access, Model model, HttpServletResponse response) {
        return act(id, Map.of(), "extensions", access, model, response, () -> approval.executeExtensions(id, access));
    }

    @GetMapping("/disposition/batches/{id}/documents/{kind}")
    ResponseEntity<byte[]> document(
            @PathVariable long id,
            @PathVariable String kind,
            @RequestParam(defaultValue = "pdf") String format,
            Access access,
            Locale locale) {
        return documents.download(id, kind, format, access, locale);
    }

    private String act(
            long id,
            Map<String, String> form,
            String field,
            Access access,
            Model model,
            HttpServletResponse response,
            Runnable step) {
        try {
            step.run();
            return "redirect:/disposition/batches/" + id;
        } catch (InvalidInputException | ConflictException e) {
            return batch(id, 0, form, AppraisalForms.refused(e, field, response), access, model);
        }
    }
}
