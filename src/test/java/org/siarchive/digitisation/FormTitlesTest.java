package org.siarchive.digitisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.siarchive.catalog.Classification;

class FormTitlesTest {

    static final Classification.Step GRCB = new Classification.Step(
            "GRCB",
            "个人参保登记",
            "01",
            null,
            "PERSON",
            List.of(
                    new Classification.StepMaterial("RY01", "参保人员增员表", true),
                    new Classification.StepMaterial("RY02", "居民身份证复印件", true)));

    static final Set<String> ALL = Set.of("参保人员增员表", "居民身份证复印件", "参保人员减员表");

    @Test
    void aMisreadOcrLineGivesTheFormNameOfTheStep() {
        assertThat(FormTitles.resolve(GRCB, "任会保险参保人员增员表", "任会保险参保人员增员表", "", ALL))
                .isEqualTo("参保人员增员表");
        assertThat(FormTitles.suggest(GRCB, "参保人贝增员表", null))
                .as("one misread character")
                .isEqualTo("参保人员增员表");
        assertThat(FormTitles.suggest(GRCB, "居民身分证复印件", null)).isEqualTo("居民身份证复印件");
    }

    @Test
    void withoutAMatchTheFirstRequiredMaterialNamesTheItemNeverTheRawLine() {
        assertThat(FormTitles.resolve(GRCB, "乱码甲乙丙丁", "乱码甲乙丙丁", "", ALL)).isEqualTo("参保人员增员表");
        assertThat(FormTitles.resolve(GRCB, "", null, null, ALL)).isEqualTo("参保人员增员表");
        assertThat(FormTitles.resolve(GRCB, "乱码", "乱码", "第二页 居民身份证复印件 正反面", ALL))
                .as("the whole recognised text is searched when the title line says nothing")
                .isEqualTo("居民身份证复印件");
    }

    @Test
    void aPrefilledNameOfAnotherStepIsRematchedAndAnArchivistsOwnTitleIsKept() {
        assertThat(FormTitles.resolve(GRCB, "参保人员减员表", "乱码", "", ALL)).isEqualTo("参保人员增员表");
        assertThat(FormTitles.resolve(GRCB, "张三养老保险关系转移说明", "乱码", "", ALL)).isEqualTo("张三养老保险关系转移说明");
    }
}
