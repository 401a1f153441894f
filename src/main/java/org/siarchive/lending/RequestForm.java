package org.siarchive.lending;

import org.siarchive.catalog.ArchiveCodeList;

/**
 * The 申请利用 form as typed (issue 14): kept whole when it comes back with errors, so the 档号, the purpose
 * and the choices stay in the fields. The period is kept as typed; a period that is not a number is out
 * of range.
 */
record RequestForm(
        String archiveCodes, String purposeCode, String purpose, String periodDays, boolean download, boolean print) {

    static final String DEFAULT_PERIOD = "7";

    /** A fresh form, its 档号 pre-filled (a link from the item page or a search result). */
    static RequestForm prefilled(String archiveCodes) {
        return new RequestForm(archiveCodes, "QUERY", "", DEFAULT_PERIOD, false, false);
    }

    LoanRequests.NewRequest toRequest() {
        return new LoanRequests.NewRequest(
                ArchiveCodeList.parse(archiveCodes), purposeCode, purpose, period(), download, print);
    }

    private int period() {
        try {
            return Integer.parseInt(periodDays.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
