package org.siarchive.disposition;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.KeyedException;

/** How the appraisal console reads typed values and answers a refused form (422, or 409 beside the field). */
final class AppraisalForms {

    private AppraisalForms() {}

    /** 422 for bad input, 409 for a broken rule, each beside the field it concerns. */
    static FormErrors refused(RuntimeException e, String field, HttpServletResponse response) {
        if (e instanceof InvalidInputException invalid) {
            response.setStatus(422);
            return FormErrors.of(invalid);
        }
        response.setStatus(409);
        var k = (KeyedException) e;
        return FormErrors.of(List.of(new org.siarchive.shared.Violation(field, "conflict", k.messageKey(), k.args())));
    }

    static Integer number(String s) {
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(org.siarchive.shared.Violation.of("memberSeq", "code"));
        }
    }

    static UUID uuid(String s) {
        try {
            return UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(org.siarchive.shared.Violation.of("itemId", "code"));
        }
    }
}
