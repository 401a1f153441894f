package org.siarchive.demo;

import java.util.Map;
import java.util.Set;

/** The materials (材料) the demo's business steps require: their names and how each is rendered. */
final class DemoMaterials {

    private DemoMaterials() {}

    private static final Map<String, String> NAMES = Map.ofEntries(
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

    /** Decisions and reports come as PDF; forms and copies are scanned pages. */
    private static final Set<String> PDF = Set.of("YL04", "GS02", "SY03", "JH03", "ZJ02");

    static String name(String code) {
        return NAMES.getOrDefault(code, code);
    }

    static boolean pdf(String code) {
        return PDF.contains(code);
    }
}
