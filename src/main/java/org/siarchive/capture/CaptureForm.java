package org.siarchive.capture;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.quality.Submission;

/** The console's capture form, field by field as posted; turned into a {@link Submission}. */
record CaptureForm(
        @Nullable String fondsCode,
        @Nullable String acceptanceNo,
        @Nullable String businessStep,
        @Nullable String insuranceType,
        @Nullable String title,
        @Nullable String responsible,
        @Nullable String docDate,
        @Nullable String docNo,
        @Nullable String securityLevel,
        @Nullable String personCertType,
        @Nullable String personCertNo,
        @Nullable String personName,
        @Nullable String employerCreditCode,
        @Nullable String employerName,
        @Nullable String handler,
        @Nullable String handlingAgency,
        @Nullable String handledAt) {

    static CaptureForm blank(String fonds, String step, String now, String today) {
        return new CaptureForm(
                fonds, null, step, null, null, null, today, null, "2", "01", null, null, null, null, null, null, now);
    }

    Submission toSubmission(List<String> materials) {
        var files = new ArrayList<Submission.Material>();
        materials.forEach(m -> files.add(new Submission.Material(m)));
        boolean hasPerson = present(personCertNo) || present(personName);
        boolean hasEmployer = present(employerCreditCode) || present(employerName);
        return new Submission(
                fondsCode,
                acceptanceNo,
                businessStep,
                present(insuranceType) ? insuranceType : null,
                title,
                responsible,
                docDate,
                present(docNo) ? docNo : null,
                securityLevel,
                hasPerson ? new Submission.Person(personCertType, personCertNo, personName) : null,
                hasEmployer ? new Submission.Employer(employerCreditCode, employerName) : null,
                handler,
                handlingAgency,
                handledAt,
                files);
    }

    private static boolean present(@Nullable String s) {
        return s != null && !s.isBlank();
    }
}
