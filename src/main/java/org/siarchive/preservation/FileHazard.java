package org.siarchive.preservation;

import java.util.List;
import org.siarchive.shared.Violation;

/**
 * A reason the file policy found in a file's bytes: {@code rule} is the stable code a refusal names
 * (e.g. {@code file.activeContent}), {@code evidence} the language-neutral facts (e.g. {@code JavaScript},
 * {@code 100000×100000 > 100000000}) that the message in either language quotes, {@code detail} the
 * sentence for check reports (Chinese, as the reports are). {@code refused} is false only for hazards
 * the policy is set to flag rather than refuse.
 */
public record FileHazard(String rule, String evidence, String detail, boolean refused) {

    /** The refusal of the file {@code fileName} as the violation of {@code field} (422 naming file and rule). */
    public Violation violation(String field, String fileName) {
        return new Violation(field, rule, "rule." + rule, List.of(evidence, fileName));
    }
}
