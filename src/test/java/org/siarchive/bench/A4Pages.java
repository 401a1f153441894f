package org.siarchive.bench;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.siarchive.quality.CitizenIdNumber;
import org.siarchive.support.ScanPages;

/**
 * The pages the digitisation benchmarks measure: full A4 (210 × 297 mm, 2480 × 3508 px) at 300 dpi, as PNG
 * files carrying their resolution. Each page holds two 参保登记表 of different people, one above the other;
 * even pages are colour with a red seal, odd pages grey; every other pair has speckles and blur; skew
 * −0.8…0.8°. This is the one place the page source is chosen: a corpus can replace it here.
 */
final class A4Pages {

    static final int DPI = 300;
    static final int WIDTH = 2480;
    static final int HEIGHT = 3508;

    private A4Pages() {}

    /** {@code n} distinct pages (seeded, the same on every run). */
    static List<byte[]> pages(int n) {
        var out = new ArrayList<byte[]>();
        for (int i = 0; i < n; i++) {
            out.add(ScanPages.png(page(i), DPI));
        }
        return out;
    }

    static String describe() {
        return "full A4 (2480 × 3508) at 300 dpi, colour with seal / grey alternating, half noisy";
    }

    private static BufferedImage page(int i) {
        boolean grey = i % 2 == 1;
        boolean noisy = i % 4 >= 2;
        double skew = (i % 5) * 0.4 - 0.8;
        var out = new BufferedImage(WIDTH, HEIGHT, grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        for (int half = 0; half < 2; half++) {
            String first17 = "51010519790815%03d".formatted((2 * i + half) % 1000);
            var lines = ScanPages.enrolmentForm(
                    half == 0 ? "王秀英" : "李春华",
                    first17 + CitizenIdNumber.checkChar(first17),
                    "成都示范科技有限公司",
                    "91510100MA6123456X");
            var img = ScanPages.render(
                    new ScanPages.Spec(lines, DPI, skew, noisy, !grey && half == 1, grey, 31L * i + half));
            g.drawImage(img, 0, half * HEIGHT / 2, null);
        }
        g.dispose();
        return out;
    }
}
