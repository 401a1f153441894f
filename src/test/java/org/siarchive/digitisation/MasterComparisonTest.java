package org.siarchive.digitisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.siarchive.support.ScanPages;

/**
 * The confirmation of a repeated page on the masters: the same filled form scanned again (another
 * resolution and format, noise, a degree of rotation) is the same sheet; the same form filled for another
 * person — one name character or one digit of the ID number apart — is not, though its pHash is equal.
 */
class MasterComparisonTest {

    static byte[] form(int n, int dpi, double skew, boolean noisy, boolean grey, long seed, String format)
            throws Exception {
        var lines = new ArrayList<>(ScanPages.enrolmentForm(
                "周" + "明亮".charAt(n % 2) + "远", ScanBatchIT.id(n), "成都示范科技有限公司", "91510100MA6123456X"));
        lines.set(0, "参保人员增员表");
        var img = ScanPages.render(new ScanPages.Spec(lines, dpi, skew, noisy, true, grey, seed));
        if (format.equals("png")) {
            return ScanPages.png(img, dpi);
        }
        var out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    private static MasterComparison.Sheet sheet(byte[] file) throws Exception {
        var d = PageAnalyzer.decode(file);
        return MasterComparison.sheet(
                d.image(), PageAnalyzer.analyse(d.image(), d.dpi()).skewDegrees());
    }

    @Test
    void aRescanIsTheSameSheetAndAnotherFillingIsNot() throws Exception {
        var original = sheet(form(61, 300, 0.2, false, false, 61, "png"));
        var rescans = new byte[][] {
            form(61, 200, 1.2, true, false, 7, "jpg"), form(61, 250, -0.9, true, false, 8, "png"),
        };
        for (byte[] r : rescans) {
            assertThat(MasterComparison.unexplained(original, sheet(r)))
                    .isLessThanOrEqualTo(MasterComparison.MAX_UNEXPLAINED);
        }
        // turned the other way: -0.4° first, +0.7° in the rescan
        byte[] left = form(83, 300, -0.4, false, false, 83, "png");
        byte[] right = form(83, 250, 0.7, true, false, 9, "png");
        long hl = PageAnalyzer.analyse(PageAnalyzer.decode(left).image(), 300).phash();
        long hr = PageAnalyzer.analyse(PageAnalyzer.decode(right).image(), 250).phash();
        System.out.printf("pHash distance of a rescan turned 1.1°: %d%n", PageHashes.hamming(hl, hr));
        assertThat(PageBands.near(hl, hr)).isTrue();
        assertThat(MasterComparison.unexplained(sheet(left), sheet(right)))
                .isLessThanOrEqualTo(MasterComparison.MAX_UNEXPLAINED);
        // 61 and 63: the same name, one digit of the ID number apart; 62: one character of the name too
        for (int other : new int[] {63, 62}) {
            var page = form(other, 300, 0.2, false, false, other, "png");
            var a = PageAnalyzer.decode(page);
            long originalHash = PageAnalyzer.analyse(
                            PageAnalyzer.decode(form(61, 300, 0.2, false, false, 61, "png"))
                                    .image(),
                            300)
                    .phash();
            assertThat(PageHashes.hamming(
                            originalHash, PageAnalyzer.analyse(a.image(), 300).phash()))
                    .as("one form template: the pHash does not tell the fillings apart")
                    .isLessThanOrEqualTo(PageBands.MAX_DISTANCE);
            assertThat(MasterComparison.unexplained(original, sheet(page)))
                    .as("filled for person %d", other)
                    .isGreaterThan(2 * MasterComparison.MAX_UNEXPLAINED);
        }
    }

    @Test
    void aPreparedSheetIsStoredCompactlyAndComparedQuickly() throws Exception {
        var original = sheet(form(61, 300, 0.2, false, false, 61, "png"));
        var rescan = sheet(form(61, 200, 1.2, true, false, 7, "jpg"));
        var other = sheet(form(63, 300, 0.2, false, false, 63, "png"));
        byte[] stored = MasterComparison.encode(original);
        var back = MasterComparison.decode(stored);
        assertThat(back.ink()).isEqualTo(original.ink());
        assertThat(back.grown()).isEqualTo(original.grown());
        assertThat(stored.length).as("bytes stored per page").isLessThan(60_000);
        long t0 = System.nanoTime();
        int rounds = 20;
        for (int i = 0; i < rounds; i++) {
            assertThat(MasterComparison.sameSheet(back, MasterComparison.decode(MasterComparison.encode(rescan))))
                    .isTrue();
            assertThat(MasterComparison.sameSheet(back, other)).isFalse();
        }
        System.out.printf(
                "prepared sheet: %d bytes stored; a match and a non-match compared in %.1f ms%n",
                stored.length, (System.nanoTime() - t0) / 1e6 / rounds);
    }

    /** The production path reads the master from its file; another person's filling, blurred on one side. */
    private static MasterComparison.Sheet stored(byte[] file) throws Exception {
        var d = PageAnalyzer.decode(file);
        var path = java.nio.file.Files.createTempFile("master", ".png");
        try {
            java.nio.file.Files.write(path, file);
            return MasterComparison.read(
                    path, PageAnalyzer.analyse(d.image(), d.dpi()).skewDegrees());
        } finally {
            java.nio.file.Files.delete(path);
        }
    }

    @Test
    void anotherPersonsFillingReadFromItsFileIsNotTheSameSheet() throws Exception {
        // the pair that once passed as one sheet: one surname character and one ID digit apart, one page blurred
        var blurred = stored(ScanBatchIT.page("居民身份证复印件", 1, -0.6, true));
        var other = stored(ScanBatchIT.page("居民身份证复印件", 51, -0.2, false));
        assertThat(MasterComparison.sameSheet(blurred, other)).isFalse();
        assertThat(MasterComparison.sameSheet(
                        stored(ScanBatchIT.page("参保人员增员表", 1, 0.8, false)),
                        stored(ScanBatchIT.page("参保人员增员表", 51, 0.3, false))))
                .isFalse();
        // and the same sheet scanned again, blurred and turned, still is
        assertThat(MasterComparison.sameSheet(blurred, stored(ScanBatchIT.page("居民身份证复印件", 1, 0.4, false))))
                .isTrue();
    }
}
