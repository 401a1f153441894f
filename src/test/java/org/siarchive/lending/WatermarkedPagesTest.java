package org.siarchive.lending;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * The watermark covers the whole page, corners included, whatever its shape: the rotated grid is drawn over the
 * page's circumcircle only (issue 19 made it cheaper), and no region of a page may be left clean.
 */
class WatermarkedPagesTest {

    @Test
    void everyRegionOfPortraitLandscapeAndSquarePagesCarriesTheWatermark() {
        for (int[] size : new int[][] {{935, 1210}, {1210, 935}, {400, 400}, {2480, 3508}}) {
            var white = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
            var g = white.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, size[0], size[1]);
            g.dispose();
            var stamped = WatermarkedPages.stamped(white, "欧阳晓梅  2026-11-30 18:00:00  本人查阅", "档号  仅供本人使用");
            int cells = 6;
            for (int cx = 0; cx < cells; cx++) {
                for (int cy = 0; cy < cells; cy++) {
                    assertThat(marked(stamped, cx, cy, cells))
                            .as("%dx%d cell %d,%d", size[0], size[1], cx, cy)
                            .isTrue();
                }
            }
        }
    }

    private static boolean marked(BufferedImage img, int cx, int cy, int cells) {
        int w = img.getWidth() / cells;
        int h = img.getHeight() / cells;
        for (int x = cx * w; x < (cx + 1) * w; x++) {
            for (int y = cy * h; y < (cy + 1) * h; y++) {
                if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    return true;
                }
            }
        }
        return false;
    }
}
