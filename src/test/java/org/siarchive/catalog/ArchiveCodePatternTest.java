package org.siarchive.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ArchiveCodePatternTest {

    private static final ArchiveCodePattern DEFAULT =
            new ArchiveCodePattern("{fonds}-SB·{year}-{retention}-{category}·{step}-{seq}", 4);

    private static final Map<String, String> VALUES =
            Map.of("fonds", "0123", "year", "2024", "retention", "Y", "category", "01", "step", "DWDJ");

    @Test
    void followsDaT22GrammarWithDashesBetweenLevelsAndMiddleDotsWithin() {
        String classKey = DEFAULT.classKey(VALUES);
        assertThat(classKey).isEqualTo("0123-SB·2024-Y-01·DWDJ-");
        assertThat(DEFAULT.format(classKey, 1)).isEqualTo("0123-SB·2024-Y-01·DWDJ-0001");
        assertThat(DEFAULT.format(classKey, 37)).isEqualTo("0123-SB·2024-Y-01·DWDJ-0037");
        assertThat(DEFAULT.format(classKey, 9999)).endsWith("-9999");
        assertThat(DEFAULT.format(classKey, 1)).contains("\u00b7");
    }

    @Test
    void refusesANumberThatDoesNotFitItsWidth() {
        assertThatThrownBy(() -> DEFAULT.format("x-", 10000)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rulesAreConfigurableButMustEndWithTheItemNumber() {
        var volumeStyle = new ArchiveCodePattern("{fonds}-{category}·{year}·{insurance}-{seq}", 3);
        var values = Map.of("fonds", "J001", "category", "03", "year", "2023", "insurance", "110");
        assertThat(volumeStyle.format(volumeStyle.classKey(values), 5)).isEqualTo("J001-03·2023·110-005");
        assertThatThrownBy(() -> new ArchiveCodePattern("{seq}-{fonds}", 4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ArchiveCodePattern("{nope}-{seq}", 4))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
