package org.siarchive.lending;

import java.util.ArrayList;
import java.util.List;
import org.siarchive.catalog.ArchiveCodeInput;
import org.siarchive.lending.PhysicalLoans.LoanItem;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;

/** The originals of a loan named by 档号 as people type them on the return form (issue 14). */
final class ReturnedCodes {

    private ReturnedCodes() {}

    /** The stored 档号 the typed codes name, one original each; a 422 on {@code archiveCodes} for the rest. */
    static List<String> named(List<LoanItem> items, List<String> typed) {
        var stored = items.stream().map(LoanItem::archiveCode).toList();
        var named = new ArrayList<String>();
        var unknown = new ArrayList<String>();
        for (String t : typed) {
            var hits =
                    stored.stream().filter(c -> ArchiveCodeInput.matches(c, t)).toList();
            if (hits.size() == 1) {
                named.add(hits.get(0));
            } else {
                unknown.add(t);
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(Violation.of("archiveCodes", "notOnLoanCodes", String.join("、", unknown)));
        }
        return named;
    }
}
