package org.siarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.hankcs.hanlp.HanLP;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fold's shortcut (a text holding no witness of a changing dictionary key is returned as it is) gives exactly what
 * HanLP's conversion gives: for every single character of the basic plane, for every key of the dictionary inside
 * other text, and for random mixed text; and the shortcut is taken for plain simplified text.
 */
class ChineseTextFoldTest {

    @Test
    void everyCharacterHanLpChangesIsOneTheShortcutSends() {
        int changed = 0;
        for (int c = 1; c <= Character.MAX_VALUE; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            String s = String.valueOf((char) c);
            if (!HanLP.convertToSimplifiedChinese(s).equals(s)) {
                changed++;
                assertThat(ChineseText.mayChange(s)).as("U+%04X", c).isTrue();
            }
            assertThat(ChineseText.fold(s)).as("U+%04X", c).isEqualTo(HanLP.convertToSimplifiedChinese(s));
        }
        assertThat(changed).as("characters HanLP folds").isGreaterThan(2_000);
    }

    @Test
    void everyKeyInsideOtherTextFoldsAsHanLpFoldsIt() throws Exception {
        for (String key : keys()) {
            for (String text : new String[] {key, "养老" + key + "待遇", "ID " + key + "1"}) {
                assertThat(ChineseText.fold(text)).as(text).isEqualTo(HanLP.convertToSimplifiedChinese(text));
            }
        }
    }

    @Test
    void randomTextFoldsAsHanLpFoldsIt() throws Exception {
        var keys = keys();
        var random = new Random(20_201);
        String plain = "社会保险养老待遇核定表公民身份号码单位名称缴费基数，。：（）0123456789ABCabc \n";
        for (int round = 0; round < 5_000; round++) {
            var text = new StringBuilder();
            int parts = 1 + random.nextInt(12);
            for (int p = 0; p < parts; p++) {
                int kind = random.nextInt(10);
                if (kind == 0) {
                    text.append(keys.get(random.nextInt(keys.size())));
                } else if (kind == 1) {
                    text.append((char) (0x3400 + random.nextInt(0x9FFF - 0x3400)));
                } else {
                    text.append(plain.charAt(random.nextInt(plain.length())));
                }
            }
            String s = text.toString();
            assertThat(ChineseText.fold(s)).as(s).isEqualTo(HanLP.convertToSimplifiedChinese(s));
        }
    }

    @Test
    void plainSimplifiedTextTakesTheShortcut() {
        String text = "社会保险个人权益记录 养老保险待遇核定表 公民身份号码 110105194912310021 单位名称 某某有限公司";
        assertThat(ChineseText.mayChange(text)).isFalse();
        assertThat(ChineseText.fold(text)).isSameAs(text);
        assertThat(ChineseText.mayChange("養老保險")).isTrue();
        assertThat(ChineseText.fold("養老保險待遇")).isEqualTo("养老保险待遇");
    }

    private static List<String> keys() throws Exception {
        var keys = new ArrayList<String>();
        var in = Objects.requireNonNull(ChineseText.class.getClassLoader().getResourceAsStream(ChineseText.T2S));
        try (var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    keys.add(line.substring(0, eq));
                }
            }
        }
        assertThat(keys).hasSizeGreaterThan(4_000);
        return keys;
    }
}
