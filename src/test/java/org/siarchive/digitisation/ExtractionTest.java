package org.siarchive.digitisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Field extraction from OCR-like text, and suggestions that learn from the archivists' confirmations. */
class ExtractionTest {

    static final List<Extraction.StepTerms> STEPS = List.of(
            new Extraction.StepTerms("GRCB", "个人参保登记", List.of("个人参保登记", "参保人员增员表", "居民身份证复印件")),
            new Extraction.StepTerms("GRJY", "参保人员减员", List.of("参保人员减员", "参保人员减员表")),
            new Extraction.StepTerms("DWDJ", "单位参保登记", List.of("单位参保登记", "社会保险登记表")));

    @Test
    void onlyChecksumValidNumbersAreTaken() {
        var f = Extraction.fields(
                "参保人员增员表\n姓名：张 三\n公民身份号码：1101 0519 4912 3100 2X\n另：110105194912310021（错号）\n2024年5月10日");
        assertThat(f.idNumbers()).containsExactly("11010519491231002X");
        assertThat(f.names()).containsExactly("张三");
        assertThat(f.dates()).containsExactly("2024-05-10");
        assertThat(f.title()).isEqualTo("参保人员增员表");
    }

    @Test
    void confirmationsTeachTheSuggestions() {
        String text = "增减员登记表\n姓名：李四\n参保人员减员表 附：参保人员增员表";
        var before = Extraction.suggest(text, STEPS, Map.of());
        assertThat(before.get(0).stepCode()).isEqualTo("GRJY");
        var after = Extraction.suggest(text, STEPS, Map.of("增减员登记表", Map.of("GRCB", 2)));
        assertThat(after.get(0).stepCode()).isEqualTo("GRCB");
        assertThat(after.get(0).confidence()).isGreaterThan(0.5);
        assertThat(Extraction.suggest("与社保无关的文字", STEPS, Map.of())).isEmpty();
    }

    @Test
    void theRecognisedFormWeighsOnTheStepEvenWhereTheTextMisreadsIt() {
        String text = "社会保险参保人员减贝表\n姓名：李四\n附：参保人员增员表";
        assertThat(Extraction.suggest(text, STEPS, Map.of()).get(0).stepCode()).isEqualTo("GRCB");
        var withForm = Extraction.suggest(text, "参保人员减员表", STEPS, Map.of());
        assertThat(withForm.get(0).stepCode()).isEqualTo("GRJY");
        var learnt = Extraction.suggest(text, "参保人员减员表", STEPS, Map.of("参保人员减员表", Map.of("GRCB", 3)));
        assertThat(learnt.get(0).stepCode())
                .as("confirmations are counted per material name")
                .isEqualTo("GRCB");
    }
}
