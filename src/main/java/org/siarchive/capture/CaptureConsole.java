package org.siarchive.capture;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.Classification;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Violation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The capture form of the console: the same path as the API. A refused form comes back (422) with every
 * error beside its field, the typed values and the chosen files kept (staged, by token: {@link FormUploads}).
 */
@Controller
class CaptureConsole {

    private final Catalog catalog;
    private final Captures captures;
    private final FormUploads kept;
    private final MessageSource messages;
    private final ReadableTime time;

    CaptureConsole(Catalog catalog, Captures captures, FormUploads kept, MessageSource messages, ReadableTime time) {
        this.catalog = catalog;
        this.captures = captures;
        this.kept = kept;
        this.messages = messages;
        this.time = time;
    }

    @GetMapping("/capture")
    String form(
            @RequestParam(name = "businessStep", required = false) @Nullable String step, Access access, Model model) {
        var c = catalog.classification();
        String chosen = step != null && c.step(step) != null ? step : "GRCB";
        var fmt = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        var now = time.now().toLocalDateTime();
        var fonds = fondsInScope(access);
        String preselected = fonds.keySet().stream().findFirst().orElse("");
        model.addAttribute(
                "form",
                CaptureForm.blank(
                        preselected, chosen, now.format(fmt), now.toLocalDate().toString()));
        return render(model, access, Map.of());
    }

    @GetMapping("/capture/materials")
    String materials(@RequestParam("businessStep") String step, Model model) {
        model.addAttribute("step", catalog.classification().step(step));
        model.addAttribute("kept", Map.of());
        return "capture/form :: materials";
    }

    @PostMapping("/capture")
    String capture(
            @ModelAttribute("form") CaptureForm form,
            @RequestParam(name = "material", required = false) @Nullable List<String> materials,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
            @RequestParam(name = "kept", required = false) @Nullable List<String> tokens,
            @RequestParam(name = "removeKept", required = false) @Nullable String remove,
            Access access,
            Model model,
            RedirectAttributes redirect,
            Locale locale,
            HttpServletResponse response) {
        String owner = access.actor().name();
        var chosen = CaptureFormFiles.collect(kept, owner, materials, files, tokens, remove);
        if (remove != null) {
            return render(model, access, chosen.byMaterial());
        }
        var submission = form.toSubmission(chosen.materials());
        var problems = new ArrayList<>(chosen.refused());
        problems.addAll(captures.problems(submission, chosen.uploads(), access));
        if (form.businessStep() != null && !problems.isEmpty()) {
            problems.addAll(CaptureFormFields.missingRequired(
                    catalog.classification().step(form.businessStep()), chosen.materials()));
        }
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            var result = captures.capture(submission, chosen.uploads(), null, access);
            chosen.discardAll(kept, owner);
            redirect.addFlashAttribute(
                    "flash",
                    messages.getMessage(
                            "capture.done", new Object[] {result.item().archiveCode()}, locale));
            return "redirect:/items/" + result.item().id();
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(CaptureFormFields.of(e.violations(), chosen.materials())));
            return render(model, access, chosen.byMaterial());
        } catch (ConflictException e) {
            response.setStatus(409);
            var v = new Violation("acceptanceNo", "conflict", e.messageKey(), e.args());
            model.addAttribute("formErrors", FormErrors.of(List.of(v)));
            return render(model, access, chosen.byMaterial());
        }
    }

    private String render(Model model, Access access, Map<String, FormUploads.Kept> keptFiles) {
        Classification c = catalog.classification();
        var form = (CaptureForm) model.getAttribute("form");
        model.addAttribute("nav", "capture");
        model.addAttribute("classification", c);
        model.addAttribute("fondsOptions", fondsInScope(access));
        model.addAttribute("stepsByCategory", stepsByCategory(c));
        model.addAttribute("step", form == null || form.businessStep() == null ? null : c.step(form.businessStep()));
        model.addAttribute("kept", keptFiles);
        return "capture/form";
    }

    /** The fonds the caller may capture into (their data scope), by code. */
    private Map<String, String> fondsInScope(Access access) {
        var mine = new java.util.HashSet<>(catalog.fondsCodesInScope(access.scope()));
        var out = new LinkedHashMap<String, String>();
        catalog.classification().fonds().forEach((code, name) -> {
            if (mine.contains(code)) {
                out.put(code, name);
            }
        });
        return out;
    }

    private static Map<Classification.Category, List<Classification.Step>> stepsByCategory(Classification c) {
        var out = new LinkedHashMap<Classification.Category, List<Classification.Step>>();
        for (var cat : c.categories()) {
            var steps = c.steps().stream()
                    .filter(s -> s.categoryCode().equals(cat.code()))
                    .toList();
            if (!steps.isEmpty()) {
                out.put(cat, steps);
            }
        }
        return out;
    }
}
