package org.siarchive.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.siarchive.comparison.Datasets.Kind;
import org.siarchive.shared.InvalidInputException;

/** Real departments' headers (docs/adr/0084): the kind's own column wins over an alias of it. */
class ReferenceLayoutAliasTest {

    @Test
    void aPoliceExportWithDeathAndCancellationDatesUsesTheDeathDate() {
        var p = ReferenceLayout.resolve(Kind.DEATH, List.of("序号", "身份证号码", "姓名", "注销日期", "死亡日期", "户籍地址"));
        assertThat(p.get(ReferenceField.EVENT_DATE)).isEqualTo(4);
        assertThat(p.get(ReferenceField.CERT_NO)).isEqualTo(1);
        var q = ReferenceLayout.resolve(Kind.DEATH, List.of("姓名", "证件号码", "死亡日期", "火化日期"));
        assertThat(q.get(ReferenceField.EVENT_DATE)).isEqualTo(2);
    }

    @Test
    void twoAliasesWithoutTheOwnHeaderOrTheOwnHeaderTwiceAreStillRefused() {
        assertThatThrownBy(() -> ReferenceLayout.resolve(Kind.DEATH, List.of("公民身份号码", "姓名", "注销日期", "火化日期")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ReferenceLayout.resolve(Kind.DEATH, List.of("公民身份号码", "姓名", "死亡日期", "死亡日期")))
                .isInstanceOf(InvalidInputException.class);
        // the own header wins over an alias in either order
        assertThat(ReferenceLayout.resolve(Kind.DEATH, List.of("身份证号码", "姓名", "死亡日期", "公民身份号码"))
                        .get(ReferenceField.CERT_NO))
                .isEqualTo(3);
    }
}
