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
import org.jspecify.annotations.Nullable;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.PageLayout;
import org.ofdrw.layout.VirtualPage;
import org.ofdrw.layout.element.Img;
import org.ofdrw.layout.element.Position;
import org.siarchive.preservation.Fixity;

/**
 * An OFD (GB/T 33190) preservation copy of an item whose master is a set of page images: one OFD page
 * per image, sized to the image's physical size (from its stated resolution, 300 dpi when it states
 * none), the image placed full-page and unchanged (PNG and JPEG embedded as stored; other formats, e.g.
 * TIFF, losslessly re-encoded as PNG), with title, author and date in the document info. The container is
 * packed by {@link OfdPackage} (images stored, XML deflated). The copy is read back before it is accepted: its
 * structure must hold together and list one page per image ({@link OfdStructure}).
 */
final class OfdRendition {

    static final double DEFAULT_DPI = 300;

    private OfdRendition() {}

    /** Metadata written into the OFD's document info. */
    record Info(String title, String author, LocalDate created) {}

    /**
     * Writes the OFD to {@code target} and returns its fixity (hashed while it is written); {@code work} receives
     * temporary PNG re-encodings. An image's size and resolution come from its header: only a page that has to be
     * re-encoded is decoded.
     */
    static Fixity write(List<Path> pages, String[] mediaTypes, Info info, Path target, Path work) throws IOException {
        var sources = new ArrayList<Path>();
        var sizes = new ArrayList<double[]>();
        for (int i = 0; i < pages.size(); i++) {
            Path page = pages.get(i);
            String type = mediaTypes[i];
            boolean reencode = !type.equals("image/png") && !type.equals("image/jpeg");
            Path source = page;
            if (!reencode && !hasExtension(page)) {
                // ofdrw names the embedded resource after the file: give it the right extension
                source = work.resolve("page-" + (i + 1) + (type.equals("image/png") ? ".png" : ".jpg"));
                Files.copy(page, source);
            } else if (reencode) {
                source = work.resolve("page-" + (i + 1) + ".png");
            }
            sizes.add(inspect(page, i, reencode ? source : null));
            sources.add(source);
        }
        var packed = new Fixity[1];
        try (var doc = new OFDDoc(target)) {
            var docInfo = doc.getOfdDir().getOfd().getDocBody().getDocInfo();
            docInfo.setTile(info.title());
            docInfo.setAuthor(info.author());
            docInfo.setCreationDate(info.created());
            docInfo.setCreator("SIArchive");
            for (int i = 0; i < sources.size(); i++) {
                doc.addVPage(fullPage(sources.get(i), sizes.get(i)));
            }
            // the pages are laid out: pack the container ourselves (images stored, not deflated again)
            // and skip ofdrw's own packing, which deflates every part
            doc.onRenderFinish((maxUnitId, dir, index) -> {
                try {
                    doc.getOfdDocument().getCommonData().setMaxUnitID(maxUnitId.get());
                    dir.flush();
                    packed[0] = OfdPackage.write(Path.of(dir.getSysAbsPath()), target);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                throw new Packed();
            });
        } catch (Packed done) {
            // written by OfdPackage
        } catch (org.dom4j.DocumentException e) {
            throw new IOException("OFD document info: " + e.getMessage(), e);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        int written = OfdStructure.pages(target);
        if (written != pages.size()) {
            throw new IOException("the OFD has " + written + " pages, expected " + pages.size());
        }
        return packed[0];
    }

    /** One OFD page of the image's physical size ({@code size}: width and height in mm), the image filling it. */
    private static VirtualPage fullPage(Path image, double[] size) throws IOException {
        var layout = new PageLayout(size[0], size[1]);
        layout.setMargin(0d);
        var page = new VirtualPage(layout);
        var img = new Img(size[0], size[1], image);
        img.setPosition(Position.Absolute).setX(0d).setY(0d);
        page.add(img);
        return page;
    }

    /** Ends ofdrw's {@code close()} after the layout, once {@link OfdPackage} has written the file. */
    private static final class Packed extends RuntimeException {
        Packed() {
            super(null, null, false, false);
        }
    }

    /**
     * The page's physical size in mm from its header (pixels and stated resolution) without decoding it; when
     * {@code reencoded} is given the page is decoded and written there as PNG.
     */
    private static double[] inspect(Path page, int i, @Nullable Path reencoded) throws IOException {
        try (var in = ImageIO.createImageInputStream(page.toFile())) {
            var readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException("page " + (i + 1) + " is not a readable image");
            }
            var reader = readers.next();
            try {
                reader.setInput(in);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                double dpi = dpi(reader.getImageMetadata(0));
                if (reencoded != null) {
                    BufferedImage image = reader.read(0);
                    ImageIO.write(image, "png", reencoded.toFile());
                }
                return new double[] {width * 25.4 / dpi, height * 25.4 / dpi};
            } finally {
                reader.dispose();
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
