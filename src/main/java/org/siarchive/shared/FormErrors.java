package org.siarchive.shared;

import java.util.List;
import java.util.Map;

/**
 * The broken rules of a submitted console form, for rendering beside the inputs they concern (template
 * fragments in {@code templates/fragments/form.html}). Every console model carries one as {@code formErrors};
 * a controller that caught an {@link InvalidInputException} replaces the empty one and renders the same view
 * with the submitted values, so nothing the person typed is lost (docs/adr/0049).
 */
public record FormErrors(List<Violation> violations) {

    private static final FormErrors NONE = new FormErrors(List.of());

    public FormErrors {
        violations = List.copyOf(violations);
    }

    public static FormErrors none() {
        return NONE;
    }

    public static FormErrors of(InvalidInputException e) {
        return new FormErrors(e.violations());
    }

    public static FormErrors of(List<Violation> violations) {
        return new FormErrors(violations);
    }

    public boolean isEmpty() {
        return violations.isEmpty();
    }

    public int count() {
        return violations.size();
    }

    /** Whether {@code field}, or a part of it ({@code field.x}, {@code field[0]}), broke a rule. */
    public boolean has(String field) {
        return violations.stream().anyMatch(v -> concerns(v.field(), field));
    }

    public List<Violation> on(String field) {
        return violations.stream().filter(v -> concerns(v.field(), field)).toList();
    }

    /** The same violations with their fields named as the form's inputs are ({@code person.certNo → certNo}). */
    public FormErrors renamed(Map<String, String> violationFieldToInputName) {
        return new FormErrors(violations.stream()
                .map(v -> new Violation(
                        violationFieldToInputName.getOrDefault(v.field(), v.field()),
                        v.rule(),
                        v.messageKey(),
                        v.args()))
                .toList());
    }

    private static boolean concerns(String violated, String field) {
        return violated.equals(field) || violated.startsWith(field + ".") || violated.startsWith(field + "[");
    }
}
