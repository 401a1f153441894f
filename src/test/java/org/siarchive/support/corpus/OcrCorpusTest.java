package org.siarchive.support.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.siarchive.quality.CitizenIdNumber;
import org.siarchive.quality.CreditCode;

/** The corpus is what its readers rely on: deterministic, complete, with valid printed fields. */
class OcrCorpusTest {

    @Test
    void theSameSeedDrawsTheSamePixelsAndAnotherSeedOtherPages() {
        var a = OcrCorpus.pages("seal-over-text", 5);
        var b = OcrCorpus.pages("seal-over-text", 5);
        var c = OcrCorpus.pages("seal-over-text", 6);
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).id()).isEqualTo(a.get(i).id());
            assertThat(b.get(i).segments()).isEqualTo(a.get(i).segments());
            assertThat(pixels(b.get(i))).isEqualTo(pixels(a.get(i)));
            assertThat(c.get(i).segments()).isNotEqualTo(a.get(i).segments());
        }
    }

    /** The page's PNG encoding: equal bytes, equal pixels. */
    private static byte[] pixels(CorpusPage p) {
        return CorpusFiles.png(p.image(), p.dpi());
    }

    @Test
    void everyLayoutComesCleanAndPoorWithValidPrintedFields() {
        var pages = OcrCorpus.pages(17);
        assertThat(OcrCorpus.layouts()).hasSizeGreaterThanOrEqualTo(8).doesNotHaveDuplicates();
        assertThat(pages.stream().map(CorpusPage::layout).distinct()).containsExactlyElementsOf(OcrCorpus.layouts());
        var ids = new HashSet<String>();
        for (var p : pages) {
            assertThat(ids.add(p.id())).as("unique id %s", p.id()).isTrue();
            assertThat(p.id()).startsWith(p.layout() + "/" + (p.poor() ? "poor-" : "clean-"));
            assertThat(p.segments()).as(p.id()).isNotEmpty().allSatisfy(s -> assertThat(s)
                    .isNotBlank());
            assertThat(p.colour()).isIn("COLOUR", "GREY", "BITONAL");
            assertThat(p.dpi()).isIn(200, 300);
            assertThat(Math.abs(p.skewDegrees())).isLessThanOrEqualTo(5.0);
            if (p.poor()) {
                assertThat(OcrCorpus.degradations(p)).as(p.id()).isNotEmpty();
            } else {
                assertThat(p.dpi()).isEqualTo(300);
                assertThat(p.skewDegrees()).isZero();
                assertThat(OcrCorpus.degradations(p)).as(p.id()).isEmpty();
            }
            double mmWide = p.image().getWidth() * 25.4 / p.dpi();
            assertThat(mmWide)
                    .as("A4 width")
                    .isCloseTo(p.layout().equals("landscape") ? 297 : 210, org.assertj.core.data.Offset.offset(1.0));
            var printed = p.printed();
            assertThat(printed.formTitle()).isNotBlank();
            String gt = p.groundTruth();
            assertThat(gt).contains(printed.formTitle());
            if (printed.idNumber() != null) {
                assertThat(CitizenIdNumber.isValid(printed.idNumber()))
                        .as(printed.idNumber())
                        .isTrue();
                assertThat(gt).contains(printed.idNumber());
            }
            if (printed.creditCode() != null) {
                assertThat(CreditCode.isValid(printed.creditCode()))
                        .as(printed.creditCode())
                        .isTrue();
                assertThat(gt).contains(printed.creditCode());
            }
            if (printed.name() != null) {
                assertThat(gt).contains(printed.name());
            }
            assertThat(printed.date()).matches("\\d{4}-\\d{2}-\\d{2}");
        }
        assertThat(pages.stream().filter(CorpusPage::poor).map(CorpusPage::dpi).distinct())
                .as("poor dpis")
                .isNotEmpty();
        assertThat(pages.stream().map(CorpusPage::colour).distinct())
                .containsExactlyInAnyOrder("COLOUR", "GREY", "BITONAL");
        assertThat(pages.stream().filter(CorpusPage::poor).map(CorpusPage::dpi).distinct())
                .contains(200);
    }

    @Test
    void theSealIsNotInTheGroundTruthAndTheSealPageIsColour() {
        for (var p : OcrCorpus.pages("seal-over-text", 9)) {
            assertThat(p.colour()).isEqualTo("COLOUR");
            assertThat(p.segments()).noneMatch(s -> s.contains("业务专用章"));
        }
    }
}
