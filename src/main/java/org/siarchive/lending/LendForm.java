package org.siarchive.lending;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.ArchiveCodeList;

/**
 * The 借出原件 form as typed (issue 14): kept whole when it comes back with errors. A due date that is not
 * a date counts as missing.
 */
record LendForm(
        String borrower,
        String borrowerUnit,
        String borrowerKind,
        String purposeCode,
        String purpose,
        String archiveCodes,
        String dueDate) {

    static LendForm blank() {
        return new LendForm("", "", "PERSON", "QUERY", "", "", "");
    }

    PhysicalLoans.NewLoan toLoan() {
        return new PhysicalLoans.NewLoan(
                borrower,
                borrowerUnit,
                borrowerKind,
                purposeCode,
                purpose,
                ArchiveCodeList.parse(archiveCodes),
                date(dueDate));
    }

    static @Nullable LocalDate date(String typed) {
        try {
            return typed.isBlank() ? null : LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
