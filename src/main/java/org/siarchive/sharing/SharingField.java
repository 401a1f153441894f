package org.siarchive.sharing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The answer fields a client may be allowed, each with its minimal answer. No field gives a name, an
 * address, an amount or a document: {@link #NAME_MATCHES} says whether the given name matches, and
 * {@link #ARCHIVE_ITEMS} is a masked extract (count, business step names and years).
 */
public enum SharingField {
    /** 是否参保: yes/no. */
    ENROLLED,
    /** 参保险种: scheme codes and names. */
    ENROLMENT_SCHEMES,
    /** 参保起始年月: the earliest active enrolment's year-month. */
    ENROLLED_SINCE,
    /** 是否领取待遇: yes/no. */
    RECEIVING,
    /** 待遇险种: scheme codes and names. */
    BENEFIT_SCHEMES,
    /** 待遇起始年月. */
    BENEFIT_SINCE,
    /** 最近发放年月. */
    LAST_PAID_MONTH,
    /** 姓名是否一致: never the name itself. */
    NAME_MATCHES,
    /** 档案摘要: count, business step names and years; no titles, no content. */
    ARCHIVE_ITEMS;

    public static Optional<SharingField> parse(String code) {
        return Arrays.stream(values()).filter(f -> f.name().equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }

    public String labelKey() {
        return "sharing.field." + name();
    }
}
