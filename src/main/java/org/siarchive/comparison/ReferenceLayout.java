package org.siarchive.comparison;

import static org.siarchive.comparison.ReferenceField.AGENCY_CODE;
import static org.siarchive.comparison.ReferenceField.AMOUNT;
import static org.siarchive.comparison.ReferenceField.BIRTH_DATE;
import static org.siarchive.comparison.ReferenceField.CERT_NO;
import static org.siarchive.comparison.ReferenceField.END_DATE;
import static org.siarchive.comparison.ReferenceField.EVENT_DATE;
import static org.siarchive.comparison.ReferenceField.GENDER;
import static org.siarchive.comparison.ReferenceField.LAST_PAID;
import static org.siarchive.comparison.ReferenceField.NAME;
import static org.siarchive.comparison.ReferenceField.REGION_CODE;
import static org.siarchive.comparison.ReferenceField.SCHEME;
import static org.siarchive.comparison.ReferenceField.SOURCE_REF;
import static org.siarchive.comparison.ReferenceField.START_DATE;
import static org.siarchive.comparison.ReferenceField.STATUS;
import static org.siarchive.comparison.ReferenceField.SUBTYPE;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.siarchive.comparison.Datasets.Kind;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;

/**
 * The column layout of each dataset kind (docs/reference-data.md): the columns it must have, the columns it
 * may have, and the header its template uses for the columns whose meaning depends on the kind (事件日期 is
 * the death, the sentence's start, the exit or the contribution month; 金额 the monthly benefit or base).
 */
final class ReferenceLayout {

    private static final Set<ReferenceField> COMMON =
            EnumSet.of(BIRTH_DATE, GENDER, REGION_CODE, AGENCY_CODE, SOURCE_REF);

    private static final Map<Kind, List<ReferenceField>> REQUIRED = new EnumMap<>(Map.of(
            Kind.BENEFIT, List.of(CERT_NO, NAME, SCHEME, START_DATE, AMOUNT, LAST_PAID, STATUS),
            Kind.ENROLMENT, List.of(CERT_NO, NAME, SCHEME, START_DATE, STATUS),
            Kind.CONTRIBUTION, List.of(CERT_NO, SCHEME, EVENT_DATE, AMOUNT),
            Kind.DEATH, List.of(CERT_NO, NAME, EVENT_DATE),
            Kind.SENTENCE, List.of(CERT_NO, NAME, EVENT_DATE),
            Kind.EXIT, List.of(CERT_NO, NAME, EVENT_DATE),
            Kind.OTHER_REGION_PAYMENT, List.of(CERT_NO, SCHEME, REGION_CODE, START_DATE),
            Kind.OTHER_REGION_ENROLMENT, List.of(CERT_NO, SCHEME, REGION_CODE, START_DATE),
            Kind.ASSISTANCE, List.of(CERT_NO, NAME, SUBTYPE, START_DATE)));

    private static final Map<Kind, List<ReferenceField>> OPTIONAL = new EnumMap<>(Map.of(
            Kind.BENEFIT, List.of(END_DATE),
            Kind.ENROLMENT, List.of(END_DATE),
            Kind.CONTRIBUTION, List.of(NAME),
            Kind.DEATH, List.of(SUBTYPE),
            Kind.SENTENCE, List.of(END_DATE, SUBTYPE),
            Kind.EXIT, List.of(SUBTYPE),
            Kind.OTHER_REGION_PAYMENT, List.of(NAME, AMOUNT, LAST_PAID, STATUS, END_DATE),
            Kind.OTHER_REGION_ENROLMENT, List.of(NAME, STATUS, END_DATE),
            Kind.ASSISTANCE, List.of(END_DATE, AMOUNT, STATUS)));

    private ReferenceLayout() {}

    static List<ReferenceField> required(Kind kind) {
        return REQUIRED.get(kind);
    }

    /** Every column of the kind in template order: required, then optional, then the common ones. */
    static List<ReferenceField> columns(Kind kind) {
        var out = new ArrayList<>(REQUIRED.get(kind));
        out.addAll(OPTIONAL.get(kind));
        COMMON.stream().filter(f -> !out.contains(f)).forEach(out::add);
        return out;
    }

    /** The header of {@code field} in the kind's template. */
    static String header(Kind kind, ReferenceField field) {
        if (field == EVENT_DATE) {
            return switch (kind) {
                case DEATH -> "死亡日期";
                case SENTENCE -> "服刑开始日期";
                case EXIT -> "出境定居日期";
                case CONTRIBUTION -> "缴费月份";
                default -> field.header();
            };
        }
        if (field == AMOUNT) {
            return switch (kind) {
                case CONTRIBUTION -> "缴费基数";
                case ASSISTANCE -> "月救助金额";
                default -> "月待遇金额";
            };
        }
        return field.header();
    }

    /**
     * The position of each of the kind's columns in a header row; unknown columns are ignored. When a file has
     * the kind's own header and an alias of it (a 公安 export's 死亡日期 and 注销日期, a 民政 list's 死亡日期 and
     * 火化日期), the kind's own header wins (docs/adr/0084). A missing required column or a column given twice
     * otherwise refuses the whole file, naming them.
     */
    static Map<ReferenceField, Integer> resolve(Kind kind, List<String> headers) {
        var positions = new EnumMap<ReferenceField, Integer>(ReferenceField.class);
        var own = EnumSet.noneOf(ReferenceField.class);
        var twice = new ArrayList<String>();
        for (int i = 0; i < headers.size(); i++) {
            var field = ReferenceField.of(headers.get(i));
            if (field.isPresent() && columns(kind).contains(field.get())) {
                var f = field.get();
                boolean ownHeader = ReferenceField.normalise(headers.get(i)).equals(header(kind, f));
                if (!positions.containsKey(f) || (ownHeader && !own.contains(f))) {
                    positions.put(f, i);
                } else if (!own.contains(f) || ownHeader) {
                    twice.add(header(kind, f));
                }
                if (ownHeader) {
                    own.add(f);
                }
            }
        }
        var missing = required(kind).stream()
                .filter(f -> !positions.containsKey(f))
                .map(f -> header(kind, f))
                .toList();
        var v = new ArrayList<Violation>();
        if (!missing.isEmpty()) {
            v.add(new Violation(
                    "file", "missingColumns", "reference.rule.missingColumns", List.of(String.join("、", missing))));
        }
        if (!twice.isEmpty()) {
            v.add(new Violation(
                    "file", "duplicateColumns", "reference.rule.duplicateColumns", List.of(String.join("、", twice))));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return positions;
    }
}
