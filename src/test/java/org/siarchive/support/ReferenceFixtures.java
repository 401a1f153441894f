package org.siarchive.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.siarchive.quality.CitizenIdNumber;

/**
 * Reference files as other departments really send them, written independently of the importer (issue 17,
 * "your own fixtures flatter you"): a 公安 户籍注销 export in GBK with CRLF, quoted fields holding commas and line
 * breaks, padded cells, a legacy 15-digit number and a number typed in full-width digits; a 民政 火化 list in
 * UTF-8 with a byte-order mark and slashed dates; a 卫健 死亡登记 file with columns nobody asked for; a list whose
 * lines mix UTF-8 and GBK; and a benefit snapshot as hand-written OOXML ({@link RawXlsx}). Each fixture says what
 * an importer must make of it: data rows, rows loaded, rows rejected and the ID numbers (normalised) loaded.
 * Hostile files are in {@link HostileReferenceFiles}.
 */
public final class ReferenceFixtures {

    /** A person in a list: a valid 18-digit ID number, a name, birth date and sex. */
    public record Person(String certNo, String name, LocalDate birth, boolean male) {

        /** What a masked name starts with (张* / 欧阳**: the first character is kept). */
        public String firstChar() {
            return name.substring(0, 1);
        }
    }

    /** A file to import and what must come of it. */
    public record Fixture(
            String fileName,
            String contentType,
            String kind,
            String source,
            String title,
            LocalDate asOf,
            byte[] bytes,
            int dataRows,
            int loaded,
            int rejected,
            List<String> loadedCertNos) {}

    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final Charset GBK = Charset.forName("GBK");

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐";
    private static final List<String> DOUBLE_SURNAMES = List.of("欧阳", "司马", "诸葛");
    private static final String GIVEN = "伟芳秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志海燕红梅玉德光辉晓东雪春花";
    private static final String[] COUNTIES = {"510104", "510105", "510106", "510107", "510108", "511302"};

    private final Random random;

    /** Fixtures from a seed: the same seed gives the same bytes, another seed other persons. */
    public ReferenceFixtures(long seed) {
        this.random = new Random(seed);
    }

    /** {@code n} persons born 1935–1965 with valid, distinct ID numbers. */
    public List<Person> persons(int n) {
        var out = new ArrayList<Person>();
        var seen = new java.util.HashSet<String>();
        while (out.size() < n) {
            var birth = LocalDate.of(1935, 1, 1).plusDays(random.nextInt(30 * 365));
            boolean male = random.nextBoolean();
            String id = citizenId(COUNTIES[random.nextInt(COUNTIES.length)], birth, male);
            if (seen.add(id)) {
                out.add(new Person(id, name(), birth, male));
            }
        }
        return out;
    }

    /** A valid 18-digit number for the county, birth date and sex. */
    public String citizenId(String county, LocalDate birth, boolean male) {
        int seq = random.nextInt(499) * 2 + (male ? 1 : 2);
        String first17 = county + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(seq);
        return first17 + CitizenIdNumber.checkChar(first17);
    }

    private String name() {
        var sb = new StringBuilder();
        if (random.nextInt(8) == 0) {
            sb.append(DOUBLE_SURNAMES.get(random.nextInt(DOUBLE_SURNAMES.size())));
        } else {
            sb.append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        }
        for (int i = 0; i < 1 + random.nextInt(2); i++) {
            sb.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return sb.toString();
    }

    /**
     * 公安 户籍注销 (death cancellations), as the public-security population system exports them: GBK, CRLF, a
     * 序号 column, 身份证号码 as the ID header, yyyyMMdd dates, 注销日期 next to 死亡日期, a quoted 户籍地址 holding a
     * comma and a line break, cells padded with blanks, a legacy 15-digit number (born 1950, upgraded by the
     * importer), one number in full-width digits (folded), one with a wrong check character (rejected), and
     * blank lines at the end (skipped, not rejected).
     */
    public Fixture gonganCancellations(List<Person> deceased, LocalDate deathDay) {
        var lines = new ArrayList<String>();
        lines.add("序号,身份证号码,姓名,性别,出生日期,死亡日期,注销日期,注销原因,户籍地址,派出所名称");
        var loaded = new ArrayList<String>();
        int n = 0;
        for (var p : deceased) {
            lines.add(csv(
                    ++n + "",
                    "  " + p.certNo() + " ",
                    p.name() + " ",
                    p.male() ? "男" : "女",
                    p.birth().format(DateTimeFormatter.BASIC_ISO_DATE),
                    deathDay.format(DateTimeFormatter.BASIC_ISO_DATE),
                    deathDay.plusDays(3).format(DateTimeFormatter.BASIC_ISO_DATE),
                    "死亡",
                    "四川省成都市锦江区春熙路" + n + "号,3栋\r\n2单元" + n + "室",
                    "春熙路派出所"));
            loaded.add(p.certNo());
        }
        var legacyBirth = LocalDate.of(1950, 3, 7);
        String legacy15 = "510104500307" + "%03d".formatted(random.nextInt(499) * 2 + 1);
        lines.add(csv(++n + "", legacy15, "刘老", "男", "19500307", dd(deathDay), dd(deathDay), "死亡", "锦江区", "督院街派出所"));
        loaded.add(CitizenIdNumber.normalize(legacy15));
        String wide = citizenId("510105", legacyBirth.plusYears(5), false);
        lines.add(csv(++n + "", fullWidth(wide), "陈全角", "女", "19550307", dd(deathDay), dd(deathDay), "死亡", "青羊区", ""));
        loaded.add(wide);
        String bad = broken(citizenId("510106", legacyBirth.plusYears(2), true));
        lines.add(csv(++n + "", bad, "王校验", "男", "19520307", dd(deathDay), dd(deathDay), "死亡", "金牛区", ""));
        byte[] bytes = (String.join("\r\n", lines) + "\r\n\r\n\r\n").getBytes(GBK);
        return new Fixture(
                "公安户籍注销人员" + dd(deathDay) + ".csv",
                CSV,
                "DEATH",
                "GA",
                "公安户籍注销（死亡）名单",
                deathDay.plusDays(5),
                bytes,
                n,
                n - 1,
                1,
                List.copyOf(loaded));
    }

    /**
     * 民政 火化 list (cremations) as a spreadsheet program saves "CSV UTF-8": a byte-order mark, LF, 证件号码 as the ID
     * header, dates as yyyy/M/d, an age column, and one impossible date (2月30日, rejected).
     */
    public Fixture minzhengCremations(List<Person> deceased, LocalDate deathDay) {
        var sb = new StringBuilder("\uFEFF姓名,证件号码,性别,年龄,死亡日期,火化日期,殡仪馆\n");
        var loaded = new ArrayList<String>();
        for (var p : deceased) {
            sb.append(csv(
                            p.name(),
                            p.certNo(),
                            p.male() ? "男" : "女",
                            Integer.toString(deathDay.getYear() - p.birth().getYear()),
                            slashed(deathDay),
                            slashed(deathDay.plusDays(2)),
                            "成都市殡仪馆"))
                    .append('\n');
            loaded.add(p.certNo());
        }
        var extra = persons(1).get(0);
        sb.append(csv(extra.name(), extra.certNo(), "男", "80", "2025/2/30", "2025/3/2", "成都市殡仪馆"))
                .append('\n');
        return new Fixture(
                "民政火化名单.csv",
                CSV,
                "DEATH",
                "MZ",
                "民政火化人员名单",
                deathDay.plusDays(7),
                sb.toString().getBytes(StandardCharsets.UTF_8),
                deceased.size() + 1,
                deceased.size(),
                1,
                List.copyOf(loaded));
    }

    /**
     * 卫健 死亡医学证明 registrations: UTF-8 without a mark, CRLF, the standard headers plus columns the importer
     * does not know (死亡原因, 根本死因ICD10, 医疗机构名称, 备注) that it must ignore, not refuse.
     */
    public Fixture weijianRegistrations(List<Person> deceased, LocalDate deathDay) {
        var sb = new StringBuilder("公民身份号码,姓名,性别,死亡日期,死亡原因,根本死因ICD10,死亡地点,医疗机构名称,填报日期,备注\r\n");
        for (var p : deceased) {
            sb.append(csv(
                            p.certNo(),
                            p.name(),
                            p.male() ? "男" : "女",
                            deathDay.toString(),
                            "心力衰竭",
                            "I50.9",
                            "医疗卫生机构",
                            "四川大学华西医院",
                            deathDay.plusDays(1).toString(),
                            "备注，含逗号"))
                    .append("\r\n");
        }
        return new Fixture(
                "卫健死亡登记.csv",
                CSV,
                "DEATH",
                "WJ",
                "卫健死亡医学证明登记",
                deathDay.plusDays(3),
                sb.toString().getBytes(StandardCharsets.UTF_8),
                deceased.size(),
                deceased.size(),
                0,
                deceased.stream().map(Person::certNo).toList());
    }

    /**
     * A list put together from two sources: the header and odd lines in UTF-8, even lines in GBK — each line must
     * be decoded on its own (the masked names keep their first character, which shows the decoding).
     */
    public Fixture mixedEncodings(List<Person> deceased, LocalDate deathDay) {
        var out = new ByteArrayOutputStream();
        out.writeBytes("公民身份号码,姓名,死亡日期\n".getBytes(StandardCharsets.UTF_8));
        int i = 0;
        for (var p : deceased) {
            String line = csv(p.certNo(), p.name(), deathDay.toString()) + "\n";
            out.writeBytes(line.getBytes(i++ % 2 == 0 ? StandardCharsets.UTF_8 : GBK));
        }
        return new Fixture(
                "合并名单.csv",
                CSV,
                "DEATH",
                "GA",
                "两地合并死亡名单",
                deathDay.plusDays(3),
                out.toByteArray(),
                deceased.size(),
                deceased.size(),
                0,
                deceased.stream().map(Person::certNo).toList());
    }

    /**
     * A 养老待遇 snapshot (BENEFIT) from the business system as hand-written OOXML: headers and names shared
     * strings, ID numbers inline strings, dates serial numbers with a date style, amounts plain numbers, scheme
     * 110, every recipient paid monthly since retirement up to {@code lastPaid}.
     */
    public Fixture benefitSnapshotXlsx(List<Person> recipients, LocalDate lastPaid, String agencyCode) {
        var x = new RawXlsx()
                .row(
                        new RawXlsx.Shared("公民身份号码"),
                        new RawXlsx.Shared("姓名"),
                        new RawXlsx.Shared("险种类型"),
                        new RawXlsx.Shared("待遇开始日期"),
                        new RawXlsx.Shared("月待遇金额"),
                        new RawXlsx.Shared("待遇状态"),
                        new RawXlsx.Shared("最后发放月份"),
                        new RawXlsx.Shared("经办机构"));
        for (var p : recipients) {
            x.row(
                    new RawXlsx.Inline(p.certNo()),
                    new RawXlsx.Shared(p.name()),
                    new RawXlsx.Shared("110"),
                    p.birth().plusYears(p.male() ? 60 : 50).withDayOfMonth(1),
                    new java.math.BigDecimal(2000 + random.nextInt(3000) + ".50"),
                    new RawXlsx.Shared("正常"),
                    lastPaid.withDayOfMonth(1),
                    new RawXlsx.Shared(agencyCode));
        }
        return new Fixture(
                "养老待遇发放名册.xlsx",
                XLSX,
                "BENEFIT",
                "RS",
                "养老保险待遇发放名册",
                lastPaid,
                x.bytes(),
                recipients.size(),
                recipients.size(),
                0,
                recipients.stream().map(Person::certNo).toList());
    }

    /** One CSV line: fields quoted when they hold a comma, quote or line break (quotes doubled). */
    public static String csv(String... fields) {
        var sb = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            String f = fields[i];
            if (i > 0) {
                sb.append(',');
            }
            if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        return sb.toString();
    }

    /** Digits as a Chinese input method types them in full width (０–９, Ｘ). */
    public static String fullWidth(String s) {
        var sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c == 'X' ? 'Ｘ' : c);
        }
        return sb.toString();
    }

    /** The number with its check character changed, so only the checksum is wrong. */
    public static String broken(String id18) {
        char check = id18.charAt(17);
        return id18.substring(0, 17) + (check == '1' ? '2' : '1');
    }

    private static String dd(LocalDate d) {
        return d.format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    private static String slashed(LocalDate d) {
        return d.getYear() + "/" + d.getMonthValue() + "/" + d.getDayOfMonth();
    }
}
