package org.siarchive.capture;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.siarchive.catalog.NewItem;
import org.siarchive.quality.CitizenIdNumber;
import org.siarchive.quality.CreditCode;
import org.siarchive.quality.DateTimes;
import org.siarchive.quality.Submission;

/** Turns a validated submission into the catalogue's terms: trimmed, normalised, typed. */
final class SubmissionMapping {

    static final String DEFAULT_SECURITY_LEVEL = "2";

    private SubmissionMapping() {}

    static NewItem toNewItem(
            UUID id, String key, String fingerprint, Submission s, List<NewItem.NewFile> files, java.time.ZoneId zone) {
        return new NewItem(
                id,
                "urn:siarchive:item:" + id,
                s.fondsCode().strip(),
                key,
                fingerprint,
                s.acceptanceNo().strip(),
                s.businessStep().strip(),
                blankToNull(s.insuranceType()),
                s.title().strip(),
                s.responsible().strip(),
                LocalDate.parse(s.docDate().strip()),
                blankToNull(s.docNo()),
                s.securityLevel() == null || s.securityLevel().isBlank()
                        ? DEFAULT_SECURITY_LEVEL
                        : s.securityLevel().strip(),
                s.person() == null ? null : person(s.person()),
                s.employer() == null
                        ? null
                        : new NewItem.EmployerRef(
                                CreditCode.normalize(s.employer().creditCode()),
                                s.employer().name().strip()),
                s.handler().strip(),
                s.handlingAgency().strip(),
                DateTimes.parse(s.handledAt(), zone),
                files);
    }

    /** A citizen ID number (types 01, 07) is normalised and states the person's gender and birth date. */
    private static NewItem.PersonRef person(Submission.Person p) {
        String type = p.certType().strip();
        boolean citizenId = "01".equals(type) || "07".equals(type);
        String no =
                citizenId ? CitizenIdNumber.normalize(p.certNo()) : p.certNo().strip();
        return new NewItem.PersonRef(
                type,
                no,
                p.name().strip(),
                citizenId ? CitizenIdNumber.genderCode(no) : null,
                citizenId ? CitizenIdNumber.birthDate(no).orElse(null) : null,
                blankToNull(p.phone()),
                blankToNull(p.bankAccount()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
