package org.siarchive.digitisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.siarchive.support.ScanPages;

/** The fast PNG reading gives exactly ImageIO's image (type and every byte) and the file's resolution. */
class PngPagesTest {

    private static void sameAsImageIo(BufferedImage written, int dpi) throws Exception {
        byte[] png = ScanPages.png(written, dpi);
        var fast = PngPages.decode(png);
        assertThat(fast).as("read by the fast path").isNotNull();
        var slow = PageAnalyzer.decodeWithImageIo(png);
        var reference = slow.image();
        assertThat(fast.image().getType()).isEqualTo(reference.getType());
        assertThat(fast.dpi()).isEqualTo(dpi).isEqualTo(slow.dpi());
        assertThat(((DataBufferByte) fast.image().getRaster().getDataBuffer()).getData())
                .isEqualTo(((DataBufferByte) reference.getRaster().getDataBuffer()).getData());
    }

    /** Random pixels make the writer choose every row filter (Sub, Up, Average, Paeth), not only None. */
    private static BufferedImage random(int type, int w, int h, long seed) {
        var img = new BufferedImage(w, h, type);
        var rnd = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = rnd.nextInt(4) == 0 ? rnd.nextInt() : (x * 7 + y * 3) * 0x010101;
                img.setRGB(x, y, v);
            }
        }
        return img;
    }

    @Test
    void readsGreyColourAndBitonalPagesAsImageIoDoes() throws Exception {
        var lines = ScanPages.enrolmentForm("赵敏", "110101199003077777", "北京示范有限公司", "91110000MA0012345X");
        sameAsImageIo(ScanPages.render(new ScanPages.Spec(lines, 300, 1.5, true, true, false, 3)), 300);
        sameAsImageIo(ScanPages.render(new ScanPages.Spec(lines, 200, -0.5, true, false, true, 4)), 200);
        for (int type :
                new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_BYTE_BINARY
                }) {
            sameAsImageIo(random(type, 301, 97, type), 150);
        }
    }

    @Test
    void leavesOtherFilesToImageIo() throws Exception {
        var argb = random(BufferedImage.TYPE_INT_ARGB, 40, 30, 1);
        assertThat(PngPages.decode(ScanPages.png(argb, 300))).isNull();
        byte[] png = ScanPages.png(random(BufferedImage.TYPE_3BYTE_BGR, 40, 30, 2), 300);
        byte[] cut = java.util.Arrays.copyOf(png, png.length / 2);
        assertThat(PngPages.decode(cut)).isNull();
        assertThat(PngPages.decode(new byte[] {1, 2, 3})).isNull();
        var jpeg = new java.io.ByteArrayOutputStream();
        ImageIO.write(random(BufferedImage.TYPE_3BYTE_BGR, 40, 30, 3), "jpeg", jpeg);
        assertThat(PngPages.decode(jpeg.toByteArray())).isNull();
        assertThat(PageAnalyzer.decode(jpeg.toByteArray()).image().getWidth()).isEqualTo(40);
    }
}
