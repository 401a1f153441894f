package org.siarchive.lending;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.siarchive.shared.CjkFont;

/**
 * Pages as a borrower sees them: each page of a stored file (an image, or a page of a PDF rendered at
 * 110 dpi) drawn into a new image with the watermark — who, when, from where, under which grant — tiled
 * diagonally across it and burned into the pixels, then sent as PNG. The stored file is never sent.
 */
final class WatermarkedPages {

    static final float DPI = 110f;
    private static volatile Font font;

    private WatermarkedPages() {}

    /** How many pages a file has (1 for an image). */
    static int pageCount(String mediaType, InputStream content) throws IOException {
        if (!mediaType.equals("application/pdf")) {
            return 1;
        }
        try (var doc = Loader.loadPDF(content.readAllBytes())) {
            return doc.getNumberOfPages();
        }
    }

    /** Page {@code page} (from 1) of the file, watermarked with {@code lines}, as PNG bytes. */
    static byte[] render(String mediaType, InputStream content, int page, String... lines) throws IOException {
        BufferedImage source;
        if (mediaType.equals("application/pdf")) {
            try (var doc = Loader.loadPDF(content.readAllBytes())) {
                if (page < 1 || page > doc.getNumberOfPages()) {
                    throw new IllegalArgumentException("page " + page);
                }
                source = new PDFRenderer(doc).renderImageWithDPI(page - 1, DPI, ImageType.RGB);
            }
        } else {
            if (page != 1) {
                throw new IllegalArgumentException("page " + page);
            }
            source = ImageIO.read(content);
            if (source == null) {
                throw new IOException("not an image this platform can show");
            }
        }
        var out = stamped(source, lines);
        var bytes = new ByteArrayOutputStream();
        ImageIO.write(out, "png", bytes);
        return bytes.toByteArray();
    }

    /** The image with {@code lines} tiled diagonally across it, burned into a new RGB image. */
    static BufferedImage stamped(BufferedImage source, String... lines) {
        var out = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(source, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int size = Math.max(12, Math.min(out.getWidth(), out.getHeight()) / 28);
            g.setFont(font().deriveFont(Font.PLAIN, size));
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.28f));
            g.setColor(new Color(200, 0, 0));
            var metrics = g.getFontMetrics();
            int lineHeight = metrics.getHeight();
            int blockWidth = 0;
            for (String l : lines) {
                blockWidth = Math.max(blockWidth, metrics.stringWidth(l));
            }
            int stepX = blockWidth + size * 3;
            int stepY = lineHeight * (lines.length + 2);
            var saved = g.getTransform();
            g.transform(AffineTransform.getRotateInstance(
                    Math.toRadians(-30), out.getWidth() / 2.0, out.getHeight() / 2.0));
            // the rotated grid need only cover the image's circumcircle about the centre it turns on
            int cx = out.getWidth() / 2;
            int cy = out.getHeight() / 2;
            int r = (int) Math.ceil(Math.hypot(out.getWidth(), out.getHeight()) / 2) + stepX + stepY;
            for (int y = cy - r; y < cy + r; y += stepY) {
                for (int x = cx - r; x < cx + r; x += stepX) {
                    for (int i = 0; i < lines.length; i++) {
                        g.drawString(lines[i], x, y + i * lineHeight);
                    }
                }
            }
            g.setTransform(saved);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static Font font() {
        if (font == null) {
            try {
                font = Font.createFonts(CjkFont.FILE.toFile())[0];
            } catch (IOException | java.awt.FontFormatException e) {
                throw new UncheckedIOException(new IOException("CJK font for watermarks: " + e.getMessage(), e));
            }
        }
        return font;
    }
}
