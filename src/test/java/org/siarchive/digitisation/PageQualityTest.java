package org.siarchive.digitisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.siarchive.quality.CitizenIdNumber;
import org.siarchive.support.ScanPages;

/**
 * QC on generated scans: a batch with planted defects (low resolution, skew over 3°, a blank page, a
 * duplicate, a grey page with a seal) is flagged with exactly those defects and nothing else.
 */
class PageQualityTest {

    /** A valid 统一社会信用代码 (GB 32100 and GB 11714 check characters). */
    static final String CREDIT = credit("MA612345");

    static String credit(String body8) {
        String first17 = "91510100" + body8 + org.siarchive.quality.CreditCode.organisationCheckChar(body8);
        return first17 + org.siarchive.quality.CreditCode.checkChar(first17);
    }

    private static String id(int n) {
        String first17 = "51010419850312%03d".formatted(100 + n);
        return first17 + CitizenIdNumber.checkChar(first17);
    }

    private static List<String> form(int n) {
        return ScanPages.enrolmentForm("李" + "春夏秋冬梅兰竹菊".charAt(n % 8) + "华", id(n), "成都示范科技有限公司", CREDIT);
    }

    @Test
    void flagsExactlyThePlantedDefects() throws Exception {
        var planted = new TreeMap<Integer, List<String>>();
        var pages = new ArrayList<byte[]>();
        // 0–3: clean pages, skew within 0–2.5°
        for (int i = 0; i < 4; i++) {
            pages.add(ScanPages.png(
                    ScanPages.render(new ScanPages.Spec(form(i), 300, i * 0.8 - 1.2, i % 2 == 1, true, false, i)),
                    300));
        }
        pages.add(ScanPages.png(ScanPages.render(new ScanPages.Spec(form(4), 300, 4.6, true, true, false, 4)), 300));
        planted.put(4, List.of(ImageQc.SKEW));
        pages.add(ScanPages.png(ScanPages.blank(300, true, 5), 300));
        planted.put(5, List.of(ImageQc.BLANK));
        pages.add(pages.get(1)); // the same sheet fed twice
        planted.put(6, List.of(ImageQc.DUPLICATE));
        pages.add(ScanPages.png(ScanPages.render(new ScanPages.Spec(form(7), 150, -0.5, false, true, false, 7)), 150));
        planted.put(7, List.of(ImageQc.LOW_RESOLUTION));
        pages.add(ScanPages.png(ScanPages.render(new ScanPages.Spec(form(8), 300, 1.0, false, true, true, 8)), 300));
        planted.put(8, List.of(ImageQc.COLOUR_REQUIRED));
        // same template, other person: must not count as a duplicate of page 0
        pages.add(ScanPages.png(ScanPages.render(new ScanPages.Spec(form(9), 300, -1.2, false, true, false, 9)), 300));
        // page 3 scanned again: same sheet and position, other speckles
        pages.add(ScanPages.png(
                ScanPages.render(new ScanPages.Spec(form(3), 300, 3 * 0.8 - 1.2, true, true, false, 99)), 300));
        planted.put(10, List.of(ImageQc.DUPLICATE));

        var analyses = new ArrayList<PageAnalysis>();
        for (byte[] p : pages) {
            var d = PageAnalyzer.decode(p);
            analyses.add(PageAnalyzer.analyse(d.image(), d.dpi()));
        }
        var found = new TreeMap<Integer, List<String>>();
        var dups = ImageQc.duplicates(analyses);
        for (int i = 0; i < analyses.size(); i++) {
            // the seal note stands for what OCR or the manifest says about the page
            var flags = new ArrayList<>(ImageQc.DEFAULTS.check(analyses.get(i), true, "（盖章）"));
            if (dups.contains(i)) {
                flags.add(ImageQc.DUPLICATE);
            }
            if (!flags.isEmpty()) {
                found.put(i, flags);
            }
        }
        assertThat(found).isEqualTo(planted);
    }

    @Test
    void measuresSkewWithinAQuarterDegree() throws Exception {
        for (double skew : new double[] {0, 0.7, -1.5, 2.9, 3.4, -4.2, 5.0}) {
            var img = ScanPages.render(new ScanPages.Spec(form(1), 200, skew, true, false, false, 11));
            var a = PageAnalyzer.analyse(img, 200);
            assertThat(a.skewDegrees())
                    .as("planted %s°", skew)
                    .isCloseTo(skew, org.assertj.core.data.Offset.offset(0.25));
        }
    }

    @Test
    void readsTheResolutionAndColourModeFromTheFile() throws Exception {
        var colour = PageAnalyzer.decode(
                ScanPages.png(ScanPages.render(new ScanPages.Spec(form(2), 300, 0, false, true, false, 1)), 300));
        var a = PageAnalyzer.analyse(colour.image(), colour.dpi());
        assertThat(a.dpi()).isEqualTo(300);
        assertThat(a.colourMode()).isEqualTo(PageAnalysis.COLOUR);
        assertThat(a.redRatio()).isPositive();
        var grey = PageAnalyzer.decode(
                ScanPages.png(ScanPages.render(new ScanPages.Spec(form(2), 240, 0, false, true, true, 1)), 240));
        var b = PageAnalyzer.analyse(grey.image(), grey.dpi());
        assertThat(b.dpi()).isEqualTo(240);
        assertThat(b.colourMode()).isEqualTo(PageAnalysis.GREY);
        assertThat(ImageQc.DEFAULTS.check(b, false, null)).isEmpty();
        assertThat(ImageQc.DEFAULTS.check(b, true, null)).containsExactly(ImageQc.LOW_RESOLUTION);
        Map<String, Object> unused = Map.of();
        assertThat(unused).isEmpty();
    }
}
