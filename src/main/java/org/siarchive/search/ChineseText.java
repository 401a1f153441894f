package org.siarchive.search;

import com.hankcs.hanlp.HanLP;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Chinese text helpers for the index: traditional characters folded to simplified (so 養老 finds 养老,
 * on both the indexed and the query side), and names as full pinyin and initials without tones (王晓明 →
 * "wangxiaoming", "wxm"). HanLP's dictionaries load on first use.
 */
final class ChineseText {

    /** HanLP's traditional → simplified dictionary (one "key=value" per line), read from its jar. */
    static final String T2S = "data/dictionary/tc/t2s.txt";

    private ChineseText() {}

    /**
     * The text with traditional characters folded to simplified. HanLP replaces the longest dictionary key found at
     * each position by its value and copies every other character. A key whose value is itself changes nothing, and
     * a key that changes something can only be found in a text holding all of its characters. So a text holding no
     * <em>witness</em> (one character of each changing key, chosen where key and value differ) comes back unchanged:
     * such a text (most recognised text is simplified already) is returned without running the dictionary's
     * automaton over it, which cost about a tenth of indexing an item.
     */
    static String fold(@Nullable String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        return mayChange(s) ? HanLP.convertToSimplifiedChinese(s) : s;
    }

    /** Whether the text holds a witness of a changing key (if not, folding leaves it as it is). */
    static boolean mayChange(String s) {
        BitSet starts = Witnesses.CHARS;
        for (int i = 0, n = s.length(); i < n; i++) {
            if (starts.get(s.charAt(i))) {
                return true;
            }
        }
        return false;
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

    /** One UTF-16 unit of every key of {@link #T2S} whose value differs from it, loaded once. */
    static final class Witnesses {

        static final BitSet CHARS = load();

        private Witnesses() {}

        private static BitSet load() {
            var starts = new BitSet(Character.MAX_VALUE + 1);
            var in = ChineseText.class.getClassLoader().getResourceAsStream(T2S);
            if (in == null) {
                throw new IllegalStateException("HanLP's dictionary " + T2S + " is not on the class path");
            }
            try (var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        String key = line.substring(0, eq);
                        String value = line.substring(eq + 1);
                        if (!key.equals(value)) {
                            starts.set(key.charAt(witness(key, value)));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return starts;
        }

        /** Where key and value first differ (a traditional character), or the key's first unit if they differ in length. */
        private static int witness(String key, String value) {
            if (key.length() == value.length()) {
                for (int i = 0; i < key.length(); i++) {
                    if (key.charAt(i) != value.charAt(i)) {
                        return i;
                    }
                }
            }
            return 0;
        }
    }
}
