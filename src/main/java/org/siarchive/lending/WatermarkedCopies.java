package org.siarchive.lending;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.preservation.Fixity;
import org.siarchive.preservation.FixityMismatchException;
import org.siarchive.preservation.Preservation;
import org.siarchive.shared.CjkFont;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.IntegrityException;
import org.siarchive.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * A stored file as a copy that leaves the platform with its reader's name on it: each page (an image, or a PDF
 * page rendered like {@link WatermarkedPages}) with the watermark burned into its pixels, laid into a new PDF
 * whose foot repeats the lines as text. The stored file is read verified and never sent itself. At most
 * {@value #MAX_PAGES} pages; longer files are for the counter.
 */
@Component
public class WatermarkedCopies {

    public static final int MAX_PAGES = 50;
    private static final Set<String> IMAGES = Set.of("image/jpeg", "image/png", "image/tiff", "image/bmp", "image/gif");
    private static final float FOOT = 30f;

    private final Preservation preservation;
    private volatile TrueTypeFont font;

    WatermarkedCopies(Preservation preservation) {
        this.preservation = preservation;
    }

    /** Whether a file of this media type can be given as a watermarked copy (PDFs and images). */
    public static boolean copyable(String mediaType) {
        return mediaType.equals("application/pdf") || IMAGES.contains(mediaType);
    }

    /** File {@code seq} of the item as a watermarked PDF with {@code lines} burned in and printed at each foot. */
    public byte[] pdf(ItemRecord item, int seq, String... lines) {
        var file = item.files().stream()
                .filter(f -> f.seq() == seq && copyable(f.mediaType()))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("FILE", item.id() + "/" + seq));
        byte[] content;
        try (InputStream in = preservation.read(
                item.objectId(), file.logicalPath(), new Fixity(file.sizeBytes(), file.sm3(), file.sha256()))) {
            content = in.readAllBytes();
        } catch (FixityMismatchException e) {
            throw new IntegrityException(item.archiveCode() + " / " + file.logicalPath(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (var out = new PDDocument()) {
            var f = PDType0Font.load(out, font(), true);
            if (file.mediaType().equals("application/pdf")) {
                try (var doc = Loader.loadPDF(content)) {
                    if (doc.getNumberOfPages() > MAX_PAGES) {
                        throw new ConflictException("conflict.portalCopyTooLong", item.archiveCode(), MAX_PAGES);
                    }
                    var renderer = new PDFRenderer(doc);
                    for (int i = 0; i < doc.getNumberOfPages(); i++) {
                        addPage(out, f, renderer.renderImageWithDPI(i, WatermarkedPages.DPI, ImageType.RGB), lines);
                    }
                }
            } else {
                var image = ImageIO.read(new java.io.ByteArrayInputStream(content));
                if (image == null) {
                    throw new NotFoundException("FILE", item.id() + "/" + seq);
                }
                addPage(out, f, image, lines);
            }
            var bytes = new ByteArrayOutputStream();
            out.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One page: the source stamped and embedded as JPEG, the lines as text in a band at its foot. */
    private static void addPage(PDDocument doc, PDType0Font f, BufferedImage source, String... lines)
            throws IOException {
        var image = JPEGFactory.createFromImage(doc, WatermarkedPages.stamped(source, lines), 0.85f);
        float scale = 72f / WatermarkedPages.DPI;
        float w = source.getWidth() * scale;
        float h = source.getHeight() * scale;
        var page = new PDPage(new PDRectangle(w, h + FOOT));
        doc.addPage(page);
        try (var cs = new PDPageContentStream(doc, page)) {
            cs.drawImage(image, 0, FOOT, w, h);
            cs.beginText();
            cs.setFont(f, 8);
            cs.newLineAtOffset(6, FOOT - 11);
            for (String line : lines) {
                cs.showText(line);
                cs.newLineAtOffset(0, -10);
            }
            cs.endText();
        }
    }

    private TrueTypeFont font() {
        if (font == null) {
            font = CjkFont.load();
        }
        return font;
    }
}
