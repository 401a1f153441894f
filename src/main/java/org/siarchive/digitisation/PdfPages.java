package org.siarchive.digitisation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;

/** The pages of a scanner's PDF as 300-dpi colour PNGs (with their resolution stated), for the batch. */
final class PdfPages {

    static final int DPI = 300;

    private PdfPages() {}

    /** Renders every page; a page that would render beyond {@code maxPixels} is refused before rendering. */
    static List<Path> render(Path pdf, Path dir, String prefix, long maxPixels) {
        var out = new ArrayList<Path>();
        try (var doc = Loader.loadPDF(
                new org.apache.pdfbox.io.RandomAccessReadBufferedFile(pdf.toFile()),
                "",
                org.apache.pdfbox.io.MemoryUsageSetting.setupMixed(16L << 20).streamCache)) {
            var renderer = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                requireRenderable(doc.getPage(i), i + 1, maxPixels);
                var image = renderer.renderImageWithDPI(i, DPI, ImageType.RGB);
                Path png = dir.resolve(prefix + "%05d.png".formatted(i + 1));
                java.nio.file.Files.write(png, Png.withDpi(image, DPI));
                out.add(png);
            }
        } catch (IOException e) {
            throw new InvalidInputException(Violation.of("file", "formatUnreadable", "PDF"));
        }
        return out;
    }

    private static void requireRenderable(org.apache.pdfbox.pdmodel.PDPage page, int pageNo, long maxPixels) {
        var box = page.getCropBox();
        long width = (long) Math.ceil(box.getWidth() / 72f * DPI);
        long height = (long) Math.ceil(box.getHeight() / 72f * DPI);
        if (width * height > maxPixels) {
            throw new InvalidInputException(Violation.of(
                    "file", "file.tooManyPixels", width + "×" + height + " > " + maxPixels, "PDF p." + pageNo));
        }
    }
}
