package org.siarchive.digitisation;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;

/**
 * Measures a page image for quality checks: resolution from the file's metadata, colour mode, red
 * content (seals, red headers), skew by projection profiles ({@link Skew}), ink share for blank pages, and
 * perceptual hashes for duplicates ({@link PageHashes}). Pure computation on a grey working copy about 800
 * pixels wide ({@link WorkingCopy}, one pass over the decoded raster); the master is never changed.
 */
public final class PageAnalyzer {

    static final double BLANK_INK = 0.003;

    private PageAnalyzer() {}

    /** Decoded image and the resolution its file declares (0 when it declares none). */
    public record Decoded(BufferedImage image, int dpi) {}

    /** The page's pixels and resolution: common PNG pages by {@link PngPages}, everything else by ImageIO. */
    public static Decoded decode(byte[] bytes) throws IOException {
        var png = PngPages.decode(bytes);
        return png != null ? png : decodeWithImageIo(bytes);
    }

    /** Any format ImageIO reads, with the resolution of its standard metadata. */
    static Decoded decodeWithImageIo(byte[] bytes) throws IOException {
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

    /** The page's measurements, taken on its {@link WorkingCopy}. */
    public static PageAnalysis analyse(BufferedImage image, int dpi) {
        return measure(image, dpi).analysis();
    }

    /** The measurements and the working copy they were taken on (a cover sheet is read from the same copy). */
    record Measured(PageAnalysis analysis, WorkingCopy copy) {}

    static Measured measure(BufferedImage image, int dpi) {
        var copy = WorkingCopy.of(image);
        return new Measured(analyse(image, dpi, copy), copy);
    }

    /** The measurements of {@code image} taken on {@code copy}, a working copy of it. */
    static PageAnalysis analyse(BufferedImage image, int dpi, WorkingCopy copy) {
        int[] grey = copy.grey();
        int w = copy.width();
        int h = copy.height();
        double ink = ink(grey, w, h);
        return new PageAnalysis(
                image.getWidth(),
                image.getHeight(),
                dpi,
                colourMode(image),
                copy.redShare(),
                Skew.measure(grey, w, h),
                ink,
                ink < BLANK_INK,
                PageHashes.phash(grey, w, h),
                PageHashes.fingerprint(grey, w, h, PageHashes.fingerprintHeight(image.getWidth(), image.getHeight())));
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
}
