package org.siarchive.capture;

import java.util.ArrayList;
import java.util.List;
import org.siarchive.shared.Violation;

/**
 * Puts each violation of a console capture beside the input it is about: {@code person.certNo} beside
 * {@code personCertNo}, a missing party beside its identity number, a file's problem and a missing
 * required material beside that material's file input; what belongs to no single row stays on
 * {@code files}.
 */
final class CaptureFormFields {

    private CaptureFormFields() {}

    /** {@code materials}: the material of each upload, in upload order (as {@code files[i]} counts them). */
    static List<Violation> of(List<Violation> violations, List<String> materials) {
        boolean noUpload = violations.stream().anyMatch(v -> v.rule().equals("noUpload"));
        var out = new ArrayList<Violation>();
        for (var v : violations) {
            if (noUpload && v.field().equals("files") && v.rule().equals("required")) {
                continue; // said once: 至少上传一个文件
            }
            out.add(place(v, materials));
        }
        return out;
    }

    /**
     * The required materials of {@code step} no file was given for, each beside its row. The quality rules
     * name them only once some file was sent; the form names them always.
     */
    static List<Violation> missingRequired(
            org.siarchive.catalog.Classification.@org.jspecify.annotations.Nullable Step step, List<String> given) {
        if (step == null || !given.isEmpty()) {
            return List.of();
        }
        return step.materials().stream()
                .filter(m -> m.required())
                .map(m -> new Violation(
                        CaptureFormFiles.field(m.code()), "required", "capture.materialRequired", List.of(m.code())))
                .toList();
    }

    private static Violation place(Violation v, List<String> materials) {
        String f = v.field();
        if (f.equals("files")
                && v.rule().equals("requiredMaterialMissing")
                && !v.args().isEmpty()) {
            return new Violation(
                    CaptureFormFiles.field(v.args().get(0)), "required", "capture.materialRequired", v.args());
        }
        if (f.startsWith("files[")) {
            int end = f.indexOf(']');
            int i = end > 6 ? parse(f.substring(6, end)) : -1;
            String input = i >= 0 && i < materials.size() ? CaptureFormFiles.field(materials.get(i)) : "files";
            return new Violation(input, v.rule(), v.messageKey(), v.args());
        }
        String input =
                switch (f) {
                    case "person" -> "personCertNo";
                    case "employer" -> "employerCreditCode";
                    default -> camel(f);
                };
        return input.equals(f) ? v : new Violation(input, v.rule(), v.messageKey(), v.args());
    }

    /** "person.certNo" → "personCertNo". */
    private static String camel(String f) {
        int dot = f.indexOf('.');
        if (dot <= 0 || dot == f.length() - 1) {
            return f;
        }
        return f.substring(0, dot) + Character.toUpperCase(f.charAt(dot + 1)) + f.substring(dot + 2);
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
