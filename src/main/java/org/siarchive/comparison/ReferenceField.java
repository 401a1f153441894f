package org.siarchive.comparison;

import java.util.List;
import java.util.Locale;

/**
 * The columns of a reference file, each stored in one column of {@code reference_row} (docs/reference-data.md):
 * the header people write in Chinese and the aliases accepted for it (the business system's AAxxx field codes
 * and the usual variants).
 */
enum ReferenceField {
    CERT_NO("公民身份号码", "身份证号码", "身份证号", "证件号码", "社会保障号码", "社保号", "AAC002"),
    NAME("姓名", "AAC003"),
    BIRTH_DATE("出生日期", "AAC006"),
    GENDER("性别", "AAC004"),
    SCHEME("险种", "险种类型", "AAE140"),
    SUBTYPE("类别", "数据类别", "死亡信息来源", "救助类别"),
    STATUS("状态", "待遇状态", "参保状态", "人员状态"),
    START_DATE("开始日期", "待遇开始日期", "参保日期", "开始时间", "享受开始日期", "AAE030"),
    END_DATE("终止日期", "结束日期", "刑满日期", "释放日期", "AAE031"),
    EVENT_DATE(
            "事件日期", "死亡日期", "火化日期", "注销日期", "服刑开始日期", "判决执行日期", "收监日期", "出境定居日期", "出境日期", "定居日期", "缴费月份", "费款所属期",
            "AAE002"),
    LAST_PAID("末次发放月份", "最后发放月份", "发放至", "末次发放年月"),
    AMOUNT("金额", "月待遇金额", "月发放金额", "缴费基数", "月救助金额", "AAE180"),
    REGION_CODE("统筹区", "统筹区编码", "行政区划代码", "AAB301"),
    AGENCY_CODE("经办机构", "经办机构编码", "AAB034"),
    SOURCE_REF("记录编号", "原始编号", "业务流水号");

    private final List<String> names;

    ReferenceField(String... names) {
        this.names = List.of(names);
    }

    /** The header written in templates when the kind names it no more precisely. */
    String header() {
        return names.get(0);
    }

    List<String> names() {
        return names;
    }

    /** The field a header names, if any: trimmed, spaces and a BOM ignored, AAxxx codes in any case. */
    static java.util.Optional<ReferenceField> of(String header) {
        String h = normalise(header);
        for (var f : values()) {
            for (String n : f.names) {
                if (n.equals(h)) {
                    return java.util.Optional.of(f);
                }
            }
        }
        return java.util.Optional.empty();
    }

    static String normalise(String header) {
        return header.replace("\uFEFF", "")
                .replace(" ", "")
                .replace("\u3000", "")
                .strip()
                .toUpperCase(Locale.ROOT);
    }
}
