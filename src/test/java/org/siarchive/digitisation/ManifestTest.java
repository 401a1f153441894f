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

    @Test
    void aSeventhColumnNamesAnExisting档号AndOldManifestsStayValid() {
        var items = Manifest.parse(
                "pages,business_step,cert_no,name,title,acceptance_no,archive_code\n"
                        + "1-2,,,,,,0001-SB·2024-D30-02·GRCB-0002\n"
                        + "3,GRCB,,,题名,YW-1\n"
                        + "4,,,,,,0001-SB-2024-D30-02-GRCB-0003\n",
                4);
        assertThat(items)
                .extracting(Manifest.Item::archiveCode)
                .containsExactly("0001-SB·2024-D30-02·GRCB-0002", null, "0001-SB-2024-D30-02-GRCB-0003");
        assertThat(items.get(1).acceptanceNo()).isEqualTo("YW-1");
        assertThat(Manifest.parse("pages,business_step,cert_no,name,title\n1-3,GRCB,,,吴\n", 3))
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.archiveCode()).isNull();
                    assertThat(i.to()).isEqualTo(3);
                    assertThat(i.title()).isEqualTo("吴");
                });
    }

    @Test
    void aHeaderNamingThe档号ColumnPutsItAnywhere() {
        var items = Manifest.parse(
                "pages,business_step,cert_no,name,title,acceptance_no,note,档号\n"
                        + "1,,,,,,扫描件,0001-SB·2024-D30-02·GRCB-0002\n"
                        + "2,,,,,,复扫,\n",
                2);
        assertThat(items).extracting(Manifest.Item::archiveCode).containsExactly("0001-SB·2024-D30-02·GRCB-0002", null);
    }

    @Test
    void a档号WithoutTheFormOfOneIsRefusedWithItsLine() {
        for (String bad : new String[] {"周明远的档案", "0001", "0001-SB", "0001-SB·2024-GRCB", "A-B-C" + "-1".repeat(60)}) {
            assertThatThrownBy(() -> Manifest.parse(
                            "pages,business_step,cert_no,name,title,acceptance_no,archive_code\n1,,,,,," + bad + "\n",
                            1))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                                assertThat(v.field()).isEqualTo("manifest");
                                assertThat(v.rule()).isEqualTo("manifestArchiveCode");
                            }));
        }
    }
}
