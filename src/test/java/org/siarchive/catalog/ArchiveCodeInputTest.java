package org.siarchive.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArchiveCodeInputTest {

    static final String STORED = "0001-SB·2024-D30-02·GRCB-0002";

    @Test
    void foldsEverySeparatorToOneHyphen() {
        assertThat(ArchiveCodeInput.key(STORED)).isEqualTo("0001-SB-2024-D30-02-GRCB-0002");
        assertThat(ArchiveCodeInput.key("０００１－ｓｂ．２０２４　Ｄ３０")).isEqualTo("0001-SB-2024-D30");
        assertThat(ArchiveCodeInput.key(" -·grcb··0002- ")).isEqualTo("GRCB-0002");
        assertThat(ArchiveCodeInput.key("·-. ")).isEmpty();
    }

    @Test
    void aTypedCodeMatchesByPrefixSuffixOrMiddle() {
        assertThat(ArchiveCodeInput.matches(STORED, "GRCB-0002")).isTrue();
        assertThat(ArchiveCodeInput.matches(STORED, "0001-SB-2024")).isTrue();
        assertThat(ArchiveCodeInput.matches(STORED, "0001.sb.2024.d30.02.grcb.0002"))
                .isTrue();
        assertThat(ArchiveCodeInput.matches(STORED, "ＧＲＣＢ・０００２")).isTrue();
        assertThat(ArchiveCodeInput.same(STORED, "0001-SB-2024-D30-02-GRCB-0002"))
                .isTrue();
    }

    @Test
    void aDifferentCodeOrNothingDoesNotMatch() {
        assertThat(ArchiveCodeInput.matches(STORED, "GRCB-0003")).isFalse();
        assertThat(ArchiveCodeInput.matches(STORED, "GRCB0002")).isFalse();
        assertThat(ArchiveCodeInput.matches(STORED, " - ")).isFalse();
        assertThat(ArchiveCodeInput.same(STORED, "GRCB-0002")).isFalse();
    }
}
