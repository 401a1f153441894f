package org.siarchive.integrity;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.metadata.IIOMetadata;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.PageLayout;
import org.ofdrw.layout.VirtualPage;
import org.ofdrw.layout.element.Img;
import org.ofdrw.layout.element.Position;
import org.siarchive.shared.xml.OfdFiles;

/**
 * An OFD (GB/T 33190) preservation copy of an item whose master is a set of page images: one OFD page
 * per image, sized to the image's physical size (from its stated resolution, 300 dpi when it states
 * none), the image placed full-page and unchanged (PNG and JPEG embedded as stored; other formats, e.g.
 * TIFF, losslessly re-encoded as PNG), with title, author and date in the document info. The copy is read
 * back before it is accepted: it must open and have one page per image.
 */
final class OfdRendition {

    static final double DEFAULT_DPI = 300;

    private OfdRendition() {}

    /** Metadata written into the OFD's document info. */
    record Info(String title, String author, LocalDate created) {}

    /** Writes the OFD to {@code target}; {@code work} receives temporary PNG re-encodings. */
    static void write(List<Path> pages, String[] mediaTypes, Info info, Path target, Path work) throws IOException {
        var sources = new ArrayList<Path>();
        var sizes = new ArrayList<double[]>();
        for (int i = 0; i < pages.size(); i++) {
            Path page = pages.get(i);
            BufferedImage image;
            double dpi;
            try (var in = ImageIO.createImageInputStream(page.toFile())) {
                var readers = ImageIO.getImageReaders(in);
                if (!readers.hasNext()) {
                    throw new IOException("page " + (i + 1) + " is not a readable image");
                }
                var reader = readers.next();
                try {
                    reader.setInput(in);
                    image = reader.read(0);
                    dpi = dpi(reader.getImageMetadata(0));
                } finally {
                    reader.dispose();
                }
            }
            Path source = page;
            String type = mediaTypes[i];
            if (!type.equals("image/png") && !type.equals("image/jpeg")) {
                source = work.resolve("page-" + (i + 1) + ".png");
                ImageIO.write(image, "png", source.toFile());
            } else if (!hasExtension(page)) {
                // ofdrw names the embedded resource after the file: give it the right extension
                source = work.resolve("page-" + (i + 1) + (type.equals("image/png") ? ".png" : ".jpg"));
                Files.copy(page, source);
            }
            sources.add(source);
            sizes.add(new double[] {image.getWidth() * 25.4 / dpi, image.getHeight() * 25.4 / dpi});
        }
        try (var doc = new OFDDoc(target)) {
            var docInfo = doc.getOfdDir().getOfd().getDocBody().getDocInfo();
            docInfo.setTile(info.title());
            docInfo.setAuthor(info.author());
            docInfo.setCreationDate(info.created());
            docInfo.setCreator("SIArchive");
            for (int i = 0; i < sources.size(); i++) {
                double w = sizes.get(i)[0];
                double h = sizes.get(i)[1];
                var layout = new PageLayout(w, h);
                layout.setMargin(0d);
                var page = new VirtualPage(layout);
                var img = new Img(w, h, sources.get(i));
                img.setPosition(Position.Absolute).setX(0d).setY(0d);
                page.add(img);
                doc.addVPage(page);
            }
        } catch (org.dom4j.DocumentException e) {
            throw new IOException("OFD document info: " + e.getMessage(), e);
        }
        try (var reader = OfdFiles.open(target)) {
            if (reader.getNumberOfPages() != pages.size()) {
                throw new IOException("the OFD has " + reader.getNumberOfPages() + " pages, expected " + pages.size());
            }
        }
    }

    /** The resolution an image states (javax_imageio_1.0 HorizontalPixelSize, mm per pixel), else 300. */
    static double dpi(IIOMetadata metadata) {
        try {
            var root = (org.w3c.dom.Element) metadata.getAsTree("javax_imageio_1.0");
            var nodes = root.getElementsByTagName("HorizontalPixelSize");
            if (nodes.getLength() > 0) {
                double mmPerPixel = Double.parseDouble(((org.w3c.dom.Element) nodes.item(0)).getAttribute("value"));
                if (mmPerPixel > 0) {
                    double dpi = 25.4 / mmPerPixel;
                    if (dpi >= 50 && dpi <= 2400) {
                        return dpi;
                    }
                }
            }
        } catch (RuntimeException ignored) {
            // no standard metadata: the default below
        }
        return DEFAULT_DPI;
    }

    private static boolean hasExtension(Path p) {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
    }
}
