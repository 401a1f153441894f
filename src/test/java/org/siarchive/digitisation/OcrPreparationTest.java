package org.siarchive.digitisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.siarchive.support.ScanPages;

/**
 * The preparation steps of the OCR working copy (ADR 0058) on pages drawn here, without Tesseract: the seal
 * goes and the text under it stays, ruling lines go and characters stay, cells come in reading order,
 * Sauvola cleans a stained low-contrast page, specks go and dots stay, and the master is never changed.
 */
class OcrPreparationTest {

    private static BufferedImage page(int w, int h, int paper) {
        var img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new Color(paper, paper, paper));
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    @Test
    void theSealGoesTheTextUnderItStaysAndTheMasterIsUntouched() {
        var img = page(600, 400, 255);
        var g = img.createGraphics();
        g.setColor(new Color(20, 20, 20));
        g.fillRect(100, 180, 400, 12); // a text stroke
        g.setColor(new Color(220, 35, 40, 200));
        g.setStroke(new BasicStroke(14));
        g.drawOval(150, 80, 240, 240); // the seal's ring crossing the stroke
        g.dispose();
        int[] before = img.getRGB(0, 0, 600, 400, null, 0, 600);
        var grey = GreyPage.of(img, true);
        assertThat(grey.at(270, 80)).as("seal over paper").isGreaterThan(220);
        assertThat(grey.at(150, 186)).as("text under the seal").isLessThan(128);
        assertThat(grey.at(300, 186)).as("text beside the seal").isLessThan(60);
        assertThat(GreyPage.of(img, false).at(270, 80))
                .as("without separation the seal is ink")
                .isLessThan(128);
        var prepared = OcrPreparation.prepare(img, OcrSettings.PRODUCTION);
        assertThat(prepared.image().getRaster().getSample(270, 80, 0)).isGreaterThan(200);
        assertThat(img.getRGB(0, 0, 600, 400, null, 0, 600)).isEqualTo(before);
    }

    /** A 3 × 4 grid with a word-sized block of "text" in every cell. */
    private static BufferedImage grid(int x0, int y0, int cellW, int cellH) {
        var img = page(2480, 1600, 255);
        var g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(3));
        for (int r = 0; r <= 3; r++) {
            g.drawLine(x0, y0 + r * cellH, x0 + 4 * cellW, y0 + r * cellH);
        }
        for (int c = 0; c <= 4; c++) {
            g.drawLine(x0 + c * cellW, y0, x0 + c * cellW, y0 + 3 * cellH);
        }
        g.setFont(new Font(ScanPages.cjkFamily(), Font.PLAIN, 40));
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                g.drawString("姓名" + r + c, x0 + c * cellW + 20, y0 + r * cellH + 70);
            }
        }
        g.dispose();
        return img;
    }

    @Test
    void rulingLinesAreFoundAndRemovedAndCharactersStay() {
        var grey = GreyPage.of(grid(200, 300, 500, 110), false);
        int threshold = grey.otsu();
        var lines = RulingLines.find(grey, threshold, 300);
        assertThat(lines.stream()
                        .filter(RulingLines.Line::horizontal)
                        .map(RulingLines.Line::at)
                        .distinct())
                .hasSize(4);
        assertThat(lines.stream()
                        .filter(l -> !l.horizontal())
                        .map(RulingLines.Line::at)
                        .distinct())
                .hasSize(5);
        long inkBefore = ink(grey, threshold);
        RulingLines.remove(grey, lines, threshold, 300);
        // the lines are gone: no dark pixel left on the middle of a ruling line away from the text
        assertThat(grey.at(1900, 301)).isGreaterThan(200);
        assertThat(grey.at(701, 500)).isGreaterThan(200);
        long lineInk = 4L * 2000 * 3 + 5L * 330 * 3;
        assertThat(ink(grey, threshold)).isBetween(inkBefore - lineInk - 2000, inkBefore - lineInk / 2);
        // the characters stay: a text row still has its ink
        assertThat(rowInk(grey, 300 + 60, threshold)).isGreaterThan(100);
    }

    @Test
    void tableCellsComeInReadingOrder() {
        var grey = GreyPage.of(grid(200, 300, 500, 110), false);
        var lines = RulingLines.find(grey, grey.otsu(), 300);
        var cells = TableCells.find(lines, grey.w, grey.h, 300);
        assertThat(cells).hasSize(12);
        for (int i = 0; i < cells.size(); i++) {
            var c = cells.get(i);
            assertThat(c.x).isBetween(200 + (i % 4) * 500, 200 + (i % 4) * 500 + 20);
            assertThat(c.y).isBetween(300 + (i / 4) * 110, 300 + (i / 4) * 110 + 20);
            assertThat(c.width).isBetween(460, 500);
        }
    }

    @Test
    void sauvolaCleansAStainedLowContrastPage() {
        var img = page(1240, 800, 215);
        var g = img.createGraphics();
        for (int x = 0; x < 1240; x += 4) { // a stain: the paper darkens to the right
            int v = 215 - x * 60 / 1240;
            g.setColor(new Color(v, v, v));
            g.fillRect(x, 0, 4, 800);
        }
        g.setColor(new Color(120, 120, 120));
        g.setFont(new Font(ScanPages.cjkFamily(), Font.PLAIN, 40));
        for (int y = 100; y < 800; y += 80) {
            g.drawString("公民身份号码缴费基数参保日期经办机构", 40, y);
        }
        g.dispose();
        var grey = GreyPage.of(img, false);
        assertThat(Binarisation.contrast(grey)).isLessThan(OcrPreparation.POOR_CONTRAST);
        int otsu = grey.otsu();
        long darkPaperOtsu = darkIn(grey, 1150, 1230, 700, 790, otsu);
        Binarisation.sauvola(grey, Binarisation.K);
        assertThat(darkIn(grey, 1150, 1230, 700, 790, 128))
                .as("stained paper after Sauvola")
                .isLessThan(50);
        assertThat(darkPaperOtsu).as("stained paper after a global threshold").isGreaterThan(1000);
        assertThat(rowInk(grey, 90, 128)).as("text stays").isGreaterThan(200);
        long[] hist = grey.histogram();
        assertThat(hist[0] + hist[255]).isEqualTo((long) grey.px.length);
    }

    @Test
    void specksGoDotsStay() {
        var grey = new GreyPage(200, 100, new byte[200 * 100]);
        Arrays.fill(grey.px, (byte) 255);
        grey.px[10 * 200 + 10] = 0;
        grey.px[50 * 200 + 150] = 0;
        grey.px[50 * 200 + 151] = 0;
        for (int y = 40; y < 46; y++) {
            for (int x = 60; x < 66; x++) {
                grey.px[y * 200 + x] = 0; // a full stop at 300 dpi
            }
        }
        assertThat(Speckles.remove(grey, 128, 12)).isEqualTo(2);
        assertThat(grey.at(10, 10)).isEqualTo(255);
        assertThat(grey.at(150, 50)).isEqualTo(255);
        assertThat(grey.at(62, 42)).isZero();
    }

    @Test
    void lowResolutionPagesAreEnlargedAndContrastIsMeasuredOnInkAndPaper() {
        var img = page(1654, 2339, 255); // A4 at 200 dpi
        var g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.setFont(new Font(ScanPages.cjkFamily(), Font.PLAIN, 30));
        g.drawString("参保人员增员表", 100, 100);
        g.dispose();
        var prepared = OcrPreparation.prepare(img, OcrSettings.PRODUCTION);
        assertThat(prepared.scale()).isEqualTo(1.5);
        assertThat(prepared.image().getWidth()).isEqualTo(2481);
        assertThat(prepared.contrast()).isGreaterThan(200);
        assertThat(prepared.binarised()).isFalse();
    }

    @Test
    void segmentationIsConfiguredByNameOrNumber() {
        assertThat(OcrEngine.Segmentation.parse("auto")).isEqualTo(OcrEngine.Segmentation.AUTO);
        assertThat(OcrEngine.Segmentation.parse("6")).isEqualTo(OcrEngine.Segmentation.BLOCK);
        assertThat(OcrSettings.of("auto", true)).isEqualTo(OcrSettings.PRODUCTION);
        assertThatThrownBy(() -> OcrEngine.Segmentation.parse("13"))
                .hasMessageContaining("siarchive.ocr.page-segmentation");
    }

    @Test
    void strayQuotesGoPairedQuotesStay() {
        assertThat(StrayQuotes.clean("姓名：王秀英 ”性别：女 “民族：汉族\n依据《工伤保险条例》 “第十四条”"))
                .isEqualTo("姓名：王秀英 性别：女 民族：汉族\n依据《工伤保险条例》 “第十四条”");
    }

    private static long ink(GreyPage p, int threshold) {
        long n = 0;
        for (byte b : p.px) {
            n += (b & 0xff) < threshold ? 1 : 0;
        }
        return n;
    }

    private static long rowInk(GreyPage p, int y, int threshold) {
        long n = 0;
        for (int x = 0; x < p.w; x++) {
            n += p.at(x, y) < threshold ? 1 : 0;
        }
        return n;
    }

    private static long darkIn(GreyPage p, int x0, int x1, int y0, int y1, int threshold) {
        long n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                n += p.at(x, y) < threshold ? 1 : 0;
            }
        }
        return n;
    }
}
