package org.siarchive.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.siarchive.quality.Submission;

/**
 * Generates business histories: employers registering, persons enrolled by them, and for some persons
 * transfers, unemployment, work injury and retirement — each event in business-time order with the
 * required materials of its business step.
 */
final class DemoData {

    private static final Map<String, String> MATERIAL_NAMES = Map.ofEntries(
            Map.entry("DW01", "社会保险登记表"),
            Map.entry("DW02", "营业执照（副本）复印件"),
            Map.entry("RY01", "参保人员增员表"),
            Map.entry("RY02", "居民身份证复印件"),
            Map.entry("RY03", "劳动合同"),
            Map.entry("RY05", "解除劳动关系证明"),
            Map.entry("YL01", "基本养老保险待遇申领表"),
            Map.entry("YL02", "退休审批表"),
            Map.entry("YL04", "基本养老保险待遇核定表"),
            Map.entry("YL08", "参保缴费凭证"),
            Map.entry("YL09", "基本养老保险关系转移接续联系函"),
            Map.entry("YL10", "基本养老保险关系转移接续信息表"),
            Map.entry("SY01", "失业登记表"),
            Map.entry("SY02", "失业保险金申领表"),
            Map.entry("SY03", "失业保险待遇核定表"),
            Map.entry("GS01", "工伤事故备案表"),
            Map.entry("GS02", "工伤认定决定书"),
            Map.entry("ZJ01", "社会保险费缴费申报表"),
            Map.entry("ZJ02", "缴费核定单"),
            Map.entry("JH01", "稽核通知书"),
            Map.entry("JH03", "稽核报告"));

    private final DemoIdentities ids;
    private final java.util.function.Function<String, String> fondsOfCounty;
    private int acceptanceSeq;

    DemoData(long seed, String fonds) {
        this(seed, county -> fonds);
    }

    /** {@code fondsOfCounty} maps a county code to the fonds its records are filed in. */
    DemoData(long seed, java.util.function.Function<String, String> fondsOfCounty) {
        this.ids = new DemoIdentities(seed);
        this.fondsOfCounty = fondsOfCounty;
    }

    /** 密级: employer-only records 公开 (1), work-injury records 敏感 (3), everything else 内部 (2). */
    private static String securityLevel(
            String step, String insurance, Submission.@org.jspecify.annotations.Nullable Person person) {
        if (person == null) {
            return "1";
        }
        return "410".equals(insurance) ? "3" : "2";
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
        return records;
    }

    private List<DemoRecord> employerHistory(Employer e) {
        var out = new ArrayList<DemoRecord>();
        out.add(record(
                "DWDJ",
                null,
                e.name() + "单位参保登记",
                e.founded(),
                null,
                e,
                List.of("DW01", "DW02"),
                Map.of("法定代表人", ids.name())));
        LocalDate declared = e.founded().plusMonths(13);
        out.add(record(
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
            out.add(record(
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
        var out = new ArrayList<DemoRecord>();
        boolean male = ids.random().nextBoolean();
        LocalDate birth = date(1955, 2002);
        var county = employer.county();
        var person = new Submission.Person(
                "01",
                ids.citizenId(county, birth, male),
                ids.name(),
                "1" + (3 + ids.random().nextInt(7))
                        + "%09d".formatted(ids.random().nextInt(1_000_000_000)),
                "622202" + "%013d".formatted(Math.floorMod(ids.random().nextLong(), 10_000_000_000_000L)));
        LocalDate start = later(employer.founded().plusMonths(1), birth.plusYears(18), LocalDate.of(2005, 1, 1))
                .plusDays(ids.random().nextInt(900));
        if (start.isAfter(LocalDate.of(2025, 6, 30))) {
            start = LocalDate.of(2025, 6, 30);
        }
        var materials = ids.random().nextBoolean() ? List.of("RY01", "RY02", "RY03") : List.of("RY01", "RY02");
        out.add(record(
                "GRCB",
                "110",
                person.name() + "个人参保登记",
                start,
                person,
                employer,
                materials,
                Map.of("参加工作时间", start.toString())));
        LocalDate t = start;
        int roll = ids.random().nextInt(10);
        if (roll < 3) {
            t = t.plusYears(2 + ids.random().nextInt(5));
            out.add(record(
                    "ZYJX",
                    "110",
                    person.name() + "基本养老保险关系转移接续",
                    cap(t),
                    person,
                    employer,
                    List.of("YL08", "YL09", "YL10"),
                    Map.of("转出地", "重庆市渝中区", "转入地", county.city() + county.name())));
        } else if (roll < 5) {
            t = t.plusYears(1 + ids.random().nextInt(6));
            out.add(record(
                    "SYBA",
                    "210",
                    person.name() + "失业登记备案",
                    cap(t),
                    person,
                    employer,
                    List.of("SY01", "RY05"),
                    Map.of("失业原因", "劳动合同期满")));
            out.add(record(
                    "SYHD",
                    "210",
                    person.name() + "失业保险金核定",
                    cap(t.plusDays(12)),
                    person,
                    employer,
                    List.of("SY02", "SY03"),
                    Map.of("领取期限（月）", Integer.toString(3 + ids.random().nextInt(10)), "月发放标准（元）", "1836.00")));
        } else if (roll < 6) {
            t = t.plusYears(1 + ids.random().nextInt(5));
            out.add(record(
                    "GSBA",
                    "410",
                    person.name() + "工伤事故备案",
                    cap(t),
                    person,
                    employer,
                    List.of("GS01"),
                    Map.of("事故经过", "作业时右手被机械挤伤")));
            out.add(record(
                    "GSRD",
                    "410",
                    person.name() + "工伤认定",
                    cap(t.plusDays(40)),
                    person,
                    employer,
                    List.of("GS02"),
                    Map.of("认定结论", "属于工伤")));
        }
        LocalDate retirement = birth.plusYears(male ? 60 : 50);
        if (retirement.isAfter(t) && retirement.isBefore(LocalDate.of(2025, 10, 1))) {
            out.add(record(
                    "TXSL",
                    "110",
                    person.name() + "退休待遇申领",
                    retirement,
                    person,
                    employer,
                    List.of("YL01", "YL02", "RY02"),
                    Map.of("退休类别", "正常退休")));
            out.add(record(
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
                            Integer.toString(300 + ids.random().nextInt(900)))));
        }
        return out;
    }

    private DemoRecord record(
            String step,
            String insurance,
            String title,
            LocalDate date,
            Submission.Person person,
            Employer employer,
            List<String> materials,
            Map<String, String> extra) {
        String agency = employer.county().agency();
        String acceptance = "SL" + date.toString().replace("-", "") + "%06d".formatted(++acceptanceSeq)
                + "%03d".formatted(ids.random().nextInt(1000));
        String handler = ids.name();
        var submission = new Submission(
                fondsOfCounty.apply(employer.county().code()),
                acceptance,
                step,
                insurance,
                title,
                agency,
                date.toString(),
                null,
                securityLevel(step, insurance, person),
                person,
                new Submission.Employer(employer.creditCode(), employer.name()),
                handler,
                agency,
                date + "T"
                        + "%02d:%02d:00+08:00"
                                .formatted(
                                        9 + ids.random().nextInt(8),
                                        ids.random().nextInt(60)),
                materials.stream().map(Submission.Material::new).toList());
        var pages = new ArrayList<DemoRecord.Page>();
        for (String m : materials) {
            var fields = new LinkedHashMap<String, String>();
            if (person != null) {
                fields.put("姓名", person.name());
                fields.put("公民身份号码", person.certNo());
            }
            fields.put("单位名称", employer.name());
            fields.put("统一社会信用代码", employer.creditCode());
            fields.putAll(extra);
            fields.put("业务受理号", acceptance);
            fields.put("经办人", handler);
            fields.put("经办日期", date.toString());
            boolean pdf =
                    m.equals("YL04") || m.equals("GS02") || m.equals("SY03") || m.equals("JH03") || m.equals("ZJ02");
            pages.add(
                    new DemoRecord.Page(m, MATERIAL_NAMES.getOrDefault(m, m), fields, pdf, !m.equals("RY02"), agency));
        }
        return new DemoRecord(submission, pages);
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
