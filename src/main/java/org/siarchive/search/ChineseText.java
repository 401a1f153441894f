package org.siarchive.search;

import com.hankcs.hanlp.HanLP;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Chinese text helpers for the index: traditional characters folded to simplified (so 養老 finds 养老,
 * on both the indexed and the query side), and names as full pinyin and initials without tones (王晓明 →
 * "wangxiaoming", "wxm"). HanLP's dictionaries load on first use.
 */
final class ChineseText {

    private ChineseText() {}

    static String fold(@Nullable String s) {
        return s == null || s.isEmpty() ? "" : HanLP.convertToSimplifiedChinese(s);
    }

    /** Full pinyin without tones or spaces, lower case (ü written v). */
    static String pinyin(String name) {
        return HanLP.convertToPinyinString(fold(name), "", false)
                .replace("none", "")
                .toLowerCase(Locale.ROOT);
    }

    /** The first letters of the pinyin syllables. */
    static String initials(String name) {
        return HanLP.convertToPinyinFirstCharString(fold(name), "", false).toLowerCase(Locale.ROOT);
    }

    /** Whether a query is plain Latin letters (a pinyin or initials query). */
    static boolean latinLetters(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    }
}
