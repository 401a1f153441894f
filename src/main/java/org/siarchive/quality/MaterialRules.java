package org.siarchive.quality;

import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Violation;

/** Every file names a material of the business step, and every required material of the step is there. */
final class MaterialRules {

    private MaterialRules() {}

    static void check(List<Violation> v, List<Submission.Material> files, ReferenceFacts.@Nullable StepFacts step) {
        if (files.isEmpty()) {
            v.add(Violation.of("files", "required"));
            return;
        }
        var present = new LinkedHashSet<String>();
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i) == null) {
                v.add(Violation.of("files[" + i + "]", "required"));
                continue;
            }
            String code = files.get(i).material();
            String field = "files[" + i + "].material";
            if (FieldRules.blank(code)) {
                v.add(Violation.of(field, "required"));
            } else if (step != null && !step.allowedMaterials().contains(code.strip())) {
                v.add(Violation.of(field, "materialNotInStep", code.strip(), step.code()));
            } else {
                present.add(code.strip());
            }
        }
        if (step == null) {
            return;
        }
        step.requiredMaterials().stream()
                .filter(required -> !present.contains(required))
                .sorted()
                .forEach(missing -> v.add(Violation.of("files", "requiredMaterialMissing", missing, step.code())));
    }
}
