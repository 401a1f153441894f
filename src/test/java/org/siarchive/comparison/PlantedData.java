package org.siarchive.comparison;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.siarchive.comparison.PlantedRows.Row;

/**
 * Seeded reference data for one unit with planted hits for every rule of the catalogue and near-misses that
 * must not hit (same name and birth date with another ID; death after or in the last paid month; a sentence
 * ended before the payments; an exit after the last paid month; unemployment benefit ended before
 * re-employment; bases exactly at the floor and ceiling, a 2.9× jump, a jump far from retirement; an assisted
 * person enrolled, a child; an open enrolment with death less than a year ago; the same scheme twice in the
 * same region...), plus background rows. {@link #expected()} is each rule's planted set of ID numbers.
 * Evaluated as of {@link #AS_OF}.
 */
public final class PlantedData {

    public static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    static final String REGION = "440500";

    private final Map<String, List<Row>> rows = new LinkedHashMap<>();
    private final Map<String, TreeSet<String>> expected = new TreeMap<>();
    private final Random random;
    private final String agency;
    private int seq;

    public PlantedData(long seed, String agency) {
        this.random = new Random(seed);
        this.agency = agency;
        for (var rule : List.of(
                "DEATH_PAYMENT",
                "SENTENCE_PAYMENT",
                "DUPLICATE_BENEFIT",
                "DUPLICATE_ENROLMENT",
                "DEATH_UNSETTLED",
                "REEMPLOYED_UNEMPLOYMENT",
                "BASE_ANOMALY",
                "EMIGRATED_PAYMENT",
                "NOT_ENROLLED")) {
            expected.put(rule, new TreeSet<>());
        }
        build();
    }

    /** Each rule's planted ID numbers. */
    public Map<String, TreeSet<String>> expected() {
        return expected;
    }

    /** Rows by "KIND SOURCE". */
    public Map<String, List<Row>> rows() {
        return rows;
    }

    private String person(int birthYear) {
        var birth = LocalDate.of(birthYear, 1 + random.nextInt(12), 1 + random.nextInt(28));
        return PlantedRows.cert("440514", birth, seq++);
    }

    private static LocalDate birthOf(String cert) {
        return LocalDate.parse(cert.substring(6, 10) + "-" + cert.substring(10, 12) + "-" + cert.substring(12, 14));
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private void plant(String rule, String cert) {
        expected.get(rule).add(cert);
    }

    private void add(String kind, String source, Row r) {
        rows.computeIfAbsent(kind + " " + source, k -> new ArrayList<>()).add(r);
    }

    private void benefit(String cert, String scheme, String start, @Nullable String end, String lastPaid) {
        add(
                "BENEFIT",
                "RS",
                new Row(
                        cert,
                        birthOf(cert),
                        "1",
                        scheme,
                        null,
                        end == null ? "ACTIVE" : "ENDED",
                        d(start),
                        end == null ? null : d(end),
                        null,
                        d(lastPaid),
                        "2350.50",
                        REGION,
                        agency));
    }

    private void enrolment(String cert, String scheme, String start, @Nullable String end, String region) {
        add(
                "ENROLMENT",
                "RS",
                new Row(
                        cert,
                        birthOf(cert),
                        "1",
                        scheme,
                        null,
                        end == null ? "ACTIVE" : "ENDED",
                        d(start),
                        end == null ? null : d(end),
                        null,
                        null,
                        null,
                        region,
                        agency));
    }

    private void event(String kind, String source, String cert, String subtype, String on, @Nullable String until) {
        add(
                kind,
                source,
                new Row(
                        cert,
                        birthOf(cert),
                        null,
                        null,
                        subtype,
                        null,
                        null,
                        until == null ? null : d(until),
                        d(on),
                        null,
                        null,
                        REGION,
                        null));
    }

    private void other(String kind, String cert, String scheme, String start, @Nullable String lastPaid) {
        add(
                kind,
                "QG",
                new Row(
                        cert,
                        birthOf(cert),
                        "1",
                        scheme,
                        null,
                        "ACTIVE",
                        d(start),
                        null,
                        null,
                        lastPaid == null ? null : d(lastPaid),
                        lastPaid == null ? null : "1800.00",
                        "110105",
                        null));
    }

    private void contribution(String cert, String gender, String month, String base, String region) {
        add(
                "CONTRIBUTION",
                "SW",
                new Row(
                        cert,
                        birthOf(cert),
                        gender,
                        "110",
                        null,
                        null,
                        null,
                        null,
                        d(month),
                        null,
                        base,
                        region,
                        agency));
    }

    private void build() {
        deaths();
        sentences();
        duplicates();
        enrolments();
        unemployment();
        bases();
        exits();
        assistance();
        for (int i = 0; i < 300; i++) {
            benefit(person(1950 + i % 15), "110", "2012-01-01", null, "2026-10-01");
            event("DEATH", "MZ", person(1940 + i % 30), "CREMATION", "2026-0" + (1 + i % 9) + "-10", null);
        }
    }

    private void deaths() {
        String a = person(1948);
        benefit(a, "110", "2008-03-01", null, "2026-10-01");
        event("DEATH", "GA", a, "CANCELLATION", "2026-06-15", null);
        plant("DEATH_PAYMENT", a);
        String b = person(1945);
        benefit(b, "170", "2012-01-01", null, "2026-10-01");
        event("DEATH", "GA", b, "CANCELLATION", "2026-03-02", null);
        event("DEATH", "MZ", b, "CREMATION", "2026-03-05", null);
        plant("DEATH_PAYMENT", b);
        String c = person(1950);
        String twin = PlantedRows.cert("440514", birthOf(c), seq++); // same birth date and name, another ID
        benefit(c, "110", "2010-01-01", null, "2026-10-01");
        event("DEATH", "WJ", twin, "REGISTRATION", "2026-01-20", null);
        String e = person(1947);
        benefit(e, "110", "2010-01-01", "2026-05-31", "2026-05-01");
        event("DEATH", "GA", e, "CANCELLATION", "2026-06-03", null);
        String f = person(1946);
        benefit(f, "110", "2010-01-01", null, "2026-06-01");
        event("DEATH", "GA", f, "CANCELLATION", "2026-06-20", null);
        String g = person(1955);
        enrolment(g, "110", "2000-01-01", null, "440514");
        event("DEATH", "GA", g, "CANCELLATION", "2024-05-10", null);
        plant("DEATH_UNSETTLED", g);
        String h = person(1956);
        enrolment(h, "110", "2000-01-01", null, "440514");
        event("DEATH", "GA", h, "CANCELLATION", "2025-12-01", null);
        String k = person(1957);
        enrolment(k, "110", "2000-01-01", "2024-06-30", "440514");
        event("DEATH", "MZ", k, "CREMATION", "2024-05-10", null);
    }

    private void sentences() {
        String a = person(1958);
        benefit(a, "110", "2010-01-01", null, "2026-10-01");
        event("SENTENCE", "FY", a, "PRISON", "2026-02-10", "2027-02-09");
        plant("SENTENCE_PAYMENT", a);
        String b = person(1959);
        benefit(b, "110", "2010-01-01", null, "2026-10-01");
        event("SENTENCE", "SF", b, "PRISON", "2025-01-05", "2025-06-30");
        plant("SENTENCE_PAYMENT", b);
        String c = person(1960);
        benefit(c, "110", "2012-01-01", null, "2026-10-01");
        event("SENTENCE", "FY", c, "PRISON", "2008-01-05", "2009-12-31");
        String e = person(1961);
        benefit(e, "110", "2012-01-01", null, "2026-10-01");
        event("SENTENCE", "FY", e, "PRISON", "2026-10-10", null);
    }

    private void duplicates() {
        String a = person(1952);
        benefit(a, "110", "2020-01-01", null, "2026-10-01");
        benefit(a, "170", "2022-01-01", null, "2026-10-01");
        plant("DUPLICATE_BENEFIT", a);
        String b = person(1953);
        benefit(b, "110", "2023-01-01", null, "2026-10-01");
        other("OTHER_REGION_PAYMENT", b, "110", "2025-01-01", "2026-09-01");
        plant("DUPLICATE_BENEFIT", b);
        String c = person(1954);
        benefit(c, "110", "2010-01-01", "2019-12-31", "2019-12-01");
        benefit(c, "170", "2020-01-01", null, "2026-10-01");
        String e = person(1951);
        benefit(e, "110", "2021-01-01", null, "2026-10-01");
        other("OTHER_REGION_PAYMENT", e, "110", "2015-01-01", "2020-12-01");
    }

    private void enrolments() {
        String a = person(1980);
        enrolment(a, "110", "2010-01-01", null, "440514");
        enrolment(a, "170", "2018-01-01", null, "440514");
        plant("DUPLICATE_ENROLMENT", a);
        String b = person(1981);
        enrolment(b, "310", "2010-01-01", null, "440514");
        other("OTHER_REGION_ENROLMENT", b, "310", "2024-01-01", null);
        plant("DUPLICATE_ENROLMENT", b);
        String c = person(1982);
        enrolment(c, "110", "2010-01-01", null, "440514");
        enrolment(c, "110", "2015-01-01", null, "440514");
        String e = person(1983);
        enrolment(e, "110", "2005-01-01", "2015-12-31", "440514");
        enrolment(e, "170", "2016-01-01", null, "440514");
        String f = person(1984);
        enrolment(f, "110", "2010-01-01", null, "440514");
        enrolment(f, "310", "2010-01-01", null, "440514");
    }

    private void unemployment() {
        String a = person(1985);
        benefit(a, "210", "2026-01-01", null, "2026-10-01");
        enrolment(a, "110", "2026-06-01", null, "440514");
        plant("REEMPLOYED_UNEMPLOYMENT", a);
        String b = person(1986);
        benefit(b, "210", "2025-01-01", "2025-12-31", "2025-12-01");
        enrolment(b, "110", "2026-02-01", null, "440514");
    }

    private void bases() {
        String low = person(1990);
        String high = person(1991);
        String floor = person(1992);
        String other = person(1993);
        for (int m = 1; m <= 5; m++) {
            String month = "2025-0" + m + "-01";
            contribution(low, "1", month, m <= 3 ? "3000.00" : "4600.00", REGION);
            contribution(high, "2", month, m == 5 ? "30000.00" : "9000.00", REGION);
            contribution(floor, "1", month, m % 2 == 0 ? "4492.00" : "22458.00", REGION);
            contribution(other, "1", month, "1000.00", "440600");
        }
        plant("BASE_ANOMALY", low);
        plant("BASE_ANOMALY", high);
        String jump = PlantedRows.cert("440514", LocalDate.of(1966, 3, 10), seq++);
        String weak = PlantedRows.cert("440514", LocalDate.of(1966, 4, 10), seq++);
        String young = PlantedRows.cert("440514", LocalDate.of(1980, 4, 10), seq++);
        String early = PlantedRows.cert("440514", LocalDate.of(1971, 5, 10), seq++);
        for (int m = 1; m <= 12; m++) {
            String month = "2024-%02d-01".formatted(m);
            contribution(jump, "1", month, m <= 6 ? "5000.00" : "16000.00", "440600");
            contribution(weak, "1", month, m <= 6 ? "5000.00" : "14500.00", "440600");
            contribution(young, "1", month, m <= 6 ? "5000.00" : "16000.00", "440600");
            contribution(early, "2", "2020-%02d-01".formatted(m), m <= 6 ? "5000.00" : "16000.00", "440600");
        }
        plant("BASE_ANOMALY", jump);
    }

    private void exits() {
        String a = person(1949);
        benefit(a, "110", "2009-01-01", null, "2026-10-01");
        event("EXIT", "CRJ", a, "SETTLEMENT", "2026-04-20", null);
        plant("EMIGRATED_PAYMENT", a);
        String b = person(1949);
        benefit(b, "110", "2009-01-01", "2026-08-31", "2026-08-01");
        event("EXIT", "CRJ", b, "SETTLEMENT", "2026-09-15", null);
    }

    private void assistance() {
        String a = person(1980);
        event("ASSISTANCE", "MZ", a, "DIBAO", "2024-01-01", null);
        plant("NOT_ENROLLED", a);
        String b = person(1975);
        event("ASSISTANCE", "MZ", b, "TEKUN", "2023-01-01", null);
        enrolment(b, "110", "2000-01-01", "2020-06-30", "440514");
        plant("NOT_ENROLLED", b);
        String c = person(1970);
        event("ASSISTANCE", "MZ", c, "DIBAO", "2023-01-01", null);
        enrolment(c, "310", "2015-01-01", null, "440514");
        plant("NOT_ENROLLED", c);
        String e = person(1972);
        event("ASSISTANCE", "MZ", e, "DIBAO", "2023-01-01", null);
        enrolment(e, "170", "2015-01-01", null, "440514");
        String f = person(2015);
        event("ASSISTANCE", "MZ", f, "DIBAO", "2023-01-01", null);
    }
}
