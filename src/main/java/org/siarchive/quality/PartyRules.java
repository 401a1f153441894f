package org.siarchive.quality;

import java.time.LocalDate;
import java.util.List;
import org.siarchive.shared.Violation;

/** Rules for the person and the employer a material is about. */
final class PartyRules {

    private PartyRules() {}

    static void person(List<Violation> v, Submission.Person p, ReferenceFacts facts, LocalDate today) {
        FieldRules.code(v, "person.certType", p.certType(), facts.certTypes(), true);
        FieldRules.text(v, "person.name", p.name(), 100, true);
        if (!FieldRules.blank(p.phone()) && !p.phone().strip().matches("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}")) {
            v.add(Violation.of("person.phone", "phone"));
        }
        if (!FieldRules.blank(p.bankAccount()) && !p.bankAccount().strip().matches("\\d{8,30}")) {
            v.add(Violation.of("person.bankAccount", "bankAccount"));
        }
        if (FieldRules.blank(p.certNo())) {
            v.add(Violation.of("person.certNo", "required"));
            return;
        }
        String type = p.certType() == null ? "01" : p.certType().strip();
        if (Quality.GB11643_TYPES.contains(type)) {
            CitizenIdNumber.problem(p.certNo(), today)
                    .ifPresent(problem -> v.add(Violation.of("person.certNo", "citizenId." + problem.name())));
        } else if (!p.certNo().strip().matches("[A-Za-z0-9()（）\\-]{4,32}")) {
            v.add(Violation.of("person.certNo", "format"));
        }
    }

    static void employer(List<Violation> v, Submission.Employer e) {
        FieldRules.text(v, "employer.name", e.name(), 200, true);
        if (FieldRules.blank(e.creditCode())) {
            v.add(Violation.of("employer.creditCode", "required"));
            return;
        }
        CreditCode.problem(e.creditCode())
                .ifPresent(problem -> v.add(Violation.of("employer.creditCode", "creditCode." + problem.name())));
    }
}
