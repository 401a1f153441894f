package org.siarchive.preservation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
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
    private final FileSettings settings;

    @org.springframework.beans.factory.annotation.Autowired
    public FormatIdentifier(FileSettings settings) {
        this.settings = settings;
    }

    /** With the default policy (for tools and tests that have no Spring context). */
    public FormatIdentifier() {
        this(FileSettings.defaults());
    }

    /** The format found in the bytes, with what the file policy says about them. */
    public FileFormat identify(Path file) {
        var format = format(file);
        return format.readable() ? withPolyglotCheck(file, format) : format;
    }

    private FileFormat withPolyglotCheck(Path file, FileFormat format) {
        boolean container = java.util.Set.of("OFD", "DOCX", "XLSX", "PPTX").contains(format.family());
        if (!container && !java.util.Set.of("PDF", "PNG", "JPEG", "TIFF", "JP2").contains(format.family())) {
            return format;
        }
        try {
            String problem = container
                    ? Polyglots.zipProblem(file)
                    : Polyglots.problem(file, format.family(), settings.trailingBytesTolerance());
            return problem == null
                    ? format
                    : format.with(new FileHazard("file.polyglot", problem, "多格式复合文件：" + problem, true));
        } catch (IOException e) {
            return new FileFormat(format.family(), format.name(), format.mediaType(), false);
        }
    }

    private FileFormat format(Path file) {
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

    /**
     * A PDF is readable only when it parses and has at least one page (a truncated header "parses" to
     * nothing); beyond the page cap it is refused unread; active content is refused or flagged by policy.
     */
    private FileFormat pdf(Path file) {
        try (PDDocument doc = PdfInspection.load(file)) {
            int pages = doc.getNumberOfPages();
            String pdfa = pdfaConformance(doc);
            var format = new FileFormat(
                    "PDF", pdfa == null ? "PDF " + doc.getVersion() : "PDF/A-" + pdfa, "application/pdf", pages > 0);
            if (pages > settings.maxPdfPages()) {
                return format.with(new FileHazard(
                        "file.tooManyPages",
                        pages + " > " + settings.maxPdfPages(),
                        "PDF 共 " + pages + " 页，超过上限 " + settings.maxPdfPages() + " 页",
                        true));
            }
            var active = PdfInspection.activeContent(doc);
            return active.isEmpty() ? format : withActiveContent(format, active);
        } catch (IOException | RuntimeException e) {
            return new FileFormat("PDF", "PDF", "application/pdf", false);
        }
    }

    /** Refused by default; when the policy flags instead, the stored format name carries the finding. */
    private FileFormat withActiveContent(FileFormat format, java.util.List<String> kinds) {
        String evidence = String.join(", ", kinds);
        String detail = "PDF 含活动内容：" + String.join("、", kinds);
        if (settings.activeContent() == FileSettings.ActiveContent.REFUSE) {
            return format.with(new FileHazard("file.activeContent", evidence, detail, true));
        }
        return new FileFormat(
                        format.family(),
                        format.name() + "（" + detail + "）",
                        format.mediaType(),
                        format.readable(),
                        format.hazards())
                .with(new FileHazard("file.activeContent", evidence, detail, false));
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

    /** Dimensions come from the header, before any decoding: a pixel bomb is refused without being expanded. */
    private FileFormat image(Path file, String family, String mediaType) {
        try {
            var size = ImageInspection.largestPage(file);
            var format =
                    new FileFormat(family, family, mediaType, size != null && size.width() > 0 && size.height() > 0);
            if (size == null || size.pixels() <= settings.maxImagePixels()) {
                return format;
            }
            return format.with(new FileHazard(
                    "file.tooManyPixels",
                    size.width() + "×" + size.height() + " > " + settings.maxImagePixels(),
                    "图像 " + size.width() + "×" + size.height() + " 像素，超过上限 " + settings.maxImagePixels() + " 像素",
                    true));
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
