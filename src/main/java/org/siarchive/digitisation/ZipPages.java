package org.siarchive.digitisation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;
import org.siarchive.preservation.FileSettings;
import org.siarchive.preservation.FormatIdentifier;
import org.siarchive.preservation.ZipGuard;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.OriginalNames;
import org.siarchive.shared.Violation;

/**
 * Batch intake, one upload: the zip's page images (and a scanner PDF's pages, rendered to 300-dpi PNG) are
 * copied into a staging directory, checked against the file policy and moved into the batch directory in
 * entry-name order as {@code p00001.<ext>} (numbered on from the pages already stored, see {@link At});
 * {@code manifest.csv} or {@code manifest.xlsx} is kept as CSV text. Plain page files of one request
 * ({@link #readParts}) follow in the order sent, a zip among them in its entry-name order. Entry names are
 * metadata only, so a path trick in the zip goes nowhere. The batch caps count the pages and bytes stored
 * before.
 */
final class ZipPages {

    /** A stored page: the sender's entry name (for display), its file in the batch directory, its SHA-256. */
    record StoredPage(String sourceName, String path, String sha256) {}

    /** What an upload held: its pages in order, its manifest as CSV when it had one, its stored bytes. */
    record Read(List<StoredPage> pages, @Nullable String manifest, long bytes) {}

    /**
     * Where an upload goes: temporary files into {@code staging}, pages into {@code target} from
     * {@code pagesBefore + 1} on; {@code bytesBefore} counts toward the batch's byte cap; the caps.
     */
    record At(Path staging, Path target, int pagesBefore, long bytesBefore, int maxPages, long maxBytes) {}

    /** One file of a multipart upload: its name as sent and its content. */
    record Part(String name, IoSupplier content) {}

    /** Opens a part's content. */
    interface IoSupplier {
        InputStream open() throws IOException;
    }

    private final Path dir;
    private final At at;
    private final ZipGuard guard;
    private final FileSettings settings;
    private final FormatIdentifier formats;
    /** Entry name and page number within it → temporary file; sorted, so pages follow the entry names. */
    private final TreeMap<String, Path> entries = new TreeMap<>();

    private @Nullable String manifest;
    private int count;
    private long total;

    private ZipPages(At at, String name, FileSettings settings, FormatIdentifier formats) {
        this.dir = at.staging();
        this.at = at;
        this.count = at.pagesBefore();
        this.total = at.bytesBefore();
        this.guard = new ZipGuard(name, settings);
        this.settings = settings;
        this.formats = formats;
    }

    static Read read(InputStream zip, At at, String name, FileSettings settings, FormatIdentifier formats)
            throws IOException {
        var upload = new ZipPages(at, name, settings, formats);
        upload.readZip(zip, "");
        return upload.finish();
    }

    /** A request's files in the order sent: page images, scanner PDFs, zips, a manifest. */
    static Read readParts(List<Part> parts, At at, String name, FileSettings settings, FormatIdentifier formats)
            throws IOException {
        var upload = new ZipPages(at, name, settings, formats);
        for (int i = 0; i < parts.size(); i++) {
            var part = parts.get(i);
            String order = "%05d\u0001".formatted(i);
            String base = PageFiles.displayName(part.name().replace('\\', '/'));
            try (var in = part.content().open()) {
                if (base.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                    upload.readZip(in, order);
                } else {
                    upload.accept(order, base.substring(base.lastIndexOf('/') + 1), false, in);
                }
            }
        }
        return upload.finish();
    }

    private Read finish() throws IOException {
        var pages = numberPages();
        if (pages.isEmpty()) {
            throw new InvalidInputException(Violation.of("file", "noPages"));
        }
        return new Read(pages, manifest, total - at.bytesBefore());
    }

    private void readZip(InputStream zip, String order) throws IOException {
        var raw = guard.counting(zip);
        try (var in = new ZipInputStream(raw, StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                guard.entry();
                accept(order, e.getName(), e.isDirectory(), guard.expanding(in, e.getName(), raw));
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) { // not a zip, or one cut off
            throw new InvalidInputException(Violation.of("file", "zip"));
        }
    }

    private void accept(String order, String name, boolean directory, InputStream content) throws IOException {
        String entry = order + name;
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (directory || base.isEmpty() || base.startsWith(".") || name.startsWith("__MACOSX")) {
            return;
        }
        if (base.equalsIgnoreCase("manifest.csv")) {
            manifest = new String(content.readNBytes(1 << 20), StandardCharsets.UTF_8);
        } else if (base.equalsIgnoreCase("manifest.xlsx")) {
            manifest = ExcelManifest.toCsv(content.readNBytes(5 << 20));
        } else if (base.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            addPdf(entry, base, content);
        } else {
            addImage(entry, base, content);
        }
    }

    /** A scanner's PDF: each page becomes a 300-dpi PNG page of the batch. */
    private void addPdf(String entry, String base, InputStream content) throws IOException {
        String prefix = "upload-" + (count + 1);
        Path pdf = dir.resolve(prefix + ".pdf");
        total += PageFiles.copyLimited(content, pdf);
        requireFilePolicy(pdf, base);
        int pageNo = 0;
        for (Path png : PdfPages.render(pdf, dir, prefix + "-", settings.maxImagePixels())) {
            countPage();
            entries.put(entry + "\u0000" + "%05d".formatted(++pageNo), png);
        }
        Files.delete(pdf);
    }

    private void addImage(String entry, String base, InputStream content) throws IOException {
        String ext = PageFiles.extension(base);
        if (ext == null) {
            throw new InvalidInputException(Violation.of("file", "scanFormat", base));
        }
        countPage();
        Path tmp = dir.resolve("upload-" + count + "." + ext);
        long size = PageFiles.copyLimited(content, tmp);
        requireFilePolicy(tmp, base);
        total += size;
        if (total > at.maxBytes()) {
            throw new InvalidInputException(Violation.of("file", "fileTooLarge", at.maxBytes() >> 20));
        }
        entries.put(entry + "\u0000" + "%05d".formatted(0), tmp);
    }

    private void countPage() {
        if (++count > at.maxPages()) {
            throw new InvalidInputException(Violation.of("file", "tooManyPages", at.maxPages()));
        }
    }

    /** Moves every page to its stored name in the batch directory, in entry-name order, numbered on. */
    private List<StoredPage> numberPages() throws IOException {
        var pages = new ArrayList<StoredPage>();
        int seq = at.pagesBefore();
        for (var entry : entries.entrySet()) {
            seq++;
            String key = entry.getKey();
            String source = key.substring(key.indexOf('\u0001') + 1, key.indexOf('\u0000'));
            Path tmp = entry.getValue();
            String stored = "p%05d.%s"
                    .formatted(seq, PageFiles.extension(tmp.getFileName().toString()));
            Path target = at.target().resolve(stored);
            Files.move(tmp, target);
            PageFiles.syncFile(target);
            pages.add(new StoredPage(PageFiles.displayName(source), stored, PageFiles.sha256(target)));
        }
        return pages;
    }

    /**
     * A page or scanner PDF must pass the file policy before anything decodes it (docs/adr/0033): it
     * parses, is within the pixel and page caps, carries no active content and is no polyglot.
     */
    private void requireFilePolicy(Path file, String entryName) {
        var format = formats.identify(file);
        String name = OriginalNames.clean(entryName);
        if (!format.readable()) {
            throw new InvalidInputException(Violation.of("file", "formatUnreadable", name));
        }
        var refusal = format.refusal();
        if (refusal != null) {
            throw new InvalidInputException(refusal.violation("file", name));
        }
    }
}
