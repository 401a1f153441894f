package org.siarchive.comparison;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.siarchive.comparison.Datasets.Kind;
import org.siarchive.crypto.Masks;
import org.siarchive.quality.CitizenIdNumber;
import org.siarchive.shared.Bounds;

/**
 * Checks one record of a reference file against its kind's layout and turns a good one into a row of
 * PostgreSQL binary COPY for {@code reference_row}: the ID number only as token and ciphertext, the name only
 * masked. A bad record yields its errors (each value masked) and no line. Thread-safe: the import pipeline
 * validates batches on several threads at once.
 */
final class ReferenceValidator {

    static final int MAX_NAME = 40;
    static final Map<ReferenceField, Integer> MAX_LENGTH =
            Map.of(ReferenceField.REGION_CODE, 12, ReferenceField.AGENCY_CODE, 32, ReferenceField.SOURCE_REF, 64);

    private final long datasetId;
    private final Kind kind;
    /** Column of each field by ordinal, -1 when absent; and whether a blank value is an error. */
    private final int[] positions;

    private final boolean[] required;
    private final Map<ReferenceField, String> headers;
    private final Set<String> schemes;
    private final @Nullable String defaultSubtype;
    private final LocalDate today;
    private final ReferenceTokens tokens;

    ReferenceValidator(
            long datasetId,
            Kind kind,
            String source,
            Map<ReferenceField, Integer> positions,
            List<String> header,
            Set<String> schemes,
            LocalDate today,
            ReferenceTokens tokens) {
        this.datasetId = datasetId;
        this.kind = kind;
        this.positions = new int[ReferenceField.values().length];
        this.required = new boolean[ReferenceField.values().length];
        for (var f : ReferenceField.values()) {
            Integer at = positions.get(f);
            this.positions[f.ordinal()] = at == null ? -1 : at;
            this.required[f.ordinal()] = ReferenceLayout.required(kind).contains(f);
        }
        this.headers = new java.util.EnumMap<>(ReferenceField.class);
        for (var f : ReferenceField.values()) {
            Integer at = positions.get(f);
            String named = at == null || at >= header.size() ? "" : ReferenceField.normalise(header.get(at));
            headers.put(f, named.isEmpty() || named.length() > 64 ? ReferenceLayout.header(kind, f) : named);
        }
        this.schemes = Set.copyOf(schemes);
        this.defaultSubtype = kind == Kind.DEATH
                ? switch (source) {
                    case "GA" -> "CANCELLATION";
                    case "MZ" -> "CREMATION";
                    case "WJ" -> "REGISTRATION";
                    default -> null;
                }
                : null;
        this.today = today;
        this.tokens = tokens;
    }

    /** Columns of {@code reference_row}, in order. */
    static final int FIELDS = 18;

    /** Appends the row's binary COPY row to {@code out} and returns true, or adds its errors and returns false. */
    boolean accept(long rowNo, List<String> fields, CopyBinary out, List<ImportError> errors) {
        var row = new Row(rowNo, fields, new ArrayList<>());
        String cert = row.text(ReferenceField.CERT_NO);
        String id = cert == null ? null : certNo(row, cert);
        String name = row.bounded(ReferenceField.NAME, 200);
        LocalDate birth = row.date(ReferenceField.BIRTH_DATE, false);
        String gender = row.code(ReferenceField.GENDER, ReferenceValues.GENDERS, "gender");
        String scheme = row.scheme();
        String subtype = row.code(ReferenceField.SUBTYPE, ReferenceValues.SUBTYPES, "subtype");
        String status = row.code(ReferenceField.STATUS, ReferenceValues.STATUSES, "status");
        LocalDate start = row.date(ReferenceField.START_DATE, false);
        LocalDate end = row.date(ReferenceField.END_DATE, false);
        LocalDate event = row.date(ReferenceField.EVENT_DATE, kind == Kind.CONTRIBUTION);
        LocalDate lastPaid = row.date(ReferenceField.LAST_PAID, true);
        BigDecimal amount = row.amount();
        String region = row.bounded(ReferenceField.REGION_CODE, MAX_LENGTH.get(ReferenceField.REGION_CODE));
        String agency = row.bounded(ReferenceField.AGENCY_CODE, MAX_LENGTH.get(ReferenceField.AGENCY_CODE));
        String ref = row.bounded(ReferenceField.SOURCE_REF, MAX_LENGTH.get(ReferenceField.SOURCE_REF));
        if (!row.errors.isEmpty() || id == null) {
            errors.addAll(row.errors);
            return false;
        }
        if (birth == null) {
            birth = CitizenIdNumber.birthDate(id).orElse(null);
        }
        if (gender == null) {
            gender = ((id.charAt(16) - '0') % 2 == 1) ? "1" : "2";
        }
        out.row(FIELDS).int8(datasetId).int8(rowNo);
        out.bytea(tokens.token(id)).bytea(tokens.seal(id));
        out.text(name == null ? null : Masks.name(name))
                .date(birth)
                .text(gender)
                .text(scheme);
        out.text(subtype == null ? defaultSubtype : subtype).text(status);
        out.date(start).date(end).date(event).date(lastPaid);
        out.numeric(amount).text(region).text(agency).text(ref);
        return true;
    }

    private @Nullable String certNo(Row row, String cert) {
        // full-width digits typed with a Chinese input method are the same number (docs/adr/0084)
        String id = CitizenIdNumber.normalize(ascii(cert) ? cert : Normalizer.normalize(cert, Normalizer.Form.NFKC));
        var problem = CitizenIdNumber.problem(id, today);
        if (problem.isPresent()) {
            String rule =
                    switch (problem.get()) {
                        case FORMAT -> "certFormat";
                        case BIRTH_DATE -> "certBirthDate";
                        case CHECKSUM -> "certChecksum";
                    };
            row.errors.add(
                    new ImportError(row.rowNo, headers.get(ReferenceField.CERT_NO), rule, Masks.idNumber(clip(cert))));
            return null;
        }
        return id;
    }

    /** ASCII text is its own NFKC form: the normaliser is skipped for it. */
    private static boolean ascii(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    static String escape(String v) {
        if (v.indexOf('\\') < 0 && v.indexOf('\t') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String clip(String v) {
        return v.length() > 60 ? v.substring(0, 60) : v;
    }

    /** One record being checked: its values by field and the errors found so far. */
    private final class Row {
        final long rowNo;
        final List<String> fields;
        final List<ImportError> errors;

        Row(long rowNo, List<String> fields, List<ImportError> errors) {
            this.rowNo = rowNo;
            this.fields = fields;
            this.errors = errors;
        }

        /** The stripped value, null when the column is absent or blank; a blank required value is an error. */
        @Nullable
        String text(ReferenceField f) {
            int at = positions[f.ordinal()];
            String v = at < 0 || at >= fields.size() ? null : fields.get(at).strip();
            if (v == null || v.isEmpty()) {
                if (at >= 0 && required[f.ordinal()]) {
                    fail(f, "required", null);
                }
                return null;
            }
            return v;
        }

        @Nullable
        String bounded(ReferenceField f, int max) {
            String v = text(f);
            if (v == null) {
                return null;
            }
            var broken = Bounds.text(f.name(), v, f == ReferenceField.NAME ? MAX_NAME : max);
            if (broken.isPresent()) {
                fail(f, broken.get().rule(), v);
                return null;
            }
            return v;
        }

        @Nullable
        LocalDate date(ReferenceField f, boolean month) {
            String v = text(f);
            if (v == null) {
                return null;
            }
            LocalDate d = month ? ReferenceValues.month(v) : ReferenceValues.date(v);
            if (d == null || d.getYear() < 1900 || d.isAfter(today.plusYears(1))) {
                fail(f, month ? "month" : "date", v);
            }
            return d;
        }

        @Nullable
        String code(ReferenceField f, Map<String, String> codes, String rule) {
            String v = text(f);
            if (v == null) {
                return null;
            }
            String c = ReferenceValues.code(codes, v);
            if (c == null) {
                fail(f, rule, v);
            }
            return c;
        }

        @Nullable
        String scheme() {
            String v = text(ReferenceField.SCHEME);
            if (v != null && !schemes.contains(v)) {
                fail(ReferenceField.SCHEME, "scheme", v);
                return null;
            }
            return v;
        }

        @Nullable
        BigDecimal amount() {
            String v = text(ReferenceField.AMOUNT);
            if (v == null) {
                return null;
            }
            BigDecimal a = ReferenceValues.amount(v);
            if (a == null) {
                fail(ReferenceField.AMOUNT, "amount", v);
            }
            return a;
        }

        void fail(ReferenceField f, String rule, @Nullable String value) {
            String masked = value == null ? null : f == ReferenceField.NAME ? Masks.name(clip(value)) : clip(value);
            errors.add(new ImportError(rowNo, headers.get(f), rule, masked));
        }
    }
}
