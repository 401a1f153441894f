package org.siarchive.digitisation;

import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;

/**
 * Measures a page image for quality checks: resolution from the file's metadata, colour mode, red
 * content (seals, red headers), skew by projection profiles, ink share for blank pages, and perceptual
 * hashes for duplicates. Pure computation on a downscaled copy; the master is never changed.
 */
public final class PageAnalyzer {

    /** Width of the working copy: large enough for text lines, small enough to be fast. */
    static final int WORK_WIDTH = 800;

    static final double BLANK_INK = 0.003;

    private PageAnalyzer() {}

    /** Decoded image and the resolution its file declares (0 when it declares none). */
    public record Decoded(BufferedImage image, int dpi) {}

    public static Decoded decode(byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("not an image this platform can read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, false);
                BufferedImage image = reader.read(0);
                int dpi = 0;
                try {
                    dpi = dpi(reader.getImageMetadata(0));
                } catch (RuntimeException | IOException e) {
                    // metadata the reader cannot parse: resolution unknown
                }
                return new Decoded(image, dpi);
            } finally {
                reader.dispose();
            }
        }
    }

    /** Resolution from the standard metadata tree (pixel size in millimetres). */
    static int dpi(IIOMetadata metadata) {
        if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
            return 0;
        }
        Node root = metadata.getAsTree("javax_imageio_1.0");
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals("Dimension")) {
                for (Node d = n.getFirstChild(); d != null; d = d.getNextSibling()) {
                    if (d.getNodeName().equals("HorizontalPixelSize")) {
                        var v = d.getAttributes().getNamedItem("value");
                        if (v != null) {
                            double mm = Double.parseDouble(v.getNodeValue());
                            if (mm > 0) {
                                return (int) Math.round(25.4 / mm);
                            }
                        }
                    }
                }
            }
        }
        return 0;
    }

    public static PageAnalysis analyse(BufferedImage image, int dpi) {
        int w = WORK_WIDTH;
        int h = Math.max(1, (int) Math.round((double) image.getHeight() * w / image.getWidth()));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = small.createGraphics();
        g.drawImage(image.getScaledInstance(w, h, Image.SCALE_AREA_AVERAGING), 0, 0, null);
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
        String mode = colourMode(image);
        double ink = ink(grey, w, h);
        return new PageAnalysis(
                image.getWidth(),
                image.getHeight(),
                dpi,
                mode,
                (double) red / rgb.length,
                skew(grey, w, h),
                ink,
                ink < BLANK_INK,
                phash(grey, w, h),
                fingerprint(grey, w, h));
    }

    private static String colourMode(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_BINARY
                && image.getColorModel().getPixelSize() == 1) {
            return PageAnalysis.BITONAL;
        }
        if (image.getColorModel().getNumColorComponents() == 1) {
            return PageAnalysis.GREY;
        }
        // stored as colour (a colour file of a black-and-white page is still a colour scan)
        return PageAnalysis.COLOUR;
    }

    /** Share of dark pixels inside 4 % margins (the working copy averages single speckles away). */
    static double ink(int[] grey, int w, int h) {
        int mx = w * 4 / 100;
        int my = h * 4 / 100;
        long dark = 0;
        long all = 0;
        for (int y = my; y < h - my; y++) {
            for (int x = mx; x < w - mx; x++) {
                all++;
                if (grey[y * w + x] < 128) {
                    dark++;
                }
            }
        }
        return all == 0 ? 0 : (double) dark / all;
    }

    /**
     * The angle that makes the text lines horizontal: the projection of the dark pixels onto the
     * vertical axis, rotated by each candidate angle, is sharpest (largest sum of squared row counts) at
     * the lines' angle. Coarse search over ±8° in 0.25° steps, then ±0.25° in 0.02° steps.
     */
    static double skew(int[] grey, int w, int h) {
        int n = 0;
        int[] xs = new int[grey.length];
        int[] ys = new int[grey.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (grey[y * w + x] < 128) {
                    xs[n] = x;
                    ys[n] = y;
                    n++;
                }
            }
        }
        if (n < 50) {
            return 0;
        }
        int step = Math.max(1, n / 60_000);
        double best = 0;
        double bestScore = -1;
        for (double a = -8; a <= 8.0001; a += 0.25) {
            double s = profileScore(xs, ys, n, step, a, w, h);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        double centre = best;
        for (double a = centre - 0.25; a <= centre + 0.2501; a += 0.02) {
            double s = profileScore(xs, ys, n, step, a, w, h);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        return Math.round(best * 100) / 100.0;
    }

    private static double profileScore(int[] xs, int[] ys, int n, int step, double degrees, int w, int h) {
        double t = Math.toRadians(degrees);
        double sin = Math.sin(t);
        double cos = Math.cos(t);
        int offset = w + 2;
        int[] rows = new int[h + 2 * offset];
        for (int i = 0; i < n; i += step) {
            int r = (int) Math.round(ys[i] * cos - xs[i] * sin) + offset;
            if (r >= 0 && r < rows.length) {
                rows[r]++;
            }
        }
        double score = 0;
        for (int c : rows) {
            score += (double) c * c;
        }
        return score;
    }

    /** 64-bit perceptual hash: the signs of the low DCT frequencies of a 32 × 32 grey copy against their median. */
    static long phash(int[] grey, int w, int h) {
        double[][] px = resample(grey, w, h, 32, 32);
        double[][] dct = new double[8][8];
        for (int u = 0; u < 8; u++) {
            for (int v = 0; v < 8; v++) {
                double sum = 0;
                for (int x = 0; x < 32; x++) {
                    for (int y = 0; y < 32; y++) {
                        sum += px[y][x]
                                * Math.cos((2 * x + 1) * u * Math.PI / 64)
                                * Math.cos((2 * y + 1) * v * Math.PI / 64);
                    }
                }
                dct[u][v] = sum;
            }
        }
        double[] flat = new double[63];
        int k = 0;
        for (int u = 0; u < 8; u++) {
            for (int v = 0; v < 8; v++) {
                if (u + v > 0) {
                    flat[k++] = dct[u][v];
                }
            }
        }
        double[] sorted = flat.clone();
        Arrays.sort(sorted);
        double median = sorted[31];
        long bits = 0;
        for (int i = 0; i < 63; i++) {
            if (flat[i] > median) {
                bits |= 1L << i;
            }
        }
        return bits;
    }

    static final int FP_W = 400;

    /**
     * A 400-pixel-wide black-and-white thumbnail, packed 8 pixels per byte after a 4-byte height:
     * confirms a pHash match (pages of one form template share a pHash, not their names and numbers).
     */
    static byte[] fingerprint(int[] grey, int w, int h) {
        int fh = Math.max(1, h * FP_W / w);
        double[][] px = resample(grey, w, h, FP_W, fh);
        byte[] out = new byte[4 + (FP_W * fh + 7) / 8];
        java.nio.ByteBuffer.wrap(out).putInt(fh);
        for (int y = 0; y < fh; y++) {
            for (int x = 0; x < FP_W; x++) {
                if (px[y][x] < 160) {
                    int bit = y * FP_W + x;
                    out[4 + bit / 8] |= (byte) (1 << (bit % 8));
                }
            }
        }
        return out;
    }

    private static double[][] resample(int[] grey, int w, int h, int tw, int th) {
        double[][] out = new double[th][tw];
        int[][] counts = new int[th][tw];
        for (int y = 0; y < h; y++) {
            int ty = Math.min(th - 1, y * th / h);
            for (int x = 0; x < w; x++) {
                int tx = Math.min(tw - 1, x * tw / w);
                out[ty][tx] += grey[y * w + x];
                counts[ty][tx]++;
            }
        }
        for (int y = 0; y < th; y++) {
            for (int x = 0; x < tw; x++) {
                out[y][x] = counts[y][x] == 0 ? 255 : out[y][x] / counts[y][x];
            }
        }
        return out;
    }

    public static int hamming(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /**
     * The largest share of differing pixels in any 8 × 8 block of two fingerprints: a changed name or
     * number shows up in its block even when the rest of the page is the same form.
     */
    public static double difference(byte[] a, byte[] b) {
        if (a.length != b.length || a.length < 4) {
            return 1;
        }
        int fh = java.nio.ByteBuffer.wrap(a).getInt();
        if (fh != java.nio.ByteBuffer.wrap(b).getInt()) {
            return 1;
        }
        double worst = 0;
        for (int by = 0; by + 8 <= fh; by += 8) {
            for (int bx = 0; bx + 8 <= FP_W; bx += 8) {
                int diff = 0;
                for (int y = by; y < by + 8; y++) {
                    for (int x = bx; x < bx + 8; x++) {
                        int bit = y * FP_W + x;
                        if (((a[4 + bit / 8] ^ b[4 + bit / 8]) & (1 << (bit % 8))) != 0) {
                            diff++;
                        }
                    }
                }
                worst = Math.max(worst, diff / 64.0);
            }
        }
        return worst;
    }

    /** Two pages are the same sheet when their hashes are close and no block of their thumbnails differs. */
    public static boolean duplicates(PageAnalysis a, PageAnalysis b) {
        return hamming(a.phash(), b.phash()) <= 10 && difference(a.fingerprint(), b.fingerprint()) < 0.25;
    }
}
