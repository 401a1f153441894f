package org.siarchive.support;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadataNode;

/**
 * Generated scans for digitisation tests: Chinese form text at a given resolution, optionally with a
 * red seal, speckle noise and blur, rotated by a known skew; blank pages; PNG files carrying their dpi.
 */
public final class ScanPages {

    private ScanPages() {}

    /** A form page: the lines, where a seal goes, and how it was degraded. */
    public record Spec(
            List<String> lines, int dpi, double skewDegrees, boolean noisy, boolean seal, boolean grey, long seed) {}

    public static String cjkFamily() {
        for (String f : GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()) {
            if (f.contains("WenQuanYi") || f.contains("Noto Sans CJK")) {
                return f;
            }
        }
        throw new IllegalStateException("a CJK font is needed (fonts-wqy-zenhei)");
    }

    /** Half an A4 page (210 × 148 mm) at the spec's resolution. */
    public static BufferedImage render(Spec s) {
        int w = (int) Math.round(210 / 25.4 * s.dpi());
        int h = (int) Math.round(148 / 25.4 * s.dpi());
        var img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.rotate(Math.toRadians(s.skewDegrees()), w / 2.0, h / 2.0);
        double mm = s.dpi() / 25.4;
        String family = cjkFamily();
        g.setColor(new Color(15, 15, 15));
        int y = (int) (18 * mm);
        for (int i = 0; i < s.lines().size(); i++) {
            int size = (int) ((i == 0 ? 6.5 : 4.2) * mm);
            g.setFont(new Font(family, i == 0 ? Font.BOLD : Font.PLAIN, size));
            g.drawString(s.lines().get(i), (int) (18 * mm), y);
            y += (int) (size * 1.9);
        }
        if (s.seal()) {
            g.setColor(new Color(215, 30, 35));
            g.setStroke(new BasicStroke((float) (1.2 * mm)));
            int r = (int) (18 * mm);
            int cx = w - (int) (45 * mm);
            int cy = h - (int) (40 * mm);
            g.drawOval(cx - r, cy - r, 2 * r, 2 * r);
            g.setFont(new Font(family, Font.BOLD, (int) (5 * mm)));
            g.drawString("★", cx - (int) (2.5 * mm), cy + (int) (2 * mm));
        }
        g.dispose();
        if (s.noisy()) {
            degrade(img, s.seed());
        }
        if (s.grey()) {
            var grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            var gg = grey.createGraphics();
            gg.drawImage(img, 0, 0, null);
            gg.dispose();
            return grey;
        }
        return img;
    }

    public static BufferedImage blank(int dpi, boolean noisy, long seed) {
        var img = render(new Spec(List.of(), dpi, 0, false, false, false, seed));
        if (noisy) {
            degrade(img, seed);
        }
        return img;
    }

    /** Speckles (0.3 % of pixels), a faint grey cast and a 3 × 3 blur, like a worn page on a tired scanner. */
    static void degrade(BufferedImage img, long seed) {
        var rnd = new Random(seed);
        int w = img.getWidth();
        int h = img.getHeight();
        int[] px = img.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < px.length; i++) {
            if (rnd.nextInt(1000) < 3) {
                px[i] = 0xff303030;
            } else if ((px[i] & 0xffffff) == 0xffffff) {
                int v = 240 + rnd.nextInt(12);
                px[i] = 0xff000000 | (v << 16) | (v << 8) | v;
            }
        }
        int[] out = px.clone();
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int r = 0;
                int gr = 0;
                int b = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int p = px[(y + dy) * w + x + dx];
                        r += (p >> 16) & 0xff;
                        gr += (p >> 8) & 0xff;
                        b += p & 0xff;
                    }
                }
                out[y * w + x] = 0xff000000 | ((r / 9) << 16) | ((gr / 9) << 8) | (b / 9);
            }
        }
        img.setRGB(0, 0, w, h, out, 0, w);
    }

    /** PNG bytes with the resolution in a pHYs chunk. */
    public static byte[] png(BufferedImage img, int dpi) {
        try {
            var writer = ImageIO.getImageWritersByFormatName("png").next();
            var meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), null);
            var phys = new IIOMetadataNode("pHYs");
            String ppm = Integer.toString((int) Math.round(dpi / 0.0254));
            phys.setAttribute("pixelsPerUnitXAxis", ppm);
            phys.setAttribute("pixelsPerUnitYAxis", ppm);
            phys.setAttribute("unitSpecifier", "meter");
            var root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(phys);
            meta.mergeTree("javax_imageio_png_1.0", root);
            var out = new ByteArrayOutputStream();
            try (var ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.write(null, new IIOImage(img, null, meta), null);
            }
            writer.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Character accuracy: 1 − edit distance / length of the expected text, whitespace ignored and both
     * texts NFKC-normalised (a full-width colon read as an ASCII colon is the same character to a reader).
     */
    public static double accuracy(String expected, String actual) {
        String a = java.text.Normalizer.normalize(expected, java.text.Normalizer.Form.NFKC)
                .replaceAll("\\s+", "");
        String b = java.text.Normalizer.normalize(actual, java.text.Normalizer.Form.NFKC)
                .replaceAll("\\s+", "");
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return 1.0 - (double) prev[b.length()] / a.length();
    }

    /** Lines of a 参保登记表 for a person. */
    public static List<String> enrolmentForm(String name, String certNo, String employer, String creditCode) {
        return List.of(
                "城镇职工基本养老保险参保登记表",
                "姓名：" + name + "    性别：女    民族：汉族",
                "公民身份号码：" + certNo,
                "参保单位：" + employer,
                "统一社会信用代码：" + creditCode,
                "参保日期：2024年05月10日    缴费基数：5800元",
                "经办机构：成都市锦江区社会保险事业管理中心（盖章）");
    }
}
