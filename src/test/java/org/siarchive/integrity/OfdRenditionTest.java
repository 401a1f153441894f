package org.siarchive.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadataNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ofdrw.reader.OFDReader;
import org.siarchive.preservation.Digester;

/** The OFD copy has one page per image, each sized by the image's stated resolution, and the document info. */
class OfdRenditionTest {

    @TempDir
    Path tmp;

    @Test
    void onePagePerImageSizedByItsResolution() throws Exception {
        Path a4at200 = tmp.resolve("p1"); // no extension, as stored masters may be named
        Files.write(a4at200, org.siarchive.support.ScanPages.png(page(1654, 2339), 200)); // pHYs chunk
        Path noDpi = tmp.resolve("p2.jpg");
        ImageIO.write(page(600, 300), "jpeg", noDpi.toFile());
        Path tiff = tmp.resolve("p3.tif");
        write(page(300, 300), "tiff", 150, tiff);
        Path ofd = tmp.resolve("copy.ofd");

        var fixity = OfdRendition.write(
                List.of(a4at200, noDpi, tiff),
                new String[] {"image/png", "image/jpeg", "image/tiff"},
                new OfdRendition.Info("养老保险参保登记", "锦江区社保中心", LocalDate.of(2026, 11, 28)),
                ofd,
                Files.createDirectories(tmp.resolve("work")));

        try (var reader = new OFDReader(ofd)) {
            assertThat(reader.getNumberOfPages()).isEqualTo(3);
            var p1 = reader.getPageSize(1);
            assertThat(p1.getWidth()).isCloseTo(210.0, within(0.2)); // 1654 px at 200 dpi
            assertThat(p1.getHeight()).isCloseTo(297.0, within(0.2));
            var p2 = reader.getPageSize(2);
            assertThat(p2.getWidth()).isCloseTo(600 * 25.4 / 300, within(0.2)); // no stated dpi: 300
            var p3 = reader.getPageSize(3);
            assertThat(p3.getWidth()).isCloseTo(300 * 25.4 / 150, within(0.2));
            var info = reader.getOFDDir().getOfd().getDocBody().getDocInfo();
            assertThat(info.getTile()) // sic: ofdrw spells the accessor "Tile"
                    .isEqualTo("养老保险参保登记");
            assertThat(info.getAuthor()).isEqualTo("锦江区社保中心");
        }
        try (var zip = new java.util.zip.ZipFile(ofd.toFile())) {
            var embedded = zip.stream()
                    .filter(e -> e.getName().matches("(?i).*\\.(png|jpg|jpeg)$"))
                    .toList();
            assertThat(embedded).hasSize(3);
            // images are stored as they are (already compressed), the XML parts deflated
            assertThat(embedded).allSatisfy(e -> assertThat(e.getMethod()).isEqualTo(ZipEntry.STORED));
            assertThat(zip.stream().filter(e -> e.getName().endsWith(".xml")))
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e.getMethod()).isEqualTo(ZipEntry.DEFLATED));
            assertThat(zip.getEntry("OFD.xml")).isNotNull();
        }
        // the fixity returned is the file's, hashed while it was written
        assertThat(fixity).isEqualTo(Digester.of(ofd));
    }

    /** The highest object id the layout gave out is recorded in the document (CT_CommonData.MaxUnitID). */
    @Test
    void recordsTheLargestObjectId() throws Exception {
        Path page = tmp.resolve("p1.png");
        ImageIO.write(page(200, 100), "png", page.toFile());
        Path ofd = tmp.resolve("one.ofd");

        OfdRendition.write(
                List.of(page),
                new String[] {"image/png"},
                new OfdRendition.Info("工伤认定", "社保中心", LocalDate.of(2026, 11, 30)),
                ofd,
                Files.createDirectories(tmp.resolve("work1")));

        try (var reader = new OFDReader(ofd)) {
            var doc = reader.getOFDDir().getDocByIndex(0).getDocument();
            long max = doc.getCommonData().getMaxUnitID().getId();
            assertThat(max).isGreaterThanOrEqualTo(3); // page, image object, its resource at least
        }
    }

    /** The read-back counts the pages the document lists and refuses a package that lacks a page's content part. */
    @Test
    void theReadBackRefusesAPackageWithoutAPagesContent() throws Exception {
        Path page = tmp.resolve("p1.png");
        ImageIO.write(page(200, 100), "png", page.toFile());
        Path ofd = tmp.resolve("two.ofd");
        OfdRendition.write(
                List.of(page, page),
                new String[] {"image/png", "image/png"},
                new OfdRendition.Info("工伤认定", "社保中心", LocalDate.of(2026, 11, 30)),
                ofd,
                Files.createDirectories(tmp.resolve("work3")));
        assertThat(OfdStructure.pages(ofd)).isEqualTo(2);

        Path broken = tmp.resolve("broken.ofd");
        try (var in = new java.util.zip.ZipFile(ofd.toFile());
                var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(broken))) {
            var dropped = in.stream()
                    .filter(e -> e.getName().endsWith("Content.xml"))
                    .findFirst()
                    .orElseThrow();
            for (var e : in.stream().toList()) {
                if (!e.getName().equals(dropped.getName())) {
                    out.putNextEntry(new ZipEntry(e.getName()));
                    in.getInputStream(e).transferTo(out);
                    out.closeEntry();
                }
            }
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OfdStructure.pages(broken))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("no content part");
    }

    /** A file that is no image is refused, and no OFD is left behind as if it were a copy. */
    @Test
    void refusesAPageThatIsNoImage() throws Exception {
        Path notImage = tmp.resolve("p1.png");
        Files.writeString(notImage, "不是图像");
        Path ofd = tmp.resolve("bad.ofd");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OfdRendition.write(
                        List.of(notImage),
                        new String[] {"image/png"},
                        new OfdRendition.Info("工伤认定", "社保中心", LocalDate.of(2026, 11, 30)),
                        ofd,
                        Files.createDirectories(tmp.resolve("work2"))))
                .isInstanceOf(java.io.IOException.class);
        assertThat(ofd).doesNotExist();
    }

    private static BufferedImage page(int w, int h) {
        var img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.drawLine(0, 0, w, h);
        g.dispose();
        return img;
    }

    /** Writes an image stating {@code dpi} through the format-neutral metadata tree. */
    private static void write(BufferedImage img, String format, int dpi, Path target) throws Exception {
        var writer = ImageIO.getImageWritersByFormatName(format).next();
        var params = writer.getDefaultWriteParam();
        var metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), params);
        double mmPerPixel = 25.4 / dpi;
        var h = new IIOMetadataNode("HorizontalPixelSize");
        h.setAttribute("value", Double.toString(mmPerPixel));
        var v = new IIOMetadataNode("VerticalPixelSize");
        v.setAttribute("value", Double.toString(mmPerPixel));
        var dim = new IIOMetadataNode("Dimension");
        dim.appendChild(h);
        dim.appendChild(v);
        var root = new IIOMetadataNode("javax_imageio_1.0");
        root.appendChild(dim);
        metadata.mergeTree("javax_imageio_1.0", root);
        try (var out = ImageIO.createImageOutputStream(target.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, metadata), params);
        } finally {
            writer.dispose();
        }
    }
}
