package org.siarchive.capture;

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

/** The capture form of the console: the same path as the API, with errors shown beside the fields. */
@Controller
class CaptureConsole {

    private final Catalog catalog;
    private final Captures captures;
    private final MessageSource messages;

    private final ReadableTime time;

    CaptureConsole(Catalog catalog, Captures captures, MessageSource messages, ReadableTime time) {
        this.time = time;
        this.catalog = catalog;
        this.captures = captures;
        this.messages = messages;
    }

    @GetMapping("/capture")
    String form(@RequestParam(name = "businessStep", required = false) @Nullable String step, Model model) {
        var c = catalog.classification();
        String chosen = step != null && c.step(step) != null ? step : "GRCB";
        var fmt = new java.time.format.DateTimeFormatterBuilder()
                .appendPattern("yyyy-MM-dd'T'HH:mm")
                .toFormatter();
        var now = time.now().toLocalDateTime();
        String fonds = c.fonds().keySet().stream().findFirst().orElse("");
        model.addAttribute(
                "form",
                CaptureForm.blank(
                        fonds, chosen, now.format(fmt), now.toLocalDate().toString()));
        return render(model, List.of(), java.util.Set.of());
    }

    @GetMapping("/capture/materials")
    String materials(@RequestParam("businessStep") String step, Model model) {
        model.addAttribute("step", catalog.classification().step(step));
        return "capture/form :: materials";
    }

    @PostMapping("/capture")
    String capture(
            @ModelAttribute("form") CaptureForm form,
            @RequestParam(name = "material", required = false) @Nullable List<String> materials,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
            Access access,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        var chosenMaterials = new ArrayList<String>();
        var uploads = new ArrayList<Upload>();
        pair(materials, files, chosenMaterials, uploads);
        try {
            var result = captures.capture(form.toSubmission(chosenMaterials), uploads, null, access);
            redirect.addFlashAttribute(
                    "flash",
                    messages.getMessage(
                            "capture.done", new Object[] {result.item().archiveCode()}, locale));
            return "redirect:/items/" + result.item().id();
        } catch (InvalidInputException e) {
            return render(model, texts(e.violations(), locale), fieldsOf(e.violations()));
        } catch (ConflictException e) {
            String text = messages.getMessage(e.messageKey(), e.args().toArray(), e.messageKey(), locale);
            return render(model, List.of(text), java.util.Set.of("acceptanceNo"));
        }
    }

    /** Pairs each non-empty file input with the material of its row, in page order. */
    private static void pair(
            @Nullable List<String> materials,
            @Nullable List<MultipartFile> files,
            List<String> outMaterials,
            List<Upload> outUploads) {
        if (materials == null || files == null) {
            return;
        }
        for (int i = 0; i < Math.min(materials.size(), files.size()); i++) {
            var f = files.get(i);
            if (!f.isEmpty()) {
                outMaterials.add(materials.get(i));
                outUploads.add(
                        new Upload(f.getOriginalFilename() == null ? "" : f.getOriginalFilename(), f::getInputStream));
            }
        }
    }

    private String render(Model model, List<String> errors, java.util.Set<String> invalid) {
        Classification c = catalog.classification();
        var form = (CaptureForm) model.getAttribute("form");
        model.addAttribute("nav", "capture");
        model.addAttribute("classification", c);
        model.addAttribute("stepsByCategory", stepsByCategory(c));
        model.addAttribute("step", form == null || form.businessStep() == null ? null : c.step(form.businessStep()));
        model.addAttribute("errors", errors);
        model.addAttribute("invalid", invalid);
        return "capture/form";
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

    private List<String> texts(List<Violation> violations, Locale locale) {
        return violations.stream()
                .map(v -> {
                    String label = messages.getMessage(
                            "field." + v.field().replaceAll("\\[\\d+]", "[]"), null, v.field(), locale);
                    String msg = messages.getMessage(v.messageKey(), v.args().toArray(), v.rule(), locale);
                    return messages.getMessage(
                            "violation.format", new Object[] {label, msg}, label + ": " + msg, locale);
                })
                .toList();
    }

    /** Form inputs to mark invalid: "person.certNo" → "personCertNo"; file errors mark the file list. */
    private static java.util.Set<String> fieldsOf(List<Violation> violations) {
        var out = new java.util.LinkedHashSet<String>();
        for (var v : violations) {
            String f = v.field().startsWith("files") ? "files" : v.field();
            int dot = f.indexOf('.');
            if (dot > 0) {
                f = f.substring(0, dot) + Character.toUpperCase(f.charAt(dot + 1)) + f.substring(dot + 2);
            }
            out.add(f);
        }
        return out;
    }
}
