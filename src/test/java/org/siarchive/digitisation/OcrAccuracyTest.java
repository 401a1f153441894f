package org.siarchive.digitisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.quality.CitizenIdNumber;
import org.siarchive.support.ScanPages;

/**
 * Tesseract ({@code chi_sim}, which reads Latin letters and digits too) on generated 300-dpi form pages whose text the test knows: character
 * accuracy ≥ 97 % on clean pages and ≥ 90 % on noisy, skewed ones (levelled first, as the pipeline does),
 * and the ID numbers and credit codes extracted from the OCR text are the ones printed.
 */
@Tag("ocr")
class OcrAccuracyTest {

    static final String TESSDATA = "/usr/share/tesseract-ocr/5/tessdata";
    static TesseractEngine engine;

    @BeforeAll
    static void engine() {
        engine = new TesseractEngine(TESSDATA, "chi_sim", 6);
        if (!engine.available()) {
            throw new IllegalStateException("Tesseract with chi_sim is required (./siarchive test installs it)");
        }
    }

    /** A valid 统一社会信用代码 (GB 32100 and GB 11714 check characters). */
    static final String CREDIT = credit("MA612345");

    static String credit(String body8) {
        String first17 = "91510100" + body8 + org.siarchive.quality.CreditCode.organisationCheckChar(body8);
        return first17 + org.siarchive.quality.CreditCode.checkChar(first17);
    }

    private static String id(int n) {
        String first17 = "51010519790815%03d".formatted(200 + n);
        return first17 + CitizenIdNumber.checkChar(first17);
    }

    @Test
    void cleanPagesAreReadAlmostPerfectly() throws Exception {
        check(false, 0.97);
    }

    @Test
    void noisySkewedPagesStayAbove90Percent() throws Exception {
        check(true, 0.90);
    }

    private void check(boolean noisy, double minimum) throws Exception {
        String[] names = {"王秀英", "陈建国"};
        for (int i = 0; i < names.length; i++) {
            var lines = ScanPages.enrolmentForm(names[i], id(i), "成都示范科技有限公司", CREDIT);
            double skew = noisy ? (i == 0 ? 2.6 : -3.8) : 0;
            var img = ScanPages.render(new ScanPages.Spec(lines, 300, skew, noisy, true, false, 40 + i));
            var analysis = PageAnalyzer.analyse(img, 300);
            var result = engine.recognise(Deskew.level(img, analysis.skewDegrees()));
            double accuracy = ScanPages.accuracy(String.join("", lines), result.text());
            System.out.printf(
                    "OCR %s page %d: accuracy %.2f %%, mean confidence %.1f, %d words%n",
                    noisy ? "noisy" : "clean",
                    i,
                    accuracy * 100,
                    result.meanConfidence(),
                    result.words().size());
            assertThat(accuracy).as("page %d text:%n%s", i, result.text()).isGreaterThanOrEqualTo(minimum);
            var fields = Extraction.fields(result.text());
            assertThat(fields.idNumbers()).containsExactly(id(i));
            assertThat(fields.creditCodes()).containsExactly(CREDIT);
            assertThat(fields.names()).contains(names[i]);
            assertThat(fields.dates()).contains("2024-05-10");
            assertThat(fields.title()).isEqualTo("城镇职工基本养老保险参保登记表");
            assertThat(result.words()).isNotEmpty().allSatisfy(w -> assertThat(w.confidence())
                    .isBetween(0f, 100f));
        }
    }

    @Test
    void theSearchableCopyCarriesTheText() throws Exception {
        var lines = ScanPages.enrolmentForm("赵丽", id(7), "成都示范科技有限公司", CREDIT);
        var img = ScanPages.render(new ScanPages.Spec(lines, 300, 0, false, false, false, 7));
        byte[] pdf = engine.searchablePdf(List.of(img), 300);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text =
                    new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains(id(7)).contains("参保登记表");
        }
        assumeTrue(true);
    }
}
