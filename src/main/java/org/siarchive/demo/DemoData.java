package org.siarchive.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.siarchive.quality.Submission;

/**
 * Generates business histories: employers registering, persons enrolled by them, and for some persons
 * transfers, unemployment, work injury and retirement — each event in business-time order with the
 * required materials of its business step.
 */
final class DemoData {

    private final DemoIdentities ids;
    private final DemoSubmissions submissions;

    DemoData(long seed, String fonds) {
        this(seed, county -> fonds);
    }

    /** {@code fondsOfCounty} maps a county code to the fonds its records are filed in. */
    DemoData(long seed, java.util.function.Function<String, String> fondsOfCounty) {
        this.ids = new DemoIdentities(seed);
        this.submissions = new DemoSubmissions(ids, fondsOfCounty);
    }

    /** An employer with its founding date, for persons to be enrolled by. */
    record Employer(String creditCode, String name, DemoIdentities.County county, LocalDate founded) {}

    List<DemoRecord> generate(int persons) {
        var records = new ArrayList<DemoRecord>();
        var employers = new ArrayList<Employer>();
        for (int i = 0; i < Math.max(1, persons / 5); i++) {
            // two of every three employers sit in the demo's own counties (锦江区, 青羊区), so their
            // county accounts have files to see; the rest spread over the other counties
            var county = i % 3 < 2 ? DemoIdentities.COUNTIES.get(i % 3) : ids.county();
            var e = new Employer(ids.creditCode(county), ids.companyName(county), county, date(2003, 2014));
            employers.add(e);
            records.addAll(employerHistory(e));
        }
        for (int i = 0; i < persons; i++) {
            records.addAll(personHistory(employers.get(ids.random().nextInt(employers.size()))));
        }
        records.addAll(expiredTerms(employers));
        return records;
    }

    /**
     * A few persons of the demo's own counties enrolled in 2011 and granted unemployment benefits in
     * 2014–2015 (10-year term, 内部), so the expiry worklist and the secrecy review have work on first
     * start (issue 16).
     */
    private List<DemoRecord> expiredTerms(List<Employer> employers) {
        var out = new ArrayList<DemoRecord>();
        for (int i = 0; i < Math.min(4, employers.size()); i++) {
            var employer = employers.get(i);
            var person = person(employer.county(), date(1965, 1985), i % 2 == 0);
            out.add(enrolment(person, employer, LocalDate.of(2011, 3, 1).plusDays(30L * i)));
            out.addAll(unemployment(person, employer, LocalDate.of(2014, 3, 10).plusDays(150L * i)));
        }
        return out;
    }

    private List<DemoRecord> employerHistory(Employer e) {
        var out = new ArrayList<DemoRecord>();
        out.add(submissions.record(
                "DWDJ",
                null,
                e.name() + "单位参保登记",
                e.founded(),
                null,
                e,
                List.of("DW01", "DW02"),
                Map.of("法定代表人", ids.name())));
        LocalDate declared = e.founded().plusMonths(13);
        out.add(submissions.record(
                "JFHD",
                "110",
                e.name() + declared.getYear() + "年度缴费申报核定",
                declared,
                null,
                e,
                List.of("ZJ01", "ZJ02"),
                Map.of(
                        "缴费基数合计（元）",
                        Integer.toString(200_000 + ids.random().nextInt(800_000)),
                        "参保人数",
                        Integer.toString(5 + ids.random().nextInt(80)))));
        if (ids.random().nextInt(3) == 0) {
            LocalDate audit = e.founded().plusYears(3 + ids.random().nextInt(6));
            out.add(submissions.record(
                    "JHCL",
                    null,
                    e.name() + "社会保险稽核",
                    audit,
                    null,
                    e,
                    List.of("JH01", "JH03"),
                    Map.of("稽核结论", "申报缴费基数与工资总额相符")));
        }
        return out;
    }

    private List<DemoRecord> personHistory(Employer employer) {
        boolean male = ids.random().nextBoolean();
        LocalDate birth = date(1955, 2002);
        var person = person(employer.county(), birth, male);
        LocalDate start = enrolmentDate(employer, birth);
        var out = new ArrayList<DemoRecord>();
        out.add(enrolment(person, employer, start));
        LocalDate t = lifeEvent(person, employer, start, out);
        LocalDate retirement = birth.plusYears(male ? 60 : 50);
        if (retirement.isAfter(t) && retirement.isBefore(LocalDate.of(2025, 10, 1))) {
            out.addAll(retirement(person, employer, retirement));
        }
        return out;
    }

    private Submission.Person person(DemoIdentities.County county, LocalDate birth, boolean male) {
        return new Submission.Person(
                "01",
                ids.citizenId(county, birth, male),
                ids.name(),
                "1" + (3 + ids.random().nextInt(7))
                        + "%09d".formatted(ids.random().nextInt(1_000_000_000)),
                "622202" + "%013d".formatted(Math.floorMod(ids.random().nextLong(), 10_000_000_000_000L)));
    }

    /** Enrolled once adult, the employer founded and 2005 begun; never after mid-2025. */
    private LocalDate enrolmentDate(Employer employer, LocalDate birth) {
        LocalDate start = later(employer.founded().plusMonths(1), birth.plusYears(18), LocalDate.of(2005, 1, 1))
                .plusDays(ids.random().nextInt(900));
        return start.isAfter(LocalDate.of(2025, 6, 30)) ? LocalDate.of(2025, 6, 30) : start;
    }

    private DemoRecord enrolment(Submission.Person person, Employer employer, LocalDate start) {
        var materials = ids.random().nextBoolean() ? List.of("RY01", "RY02", "RY03") : List.of("RY01", "RY02");
        return submissions.record(
                "GRCB",
                "110",
                person.name() + "个人参保登记",
                start,
                person,
                employer,
                materials,
                Map.of("参加工作时间", start.toString()));
    }

    /**
     * For some persons one event after enrolment — a transfer (3 in 10), unemployment (2 in 10) or a work
     * injury (1 in 10) — added to {@code out}; the date of the last event.
     */
    private LocalDate lifeEvent(Submission.Person person, Employer employer, LocalDate start, List<DemoRecord> out) {
        int roll = ids.random().nextInt(10);
        if (roll < 3) {
            LocalDate t = start.plusYears(2 + ids.random().nextInt(5));
            out.add(transfer(person, employer, t));
            return t;
        } else if (roll < 5) {
            LocalDate t = start.plusYears(1 + ids.random().nextInt(6));
            out.addAll(unemployment(person, employer, t));
            return t;
        } else if (roll < 6) {
            LocalDate t = start.plusYears(1 + ids.random().nextInt(5));
            out.addAll(workInjury(person, employer, t));
            return t;
        }
        return start;
    }

    private DemoRecord transfer(Submission.Person person, Employer employer, LocalDate t) {
        var county = employer.county();
        return submissions.record(
                "ZYJX",
                "110",
                person.name() + "基本养老保险关系转移接续",
                cap(t),
                person,
                employer,
                List.of("YL08", "YL09", "YL10"),
                Map.of("转出地", "重庆市渝中区", "转入地", county.city() + county.name()));
    }

    private List<DemoRecord> unemployment(Submission.Person person, Employer employer, LocalDate t) {
        var registered = submissions.record(
                "SYBA",
                "210",
                person.name() + "失业登记备案",
                cap(t),
                person,
                employer,
                List.of("SY01", "RY05"),
                Map.of("失业原因", "劳动合同期满"));
        var granted = submissions.record(
                "SYHD",
                "210",
                person.name() + "失业保险金核定",
                cap(t.plusDays(12)),
                person,
                employer,
                List.of("SY02", "SY03"),
                Map.of("领取期限（月）", Integer.toString(3 + ids.random().nextInt(10)), "月发放标准（元）", "1836.00"));
        return List.of(registered, granted);
    }

    private List<DemoRecord> workInjury(Submission.Person person, Employer employer, LocalDate t) {
        var reported = submissions.record(
                "GSBA",
                "410",
                person.name() + "工伤事故备案",
                cap(t),
                person,
                employer,
                List.of("GS01"),
                Map.of("事故经过", "作业时右手被机械挤伤"));
        var recognised = submissions.record(
                "GSRD",
                "410",
                person.name() + "工伤认定",
                cap(t.plusDays(40)),
                person,
                employer,
                List.of("GS02"),
                Map.of("认定结论", "属于工伤"));
        return List.of(reported, recognised);
    }

    private List<DemoRecord> retirement(Submission.Person person, Employer employer, LocalDate retirement) {
        var claimed = submissions.record(
                "TXSL",
                "110",
                person.name() + "退休待遇申领",
                retirement,
                person,
                employer,
                List.of("YL01", "YL02", "RY02"),
                Map.of("退休类别", "正常退休"));
        var assessed = submissions.record(
                "DYHD",
                "110",
                person.name() + "基本养老金核定",
                retirement.plusDays(15),
                person,
                employer,
                List.of("YL04"),
                Map.of(
                        "基础养老金（元）",
                        Integer.toString(1400 + ids.random().nextInt(900)),
                        "个人账户养老金（元）",
                        Integer.toString(300 + ids.random().nextInt(900))));
        return List.of(claimed, assessed);
    }

    private LocalDate date(int fromYear, int toYear) {
        var from = LocalDate.of(fromYear, 1, 1);
        return from.plusDays(
                ids.random().nextInt((int) (LocalDate.of(toYear, 12, 31).toEpochDay() - from.toEpochDay())));
    }

    private static LocalDate later(LocalDate... dates) {
        LocalDate max = dates[0];
        for (var d : dates) {
            if (d.isAfter(max)) {
                max = d;
            }
        }
        return max;
    }

    private static LocalDate cap(LocalDate d) {
        var limit = LocalDate.of(2025, 12, 31);
        return d.isAfter(limit) ? limit : d;
    }
}
