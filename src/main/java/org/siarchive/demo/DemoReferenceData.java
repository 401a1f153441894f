package org.siarchive.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The demo's reference data for 数据比对 (issue 17): a 养老待遇 snapshot of every demo retiree (from their
 * 基本养老金核定 record: scheme 110, since the assessment, the assessed monthly amount, paid up to last month, the
 * county agency's unit code) and a 公安 death list in which three retirees of the demo's own counties died months
 * before their last payment (a comparison raises 死亡冒领 for each), one died after it (a near miss: no warning)
 * and one person who never drew a pension died (no warning). CSV in UTF-8 with the importer's Chinese headers.
 */
final class DemoReferenceData {

    /** The two files and what a comparison should make of them. */
    record Lists(byte[] benefits, byte[] deaths, LocalDate asOf, List<String> paidAfterDeath, int recipients) {}

    /** County code (first six digits of the ID number) → the demo unit that pays the pension. */
    static final Map<String, String> AGENCY = Map.of("510104", "CD-JJ", "510105", "CD-QY");

    static final String CITY = "CD";

    private record Retiree(String certNo, String name, LocalDate since, String amount, String agency) {}

    private DemoReferenceData() {}

    /** The lists for the demo {@code records}, as of {@code today}'s month. */
    static Lists of(List<DemoRecord> records, LocalDate today) {
        LocalDate lastPaid = YearMonth.from(today).minusMonths(1).atDay(1);
        var retirees = retirees(records);
        var benefits = new StringBuilder("公民身份号码,姓名,险种类型,待遇开始日期,月待遇金额,待遇状态,最后发放月份,经办机构\n");
        for (var r : retirees) {
            benefits.append(String.join(
                            ",",
                            r.certNo(),
                            r.name(),
                            "110",
                            r.since().toString(),
                            r.amount(),
                            "正常",
                            lastPaid.toString(),
                            r.agency()))
                    .append('\n');
        }
        var deaths = new StringBuilder("公民身份号码,姓名,死亡日期,注销日期\n");
        var own = retirees.stream()
                .filter(r -> !CITY.equals(r.agency()))
                .filter(r -> r.since().isBefore(lastPaid.minusMonths(6)))
                .toList();
        var paidAfterDeath = new ArrayList<String>();
        for (int i = 0; i < own.size() && i < 4; i++) {
            var r = own.get(i);
            // three died four to six months before the last payment; the fourth on the day after it
            LocalDate died = i < 3 ? lastPaid.minusMonths(4L + i).plusDays(9) : lastPaid.plusDays(1);
            deaths.append(String.join(
                            ",",
                            r.certNo(),
                            r.name(),
                            died.toString(),
                            died.plusDays(6).toString()))
                    .append('\n');
            if (i < 3) {
                paidAfterDeath.add(r.certNo());
            }
        }
        var stranger = strangerWhoDied(records, retirees);
        if (stranger != null) {
            deaths.append(String.join(
                            ",",
                            stranger[0],
                            stranger[1],
                            lastPaid.minusMonths(2).toString(),
                            lastPaid.minusMonths(2).plusDays(5).toString()))
                    .append('\n');
        }
        return new Lists(
                benefits.toString().getBytes(StandardCharsets.UTF_8),
                deaths.toString().getBytes(StandardCharsets.UTF_8),
                lastPaid.plusMonths(1),
                List.copyOf(paidAfterDeath),
                retirees.size());
    }

    /** Every person with a 基本养老金核定 (DYHD) record, in ID-number order. */
    private static List<Retiree> retirees(List<DemoRecord> records) {
        var byCert = new LinkedHashMap<String, Retiree>();
        for (var r : records) {
            var s = r.submission();
            var p = s.person();
            if (!"DYHD".equals(s.businessStep()) || p == null || p.certNo() == null || s.docDate() == null) {
                continue;
            }
            var fields = r.pages().get(0).fields();
            int amount = Integer.parseInt(fields.getOrDefault("基础养老金（元）", "0"))
                    + Integer.parseInt(fields.getOrDefault("个人账户养老金（元）", "0"));
            String agency = AGENCY.getOrDefault(p.certNo().substring(0, 6), CITY);
            byCert.putIfAbsent(
                    p.certNo(),
                    new Retiree(
                            p.certNo(),
                            String.valueOf(p.name()),
                            LocalDate.parse(s.docDate()).withDayOfMonth(1).plusMonths(1),
                            amount + ".00",
                            agency));
        }
        return byCert.values().stream()
                .sorted(Comparator.comparing(Retiree::certNo))
                .toList();
    }

    /** A demo person without a pension (ID number and name), or null when every person draws one. */
    private static String @Nullable [] strangerWhoDied(List<DemoRecord> records, List<Retiree> retirees) {
        var paid = retirees.stream().map(Retiree::certNo).toList();
        for (var r : records) {
            var p = r.submission().person();
            if (p != null && p.certNo() != null && !paid.contains(p.certNo())) {
                return new String[] {p.certNo(), String.valueOf(p.name())};
            }
        }
        return null;
    }
}
