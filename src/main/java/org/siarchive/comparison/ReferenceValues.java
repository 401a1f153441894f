package org.siarchive.comparison;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The value forms reference files use: dates as yyyy-MM-dd, yyyyMMdd, yyyy/M/d or yyyy.M.d (Excel date cells
 * arrive as yyyy-MM-dd from the sheet reader), months as yyyy-MM, yyyyMM or yyyy/M; amounts as plain decimals
 * with at most two places; codes in Chinese or as stored. Each parser returns null for a value it refuses.
 */
final class ReferenceValues {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000");

    static final Map<String, String> GENDERS = Map.of("1", "1", "男", "1", "M", "1", "2", "2", "女", "2", "F", "2");

    static final Map<String, String> STATUSES = Map.ofEntries(
            Map.entry("ACTIVE", "ACTIVE"),
            Map.entry("正常", "ACTIVE"),
            Map.entry("在发", "ACTIVE"),
            Map.entry("参保缴费", "ACTIVE"),
            Map.entry("正常参保", "ACTIVE"),
            Map.entry("1", "ACTIVE"),
            Map.entry("SUSPENDED", "SUSPENDED"),
            Map.entry("暂停", "SUSPENDED"),
            Map.entry("暂停发放", "SUSPENDED"),
            Map.entry("中断", "SUSPENDED"),
            Map.entry("2", "SUSPENDED"),
            Map.entry("ENDED", "ENDED"),
            Map.entry("终止", "ENDED"),
            Map.entry("停发", "ENDED"),
            Map.entry("3", "ENDED"));

    static final Map<String, String> SUBTYPES = Map.ofEntries(
            Map.entry("CREMATION", "CREMATION"),
            Map.entry("火化", "CREMATION"),
            Map.entry("CANCELLATION", "CANCELLATION"),
            Map.entry("户籍注销", "CANCELLATION"),
            Map.entry("注销", "CANCELLATION"),
            Map.entry("REGISTRATION", "REGISTRATION"),
            Map.entry("死亡登记", "REGISTRATION"),
            Map.entry("死亡医学证明", "REGISTRATION"),
            Map.entry("DIBAO", "DIBAO"),
            Map.entry("低保", "DIBAO"),
            Map.entry("最低生活保障", "DIBAO"),
            Map.entry("TEKUN", "TEKUN"),
            Map.entry("特困", "TEKUN"),
            Map.entry("特困供养", "TEKUN"),
            Map.entry("LAND", "LAND"),
            Map.entry("被征地农民", "LAND"),
            Map.entry("失地农民", "LAND"),
            Map.entry("PRISON", "PRISON"),
            Map.entry("监禁", "PRISON"),
            Map.entry("有期徒刑", "PRISON"),
            Map.entry("PROBATION", "PROBATION"),
            Map.entry("缓刑", "PROBATION"),
            Map.entry("SETTLEMENT", "SETTLEMENT"),
            Map.entry("出国定居", "SETTLEMENT"),
            Map.entry("定居", "SETTLEMENT"));

    private ReferenceValues() {}

    static @Nullable LocalDate date(String v) {
        String s = v.strip();
        try {
            if (s.length() == 8 && digits(s)) {
                return LocalDate.of(num(s, 0, 4), num(s, 4, 6), num(s, 6, 8));
            }
            String[] p = parts(s);
            if (p.length == 3 && p[0].length() == 4 && short2(p[1]) && short2(p[2])) {
                return LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** A month as its first day; a full date is accepted and taken to its month. */
    static @Nullable LocalDate month(String v) {
        String s = v.strip();
        try {
            if (s.length() == 6 && digits(s)) {
                return LocalDate.of(num(s, 0, 4), num(s, 4, 6), 1);
            }
            String[] p = parts(s);
            if (p.length == 2 && p[0].length() == 4 && short2(p[1])) {
                return LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), 1);
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        LocalDate d = date(s);
        return d == null ? null : d.withDayOfMonth(1);
    }

    /** A non-negative amount below {@link #MAX_AMOUNT} with at most two decimal places. */
    static @Nullable BigDecimal amount(String v) {
        String s = v.strip().replace(",", "");
        if (s.isEmpty() || s.length() > 20 || !plainDecimal(s)) {
            return null;
        }
        var a = new BigDecimal(s);
        return a.compareTo(MAX_AMOUNT) >= 0 ? null : a;
    }

    /** Digits, optionally a point and one or two digits (the pattern {@code \d+(\.\d{1,2})?}, uncompiled). */
    private static boolean plainDecimal(String s) {
        int point = s.indexOf('.');
        int whole = point < 0 ? s.length() : point;
        if (whole == 0 || !digits(s.substring(0, whole))) {
            return false;
        }
        if (point < 0) {
            return true;
        }
        int places = s.length() - point - 1;
        return places >= 1 && places <= 2 && digits(s.substring(point + 1));
    }

    static @Nullable String code(Map<String, String> codes, String v) {
        return codes.get(v.strip().toUpperCase(Locale.ROOT));
    }

    /** Splits on '-', '/' or '.' without a regular expression (called for every date of millions of rows). */
    private static String[] parts(String s) {
        var out = new java.util.ArrayList<String>(3);
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-' || c == '/' || c == '.') {
                out.add(s.substring(from, i));
                from = i + 1;
            }
        }
        out.add(s.substring(from));
        return out.toArray(String[]::new);
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean short2(String s) {
        return !s.isEmpty() && s.length() <= 2 && digits(s);
    }

    private static int num(String s, int from, int to) {
        return Integer.parseInt(s.substring(from, to));
    }
}
