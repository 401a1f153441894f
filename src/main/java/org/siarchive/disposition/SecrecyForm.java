package org.siarchive.disposition;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.ItemSecrecy.Decision;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;

/** A secrecy decision as typed on the console, kept as text so a refused form shows it again. */
record SecrecyForm(@Nullable UUID itemId, String decision, String until, String reason) {

    /** The typed values as a decision; a decision or date that does not parse is a 422 naming the field. */
    SecrecyReview.Submitted submitted() {
        Decision d = null;
        if (!decision.isBlank()) {
            try {
                d = Decision.valueOf(decision.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(Violation.of("decision", "code"));
            }
        }
        LocalDate day = null;
        if (!until.isBlank()) {
            try {
                day = LocalDate.parse(until.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(Violation.of("until", "dateFormat"));
            }
        }
        return new SecrecyReview.Submitted(d, day, reason);
    }
}
