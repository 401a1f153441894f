package org.siarchive.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.Classification;
import org.siarchive.shared.ForbiddenException;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Violation;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * 网上申报 for an employer's agent: the list of its submissions with their state, a new submission (a bound
 * employer, an employer-side business step with its required-materials list, one file input per material)
 * and one submission with its files, the return reason or the resulting 档号. A refused form comes back
 * with each error beside its field and the typed values kept (files are chosen again).
 */
@Controller
class SubmissionPages {

    /** File inputs are named {@code file-<material code>}. */
    static final String FILE_PREFIX = "file-";

    private final Submissions submissions;
    private final SubmissionQueries queries;
    private final EmployerBindings bindings;
    private final Catalog catalog;
    private final ReadableTime time;

    SubmissionPages(
            Submissions submissions,
            SubmissionQueries queries,
            EmployerBindings bindings,
            Catalog catalog,
            ReadableTime time) {
        this.submissions = submissions;
        this.queries = queries;
        this.bindings = bindings;
        this.catalog = catalog;
        this.time = time;
    }

    @GetMapping("/portal/submissions")
    String list(Authentication auth, Model model) {
        var user = EmployerRequests.employer(auth);
        model.addAttribute("portalNav", "submissions");
        model.addAttribute("submissions", queries.mine(user));
        model.addAttribute("steps", stepNames());
        model.addAttribute("time", time);
        return "portal/submissions";
    }

    @GetMapping("/portal/submissions/new")
    String form(
            @RequestParam(name = "creditCode", required = false) @Nullable String creditCode,
            @RequestParam(name = "businessStep", required = false) @Nullable String step,
            Authentication auth,
            Model model) {
        var user = EmployerRequests.employer(auth);
        var employers = bindings.approved(user.accountId());
        String code = creditCode != null
                ? creditCode
                : employers.keySet().stream().findFirst().orElse("");
        String chosen = step != null ? step : "JFHD";
        return render(model, employers, code, chosen, "", time.today().toString());
    }

    @PostMapping("/portal/submissions")
    String submit(
            @RequestParam(name = "creditCode", required = false) @Nullable String creditCode,
            @RequestParam(name = "businessStep", required = false) @Nullable String step,
            @RequestParam(name = "personName", required = false) @Nullable String personName,
            @RequestParam(name = "personCertNo", required = false) @Nullable String personCertNo,
            @RequestParam(name = "title", required = false) @Nullable String title,
            @RequestParam(name = "docDate", required = false) @Nullable String docDate,
            Authentication auth,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var user = EmployerRequests.employer(auth);
        var draft = new Submissions.Draft(
                creditCode, step, blankToNull(personName), blankToNull(personCertNo), title, docDate, chosen(request));
        try {
            long id = submissions.submit(user, draft, EmployerRequests.actor(user, request));
            return "redirect:/portal/submissions/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(fileFields(e.violations(), draft.files())));
        } catch (ForbiddenException e) {
            response.setStatus(403);
            model.addAttribute(
                    "formErrors",
                    FormErrors.of(List.of(new Violation("creditCode", "unbound", e.messageKey(), e.args()))));
        }
        model.addAttribute("personName", personName == null ? "" : personName);
        model.addAttribute("personCertNo", personCertNo == null ? "" : personCertNo);
        return render(
                model,
                bindings.approved(user.accountId()),
                creditCode == null ? "" : creditCode,
                step == null ? "" : step,
                title == null ? "" : title,
                docDate == null ? "" : docDate);
    }

    @GetMapping("/portal/submissions/{id}")
    String one(@PathVariable("id") long id, Authentication auth, HttpServletRequest request, Model model) {
        var user = EmployerRequests.employer(auth);
        var row = queries.mine(user, id, EmployerRequests.actor(user, request));
        model.addAttribute("portalNav", "submissions");
        model.addAttribute("submission", row);
        model.addAttribute("files", queries.files(id));
        model.addAttribute("steps", stepNames());
        model.addAttribute("time", time);
        return "portal/submission";
    }

    private String render(
            Model model, java.util.Map<String, String> employers, String code, String step, String title, String date) {
        Classification.Step chosen = catalog.classification().step(step);
        model.addAttribute("portalNav", "submissions");
        model.addAttribute("employers", employers);
        model.addAttribute("steps", submissions.employerSteps());
        model.addAttribute("step", chosen);
        model.addAttribute("creditCode", code);
        model.addAttribute("businessStep", step);
        model.addAttribute("submissionTitle", title);
        model.addAttribute("docDate", date);
        return "portal/submission-new";
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private java.util.Map<String, String> stepNames() {
        var out = new java.util.HashMap<String, String>();
        catalog.classification().steps().forEach(s -> out.put(s.code(), s.name()));
        return out;
    }

    /** The chosen files, each answering the material its input names, in the order the form lists them. */
    private static List<Submissions.Chosen> chosen(HttpServletRequest request) {
        var out = new ArrayList<Submissions.Chosen>();
        var multipart =
                org.springframework.web.util.WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null) {
            return out;
        }
        multipart.getMultiFileMap().forEach((name, files) -> {
            if (!name.startsWith(FILE_PREFIX)) {
                return;
            }
            String material = name.substring(FILE_PREFIX.length());
            for (MultipartFile f : files) {
                String original = f.getOriginalFilename();
                if (f.isEmpty() && (original == null || original.isBlank())) {
                    continue;
                }
                out.add(new Submissions.Chosen(
                        material, new Upload(original == null ? "" : original, f::getInputStream)));
            }
        });
        return out;
    }

    /** Capture names files by position ({@code files[2]}); the form names them by material input. */
    private static List<Violation> fileFields(List<Violation> violations, List<Submissions.Chosen> chosen) {
        var out = new ArrayList<Violation>();
        for (var v : violations) {
            String field = v.field();
            var m = java.util.regex.Pattern.compile("^files\\[(\\d+)\\].*").matcher(field);
            if (m.matches() && Integer.parseInt(m.group(1)) < chosen.size()) {
                field = FILE_PREFIX + chosen.get(Integer.parseInt(m.group(1))).material();
            } else if (field.equals("person") || field.equals("person.name")) {
                field = "personName";
            } else if (field.startsWith("person.")) {
                field = "personCertNo";
            }
            out.add(new Violation(field, v.rule(), v.messageKey(), v.args()));
        }
        return out;
    }
}
