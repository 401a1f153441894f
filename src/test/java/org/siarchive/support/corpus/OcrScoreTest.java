package org.siarchive.support.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OcrScoreTest {

    static final List<String> SEGMENTS = List.of("社会保险登记表", "姓名", "王秀英", "公民身份号码", "51010519790815201X");

    static int total() {
        return SEGMENTS.stream().mapToInt(String::length).sum();
    }

    @Test
    void perfectTextInAnyBlockOrderScoresOne() {
        var random = new Random(3);
        for (int i = 0; i < 5; i++) {
            var shuffled = new ArrayList<>(SEGMENTS);
            Collections.shuffle(shuffled, random);
            String ocr = String.join(random.nextBoolean() ? "\n" : " ", shuffled);
            assertThat(OcrScore.accuracy(SEGMENTS, ocr)).as(ocr).isEqualTo(1.0);
        }
    }

    @Test
    void spacesBetweenCharactersAndFullWidthFormsDoNotCount() {
        var segs = List.of("姓名：王秀英", "ABC123");
        assertThat(OcrScore.accuracy(segs, "姓 名 : 王 秀 英\nＡＢＣ１２３")).isEqualTo(1.0);
    }

    @Test
    void oneWrongCharacterCostsOneOverTheTotal() {
        String ocr = String.join("\n", SEGMENTS).replace("秀", "透");
        assertThat(OcrScore.accuracy(SEGMENTS, ocr)).isCloseTo(1 - 1.0 / total(), within(1e-9));
    }

    @Test
    void aMissingSegmentCostsItsLength() {
        String ocr = String.join("\n", SEGMENTS.subList(0, 4));
        assertThat(OcrScore.accuracy(SEGMENTS, ocr)).isCloseTo(1 - 18.0 / total(), within(1e-9));
    }

    @Test
    void garbageAppendedLowersTheScoreByItsLength() {
        String perfect = String.join("\n", SEGMENTS);
        assertThat(OcrScore.accuracy(SEGMENTS, perfect + "\n|||一丨")).isCloseTo(1 - 5.0 / total(), within(1e-9));
        assertThat(OcrScore.accuracy(SEGMENTS, perfect + "\n|||一丨"))
                .isLessThan(OcrScore.accuracy(SEGMENTS, perfect + "\n丨"));
    }

    @Test
    void aRepeatedCellCannotBeMatchedTwiceInOnePlace() {
        var segs = List.of("男", "男", "序号");
        assertThat(OcrScore.accuracy(segs, "序号 男")).isCloseTo(1 - 1.0 / 4, within(1e-9));
        assertThat(OcrScore.accuracy(segs, "男 序号 男")).isEqualTo(1.0);
    }

    @Test
    void unrelatedTextScoresZero() {
        assertThat(OcrScore.accuracy(SEGMENTS, "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnop"))
                .isEqualTo(0.0);
        assertThat(OcrScore.accuracy(SEGMENTS, "")).isEqualTo(0.0);
    }
}
