package org.siarchive.preservation;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The accepted formats (归档格式): the filing formats of GB/T 18894-2016 — fixed-layout OFD and PDF/PDF-A,
 * images JPEG, TIFF, PNG and JPEG 2000, XML, OOXML text and spreadsheets — or the subset an operator
 * configures ({@code siarchive.files.accepted-formats}, docs/adr/0042). The one list that capture, the
 * four-property checks (GD-3-3, YJ-3-3, CQ-3-3) and transfer receipts read. A format is named by the family
 * {@link FormatIdentifier} finds in the bytes, never by the file name.
 */
public final class AcceptedFormats {

    /** A filing format: the family {@link FileFormat} names, its media type and the extensions that name it. */
    public record Format(String family, String mediaType, Set<String> extensions) {}

    /** The filing formats of GB/T 18894-2016 that the identifier knows. */
    static final List<Format> GB_T_18894 = List.of(
            new Format("OFD", "application/ofd", Set.of("ofd")),
            new Format("PDF", "application/pdf", Set.of("pdf")),
            new Format("JPEG", "image/jpeg", Set.of("jpg", "jpeg")),
            new Format("TIFF", "image/tiff", Set.of("tif", "tiff")),
            new Format("PNG", "image/png", Set.of("png")),
            new Format("JP2", "image/jp2", Set.of("jp2", "j2k")),
            new Format("XML", "application/xml", Set.of("xml")),
            new Format(
                    "DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Set.of("docx")),
            new Format("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Set.of("xlsx")));

    private final Set<String> families;

    /** The formats of these families (upper case, as {@link FileFormat#family()} names them). */
    public AcceptedFormats(Collection<String> families) {
        var set = new LinkedHashSet<String>();
        families.stream()
                .map(f -> f.strip().toUpperCase(Locale.ROOT))
                .filter(f -> !f.isEmpty())
                .forEach(set::add);
        this.families = Set.copyOf(set.isEmpty() ? defaultFamilies() : set);
    }

    /** All the filing formats of GB/T 18894-2016 (the default). */
    public static AcceptedFormats gbT18894() {
        return new AcceptedFormats(defaultFamilies());
    }

    /** The families of the formats with these media types (the old {@code siarchive.checks.archival-media-types}). */
    static List<String> familiesOfMediaTypes(Collection<String> mediaTypes) {
        return GB_T_18894.stream()
                .filter(f -> mediaTypes.stream().anyMatch(m -> m.strip().equalsIgnoreCase(f.mediaType())))
                .map(Format::family)
                .toList();
    }

    private static List<String> defaultFamilies() {
        return GB_T_18894.stream().map(Format::family).toList();
    }

    /** The accepted families, in no particular order. */
    public Set<String> families() {
        return families;
    }

    /** Whether a file identified as {@code format} is in an accepted format (readability aside). */
    public boolean accepts(FileFormat format) {
        return families.contains(format.family());
    }

    /** Whether a stored file recorded with {@code mediaType} is in an accepted format. */
    public boolean acceptsMediaType(String mediaType) {
        return GB_T_18894.stream().anyMatch(f -> f.mediaType().equals(mediaType) && families.contains(f.family()));
    }

    /**
     * The family a file name's extension claims ({@code 增员表.pdf} claims PDF), or null when the name has
     * no extension of a filing format. Checks compare it with the family found in the bytes (GD-1-10).
     */
    public static @Nullable String claimedBy(@Nullable String fileName) {
        if (fileName == null || fileName.lastIndexOf('.') < 0) {
            return null;
        }
        String ext = extension(fileName);
        return GB_T_18894.stream()
                .filter(f -> f.extensions().contains(ext))
                .map(Format::family)
                .findFirst()
                .orElse(null);
    }

    /** The lower-case extension of a file name after its last dot ("" when there is none). */
    public static String extension(String fileName) {
        return Optional.of(fileName.lastIndexOf('.'))
                .filter(i -> i >= 0)
                .map(i -> fileName.substring(i + 1).toLowerCase(Locale.ROOT))
                .orElse("");
    }
}
