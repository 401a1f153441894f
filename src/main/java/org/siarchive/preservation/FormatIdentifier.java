package org.siarchive.preservation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.tika.Tika;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.xml.SafeXml;
import org.siarchive.shared.xml.XmlContainers;
import org.springframework.stereotype.Component;

/**
 * Identifies a staged file by its content (Tika magic, then a look inside ZIP containers for OFD and
 * OOXML, and the XMP identification of PDF/A), and checks that it actually parses as that format.
 */
@Component
public class FormatIdentifier {

    /** Larger XML is not parsed to a DOM here: it is identified as XML but not readable. */
    static final long MAX_XML_BYTES = 64L * 1024 * 1024;

    private final Tika tika = new Tika();

    public FileFormat identify(Path file) {
        String mediaType;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(16);
            String known = Signatures.mediaType(head);
            mediaType = known != null ? known : tikaDetect(file);
        } catch (IOException e) {
            return FileFormat.unknown("application/octet-stream");
        }
        return switch (mediaType) {
            case "application/pdf" -> pdf(file);
            case "image/jpeg" -> image(file, "JPEG", mediaType);
            case "image/png" -> image(file, "PNG", mediaType);
            case "image/tiff" -> image(file, "TIFF", mediaType);
            case "image/jp2", "image/jpx" -> new FileFormat("JP2", "JPEG 2000", "image/jp2", true);
            case "application/xml", "text/xml" -> xml(file);
            case "application/zip", "application/x-tika-ooxml" -> zipContainer(file);
            default -> FileFormat.unknown(mediaType);
        };
    }

    private String tikaDetect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return tika.detect(in);
        }
    }

    private static FileFormat pdf(Path file) {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            String pdfa = pdfaConformance(doc);
            return pdfa == null
                    ? new FileFormat("PDF", "PDF " + doc.getVersion(), "application/pdf", true)
                    : new FileFormat("PDF", "PDF/A-" + pdfa, "application/pdf", true);
        } catch (IOException | RuntimeException e) {
            return new FileFormat("PDF", "PDF", "application/pdf", false);
        }
    }

    /** PDF/A part and conformance from the XMP packet (pdfaid:part, pdfaid:conformance), if declared. */
    private static @Nullable String pdfaConformance(PDDocument doc) throws IOException {
        var meta = doc.getDocumentCatalog().getMetadata();
        if (meta == null) {
            return null;
        }
        String xmp = new String(meta.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        var part =
                java.util.regex.Pattern.compile("pdfaid:part[=>\"']+\\s*(\\d)").matcher(xmp);
        if (!part.find()) {
            return null;
        }
        var conf = java.util.regex.Pattern.compile("pdfaid:conformance[=>\"']+\\s*([ABUabu])")
                .matcher(xmp);
        return part.group(1) + (conf.find() ? conf.group(1).toLowerCase(java.util.Locale.ROOT) : "");
    }

    private static FileFormat image(Path file, String family, String mediaType) {
        try (var in = ImageIO.createImageInputStream(file.toFile())) {
            var readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return new FileFormat(family, family, mediaType, false);
            }
            var reader = readers.next();
            try {
                reader.setInput(in);
                boolean readable = reader.getWidth(0) > 0 && reader.getHeight(0) > 0;
                return new FileFormat(family, family, mediaType, readable);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return new FileFormat(family, family, mediaType, false);
        }
    }

    private static FileFormat xml(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            SafeXml.parse(in, MAX_XML_BYTES);
            return new FileFormat("XML", "XML", "application/xml", true);
        } catch (Exception e) {
            return new FileFormat("XML", "XML", "application/xml", false);
        }
    }

    private static FileFormat zipContainer(Path file) {
        var format = containerFormat(file);
        return format.readable() && !xmlPartsAreSafe(file)
                ? new FileFormat(format.family(), format.name(), format.mediaType(), false)
                : format;
    }

    /** OFD and OOXML are XML in a zip: a part with a DOCTYPE (XXE, entity bombs) makes the file unreadable. */
    private static boolean xmlPartsAreSafe(Path file) {
        try {
            XmlContainers.inspect(file);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static FileFormat containerFormat(Path file) {
        try (var zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("OFD.xml") != null) {
                return new FileFormat("OFD", "OFD", "application/ofd", true);
            }
            if (zip.getEntry("[Content_Types].xml") != null) {
                if (zip.getEntry("word/document.xml") != null) {
                    return ooxml("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
                }
                if (zip.getEntry("xl/workbook.xml") != null) {
                    return ooxml("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                }
                if (zip.getEntry("ppt/presentation.xml") != null) {
                    return ooxml("PPTX", "application/vnd.openxmlformats-officedocument.presentationml.presentation");
                }
            }
            return FileFormat.unknown("application/zip");
        } catch (IOException e) {
            return FileFormat.unknown("application/zip");
        }
    }

    private static FileFormat ooxml(String family, String mediaType) {
        return new FileFormat(family, family, mediaType, true);
    }
}
