package org.siarchive.digitisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.siarchive.quality.CitizenIdNumber;
import org.siarchive.quality.CreditCode;

/**
 * Fields read from word boxes (docs/adr/0059) on synthetic OCR results: the words come in shuffled order,
 * labels split into several words or with a misread character, values right of the label or in the cell
 * below, and values that fail their check are not suggested.
 */
class LabelledFieldsTest {

    static final LocalDate TODAY = LocalDate.of(2025, 3, 1);

    static final String ID = id("51010519790815231");
    static final String CREDIT = credit("MA612345");

    static String id(String first17) {
        return first17 + CitizenIdNumber.checkChar(first17);
    }

    static String credit(String body8) {
        String first17 = "91510100" + body8 + CreditCode.organisationCheckChar(body8);
        return first17 + CreditCode.checkChar(first17);
    }

    /** A word at (x, y): Chinese characters 40 px wide, others 20, all 40 px high (a large title 80). */
    static OcrEngine.Word w(String text, int x, int y) {
        int size = text.length() > 0 && y < 100 ? 80 : 40;
        int width = text.codePoints()
                .map(c -> Character.isIdeographic(c) ? size : size / 2)
                .sum();
        return new OcrEngine.Word(text, 90, x, y, width, size);
    }

    static OcrEngine.Result page(long seed, OcrEngine.Word... words) {
        var list = new ArrayList<>(List.of(words));
        Collections.shuffle(list, new Random(seed));
        return new OcrEngine.Result("", 90, list);
    }

    static Extraction.Fields read(OcrEngine.Result r) {
        return Extraction.fields(r, FormTemplates.standard(), TODAY);
    }

    @Test
    void aKeyValueFormReadInShuffledOrder() {
        for (long seed = 1; seed <= 5; seed++) {
            var f = read(page(
                    seed,
                    w("社会保险参保人员增员表", 200, 40),
                    w("姓名：王秀英", 100, 200),
                    w("性别：女", 420, 203),
                    w("公民身份号码：", 100, 260),
                    w(ID, 400, 262),
                    w("统一社会信用代码：", 100, 320),
                    w(CREDIT, 480, 318),
                    w("参保日期：", 100, 380),
                    w("2024年5月10日", 300, 381),
                    w("出生日期：1979年8月15日", 900, 380)));
            assertThat(f.idNumbers()).containsExactly(ID);
            assertThat(f.creditCodes()).containsExactly(CREDIT);
            assertThat(f.names()).containsExactly("王秀英");
            assertThat(f.dates()).as("出生日期 is not the form's date").containsExactly("2024-05-10");
            assertThat(f.title())
                    .as("the material's name, not the printed line")
                    .isEqualTo("参保人员增员表");
        }
    }

    @Test
    void labelsSplitIntoWordsOrWithAMisreadCharacterAreFound() {
        var f = read(page(
                7,
                w("公民", 100, 200),
                w("身分", 190, 201),
                w("号码", 280, 199),
                w(":", 370, 205),
                w(ID.substring(0, 6), 400, 200),
                w(ID.substring(6), 530, 200),
                w("统一社会", 100, 300),
                w("信用代玛", 270, 300),
                w(CREDIT, 450, 300),
                w("姓", 100, 400),
                w("名", 160, 400),
                w("李", 300, 400),
                w("建国", 340, 400)));
        assertThat(f.idNumbers()).containsExactly(ID);
        assertThat(f.creditCodes()).containsExactly(CREDIT);
        assertThat(f.names()).containsExactly("李建国");
    }

    @Test
    void aValueInTheCellBelowItsLabel() {
        var f = read(page(
                3,
                w("参保人员减员表", 300, 30),
                w("姓名", 100, 200),
                w("公民身份号码", 400, 200),
                w("减员日期", 1000, 200),
                w("赵丽", 110, 280),
                w(ID, 360, 282),
                w("2024.05.10", 990, 281),
                w("经办人：", 100, 400),
                w("附：参保人员增员表一份", 100, 480)));
        assertThat(f.names()).containsExactly("赵丽");
        assertThat(f.idNumbers()).containsExactly(ID);
        assertThat(f.dates()).containsExactly("2024-05-10");
        assertThat(f.title())
                .as("the large title at the top, not the mention below")
                .isEqualTo("参保人员减员表");
    }

    @Test
    void valuesFailingTheirCheckAreNotSuggested() {
        String wrong = ID.substring(0, 17) + (ID.charAt(17) == '1' ? '2' : '1');
        var f = read(page(
                1,
                w("姓名：", 100, 200),
                w("性别：男", 400, 200),
                w("公民身份号码：" + wrong, 100, 260),
                w("统一社会信用代码：" + CREDIT.substring(0, 17) + (CREDIT.charAt(17) == 'A' ? 'B' : 'A'), 100, 320),
                w("填表日期：1899年5月10日", 100, 380)));
        assertThat(f.idNumbers()).isEmpty();
        assertThat(f.creditCodes()).isEmpty();
        assertThat(f.names())
                .as("an empty name cell is not read as the next label")
                .isEmpty();
        assertThat(f.dates()).as("an implausible date under a date label").isEmpty();
        var r = LabelledFields.read(
                WordLines.of(List.of(w("姓名：张三丰李四", 100, 200), w("身份证号码：1234", 100, 300))),
                FormTemplates.standard().generic(),
                FormTemplates.standard(),
                TODAY);
        assertThat(r.values()).isEmpty();
        assertThat(r.rejected()).containsExactlyInAnyOrder("name", "idNumber");
    }

    @Test
    void digitConfusionsAreRepairedOnlyWhenTheChecksumThenHolds() {
        String misread = ID.replace('0', 'O').replace('1', 'l').replace('5', 'S');
        var f = read(page(2, w("身份证号码：" + misread, 100, 200)));
        assertThat(f.idNumbers()).containsExactly(ID);
        String misreadCredit = CREDIT.replace('0', 'O').replace('1', 'I');
        assertThat(read(page(2, w("单位代码：" + misreadCredit, 100, 200))).creditCodes())
                .containsExactly(CREDIT);
        String wrong = ID.substring(0, 17) + (ID.charAt(17) == '1' ? '2' : '1');
        String misreadWrong = wrong.replace('0', 'O');
        assertThat(read(page(2, w("身份证号码：" + misreadWrong, 100, 200))).idNumbers())
                .as("repairing must not make a wrong number pass")
                .isEmpty();
        assertThat(FieldValues.idNumber("B" + ID.substring(1)))
                .as("no repair without need")
                .isEmpty();
    }

    @Test
    void datesInTheUsualPrintedForms() {
        for (String d : List.of("2024年5月10日", "2024-05-10", "2024.05.10", "2024/5/10", "二〇二四年五月十日")) {
            assertThat(FieldValues.date(d, TODAY)).as(d).contains("2024-05-10");
        }
        assertThat(FieldValues.date("二〇二四年十二月三十一日", TODAY)).contains("2024-12-31");
        assertThat(FieldValues.date("2026年5月10日", TODAY))
                .as("more than a year ahead")
                .isEmpty();
        assertThat(FieldValues.date("2024年2月30日", TODAY)).isEmpty();
    }

    @Test
    void namesAreTwoToFourCharactersAndNoLabel() {
        var labels = FormTemplates.standard().allLabelWords();
        assertThat(FieldValues.name("欧阳娜娜", labels)).contains("欧阳娜娜");
        assertThat(FieldValues.name("买买提·艾力", labels)).contains("买买提·艾力");
        assertThat(FieldValues.name("王", labels)).isEmpty();
        assertThat(FieldValues.name("性别", labels)).isEmpty();
        assertThat(FieldValues.name("经办人", labels)).isEmpty();
        assertThat(FieldValues.name("王秀英性别女", labels)).isEmpty();
    }
}
