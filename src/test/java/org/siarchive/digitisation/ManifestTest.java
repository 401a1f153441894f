package org.siarchive.digitisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.siarchive.shared.InvalidInputException;

class ManifestTest {

    @Test
    void aSixthColumnGivesTheCasesAcceptanceNumber() {
        var items = Manifest.parse(
                "pages,business_step,cert_no,name,title,acceptance_no\n1-2,GRCB,,,,YW2024-0042\n3,,,,\n", 3);
        assertThat(items).extracting(Manifest.Item::acceptanceNo).containsExactly("YW2024-0042", null);
    }

    @Test
    void anAcceptanceNumberCaptureWouldRefuseIsRefusedWithItsLine() {
        assertThatThrownBy(
                        () -> Manifest.parse("pages,business_step,cert_no,name,title,acceptance_no\n1,,,,,受理 1\n", 1))
                .isInstanceOf(InvalidInputException.class);
    }
}
