package org.siarchive.quality;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Violation;
import org.springframework.stereotype.Component;

/** Checks a {@link Submission} and returns every violation at once, so the sender can fix all in one go. */
@Component
public class Quality {

    /** Certificate types that carry a GB 11643 number: 居民身份证 and 港澳台居民居住证. */
    static final Set<String> GB11643_TYPES = Set.of("01", "07");

    private final Clock clock;

    public Quality(Clock clock) {
        this.clock = clock;
    }

    /** The zone in which a date-time sent without an offset is read. */
    public java.time.ZoneId zone() {
        return clock.getZone();
    }

    public List<Violation> check(Submission s, ReferenceFacts facts) {
        var v = new ArrayList<Violation>();
        var today = LocalDate.now(clock);
        FieldRules.code(v, "fondsCode", s.fondsCode(), facts.fondsCodes(), required("fondsCode"));
        FieldRules.pattern(v, "acceptanceNo", s.acceptanceNo(), "[A-Za-z0-9_\\-]{1,64}", required("acceptanceNo"));
        FieldRules.text(v, "title", s.title(), 500, required("title"));
        FieldRules.text(v, "responsible", s.responsible(), 200, required("responsible"));
        FieldRules.text(v, "docNo", s.docNo(), 100, required("docNo"));
        FieldRules.text(v, "handler", s.handler(), 100, required("handler"));
        FieldRules.text(v, "handlingAgency", s.handlingAgency(), 200, required("handlingAgency"));
        FieldRules.pastDate(v, "docDate", s.docDate(), today, required("docDate"));
        FieldRules.pastDateTime(v, "handledAt", s.handledAt(), clock, required("handledAt"));
        FieldRules.code(v, "insuranceType", s.insuranceType(), facts.insuranceTypes(), required("insuranceType"));
        FieldRules.code(v, "securityLevel", s.securityLevel(), facts.securityLevels(), required("securityLevel"));
        var step = stepFacts(v, s.businessStep(), facts);
        checkParties(v, s, step, facts, today);
        MaterialRules.check(v, s.filesOrEmpty(), step);
        return v;
    }

    /**
     * The rules a correction of descriptive metadata must pass before anything is written: the same
     * lengths and forbidden characters as at capture (DA/T 70 特殊字符检测), and a reason the audit trail
     * can keep.
     */
    public List<Violation> checkCorrection(
            @Nullable String title, @Nullable String responsible, @Nullable String docNo, @Nullable String reason) {
        var v = new ArrayList<Violation>();
        FieldRules.text(v, "title", title, 500, true);
        FieldRules.text(v, "responsible", responsible, 200, true);
        FieldRules.text(v, "docNo", docNo, 100, false);
        FieldRules.text(v, "reason", reason, 500, true);
        return v;
    }

    /** Mandatory fields are listed once, in {@link RequiredField}. */
    private static boolean required(String field) {
        return RequiredField.isRequired(field);
    }

    private static ReferenceFacts.@Nullable StepFacts stepFacts(
            List<Violation> v, @Nullable String code, ReferenceFacts facts) {
        FieldRules.code(v, "businessStep", code, facts.steps().keySet(), required("businessStep"));
        return code == null ? null : facts.steps().get(code.strip());
    }

    private static void checkParties(
            List<Violation> v,
            Submission s,
            ReferenceFacts.@Nullable StepFacts step,
            ReferenceFacts facts,
            LocalDate today) {
        var subject = step == null ? ReferenceFacts.Subject.ANY : step.subject();
        if (subject == ReferenceFacts.Subject.PERSON && s.person() == null) {
            v.add(Violation.of("person", "required"));
        }
        if (subject == ReferenceFacts.Subject.EMPLOYER && s.employer() == null) {
            v.add(Violation.of("employer", "required"));
        }
        if (s.person() != null) {
            PartyRules.person(v, s.person(), facts, today);
        }
        if (s.employer() != null) {
            PartyRules.employer(v, s.employer());
        }
    }
}
