package org.siarchive.digitisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.siarchive.quality.CitizenIdNumber;
import org.siarchive.support.ScanPages;

/**
 * The fast working copy (box filter by an integer factor, read straight from the raster) measures a page as
 * the reference does: Java's area-averaging scale to exactly 800 pixels wide, which page QC used before.
 */
class WorkingCopyTest {

    /** The reference: area averaging to 800 pixels wide over the page's stored colour values. */
    static WorkingCopy reference(BufferedImage page) {
        int w = 800;
        int h = Math.max(1, (int) Math.round((double) page.getHeight() * w / page.getWidth()));
        var stored = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g0 = stored.createGraphics();
        g0.drawImage(page, 0, 0, null); // keeps a grey page's stored values (getRGB would brighten them)
        g0.dispose();
        var small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = small.createGraphics();
        g.drawImage(stored.getScaledInstance(w, h, Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        int[] rgb = small.getRGB(0, 0, w, h, null, 0, w);
        int[] grey = new int[rgb.length];
        long red = 0;
        for (int i = 0; i < rgb.length; i++) {
            int r = (rgb[i] >> 16) & 0xff;
            int gr = (rgb[i] >> 8) & 0xff;
            int b = rgb[i] & 0xff;
            grey[i] = (r * 299 + gr * 587 + b * 114) / 1000;
            if (r > 140 && r > gr + 60 && r > b + 60) {
                red++;
            }
        }
        return new WorkingCopy(grey, w, h, (double) red / rgb.length);
    }

    private static List<String> form(int n) {
        String first17 = "44030419900101%03d".formatted(n * 37 % 1000);
        return ScanPages.enrolmentForm(
                "张" + "伟芳娜敏静丽强磊".charAt(n % 8) + "军",
                first17 + CitizenIdNumber.checkChar(first17),
                "深圳市示范实业有限公司",
                "91440300MA5F12345X");
    }

    /** Pages of several resolutions, skews, colour modes and degradations, and two without text. */
    private static List<BufferedImage> pages() {
        var pages = new ArrayList<BufferedImage>();
        double[] skews = {0, 1.3, -2.7, 4.1, -0.6, 2.2, -4.8};
        for (int i = 0; i < skews.length; i++) {
            int dpi = i % 3 == 0 ? 200 : 300;
            pages.add(ScanPages.render(
                    new ScanPages.Spec(form(i), dpi, skews[i], i % 2 == 0, i % 3 != 2, i % 3 == 2, 1000 + i)));
        }
        pages.add(ScanPages.blank(300, true, 7));
        pages.add(ScanPages.blank(200, false, 8));
        pages.add(scribbles(2480, 3508, 9)); // full A4, random strokes: not drawn by the form renderer
        return pages;
    }

    /** Random dark strokes and red blotches on a white A4 page. */
    private static BufferedImage scribbles(int w, int h, long seed) {
        var rnd = new Random(seed);
        var img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < 400; i++) {
            g.setColor(rnd.nextInt(5) == 0 ? new Color(200, 20, 30) : new Color(20, 20, 20));
            g.setStroke(new java.awt.BasicStroke(2 + rnd.nextInt(6)));
            int x = rnd.nextInt(w);
            int y = rnd.nextInt(h);
            g.drawLine(x, y, x + rnd.nextInt(300) - 150, y + rnd.nextInt(40) - 20);
        }
        g.dispose();
        return img;
    }

    @Test
    void fastCopyMeasuresAsTheAreaAverageDoes() {
        for (var page : pages()) {
            var fast = PageAnalyzer.analyse(page, 300);
            var ref = PageAnalyzer.analyse(page, 300, reference(page));
            String what = "%d×%d page, type %d".formatted(page.getWidth(), page.getHeight(), page.getType());
            assertThat(fast.skewDegrees()).as("skew of " + what).isCloseTo(ref.skewDegrees(), within(0.1));
            assertThat(fast.blank()).as("blank " + what).isEqualTo(ref.blank());
            assertThat(PageHashes.hamming(fast.phash(), ref.phash()))
                    .as("pHash distance of " + what)
                    .isLessThanOrEqualTo(4);
            assertThat(fast.inkRatio()).as("ink of " + what).isCloseTo(ref.inkRatio(), within(0.01));
            assertThat(fast.redRatio()).as("red of " + what).isCloseTo(ref.redRatio(), within(0.005));
            assertThat(fast.fingerprint()).as("fingerprint size of " + what).hasSameSizeAs(ref.fingerprint());
            assertThat(PageHashes.difference(fast.fingerprint(), ref.fingerprint()))
                    .as("fingerprint of " + what)
                    .isLessThan(0.25);
        }
    }

    /** Every raster layout a decoder may hand over gives the same working copy as the colour model's own values. */
    @Test
    void everyRasterLayoutGivesTheSameCopy() {
        var page = ScanPages.render(new ScanPages.Spec(form(3), 200, 1.1, true, true, false, 5));
        var expected = WorkingCopy.of(page);
        for (int type : new int[] {
            BufferedImage.TYPE_3BYTE_BGR,
            BufferedImage.TYPE_INT_ARGB,
            BufferedImage.TYPE_INT_BGR,
            BufferedImage.TYPE_4BYTE_ABGR
        }) {
            var copy = WorkingCopy.of(convert(page, type));
            assertThat(copy.grey()).as("type %d", type).isEqualTo(expected.grey());
            assertThat(copy.redShare()).as("type %d", type).isEqualTo(expected.redShare());
        }
        var grey = convert(page, BufferedImage.TYPE_BYTE_GRAY);
        var ushort = convert(grey, BufferedImage.TYPE_USHORT_GRAY);
        assertThat(WorkingCopy.of(ushort).grey()).isEqualTo(WorkingCopy.of(grey).grey());
        assertThat(WorkingCopy.of(grey).redShare()).isZero();

        var bits = convert(grey, BufferedImage.TYPE_BYTE_BINARY);
        var palette = new BufferedImage(
                bits.getWidth(),
                bits.getHeight(),
                BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(
                        8, 2, new byte[] {0, (byte) 255}, new byte[] {0, (byte) 255}, new byte[] {0, (byte) 255}));
        var g = palette.createGraphics();
        g.drawImage(bits, 0, 0, null);
        g.dispose();
        assertThat(WorkingCopy.of(bits).grey())
                .isEqualTo(WorkingCopy.of(palette).grey());
        assertThat(PageAnalyzer.analyse(bits, 200).colourMode()).isEqualTo(PageAnalysis.BITONAL);
    }

    private static BufferedImage convert(BufferedImage page, int type) {
        var out = new BufferedImage(page.getWidth(), page.getHeight(), type);
        var g = out.createGraphics();
        g.drawImage(page, 0, 0, null);
        g.dispose();
        return out;
    }
}
