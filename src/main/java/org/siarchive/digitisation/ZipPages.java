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
 * copied into the batch directory, checked against the file policy and stored in entry-name order as
 * {@code p00001.<ext>}; {@code manifest.csv} or {@code manifest.xlsx} is kept as CSV text. Entry names
 * are metadata only, so a path trick in the zip goes nowhere.
 */
final class ZipPages {

    /** A stored page: the sender's entry name (for display), its file in the batch directory, its SHA-256. */
    record StoredPage(String sourceName, String path, String sha256) {}

    /** What an upload held: its pages in order, and its manifest as CSV when it had one. */
    record Read(List<StoredPage> pages, @Nullable String manifest) {}

    private final Path dir;
    private final ZipGuard guard;
    private final FileSettings settings;
    private final FormatIdentifier formats;
    /** Entry name and page number within it → temporary file; sorted, so pages follow the entry names. */
    private final TreeMap<String, Path> entries = new TreeMap<>();

    private @Nullable String manifest;
    private int count;
    private long total;

    private ZipPages(Path dir, String name, FileSettings settings, FormatIdentifier formats) {
        this.dir = dir;
        this.guard = new ZipGuard(name, settings);
        this.settings = settings;
        this.formats = formats;
    }

    static Read read(InputStream zip, Path dir, String name, FileSettings settings, FormatIdentifier formats)
            throws IOException {
        var upload = new ZipPages(dir, name, settings, formats);
        var pages = upload.readAll(zip);
        if (pages.isEmpty()) {
            throw new InvalidInputException(Violation.of("file", "noPages"));
        }
        return new Read(pages, upload.manifest);
    }

    private List<StoredPage> readAll(InputStream zip) throws IOException {
        var raw = guard.counting(zip);
        try (var in = new ZipInputStream(raw, StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                guard.entry();
                accept(e, guard.expanding(in, e.getName(), raw));
            }
            return numberPages();
        } catch (java.util.zip.ZipException e) {
            throw new InvalidInputException(Violation.of("file", "zip"));
        }
    }

    private void accept(ZipEntry e, InputStream content) throws IOException {
        String entry = e.getName();
        String base = entry.substring(entry.lastIndexOf('/') + 1);
        if (e.isDirectory() || base.isEmpty() || base.startsWith(".") || entry.startsWith("__MACOSX")) {
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
        if (total > ScanBatches.MAX_BYTES) {
            throw new InvalidInputException(Violation.of("file", "fileTooLarge", ScanBatches.MAX_BYTES >> 20));
        }
        entries.put(entry + "\u0000" + "%05d".formatted(0), tmp);
    }

    private void countPage() {
        if (++count > ScanBatches.MAX_PAGES) {
            throw new InvalidInputException(Violation.of("file", "tooManyPages", ScanBatches.MAX_PAGES));
        }
    }

    /** Moves every page to its stored name, {@code p00001.<ext>} onwards, in entry-name order. */
    private List<StoredPage> numberPages() throws IOException {
        var pages = new ArrayList<StoredPage>();
        int seq = 0;
        for (var entry : entries.entrySet()) {
            seq++;
            String source = entry.getKey().substring(0, entry.getKey().indexOf('\u0000'));
            Path tmp = entry.getValue();
            String stored = "p%05d.%s"
                    .formatted(seq, PageFiles.extension(tmp.getFileName().toString()));
            Files.move(tmp, dir.resolve(stored));
            pages.add(new StoredPage(PageFiles.displayName(source), stored, PageFiles.sha256(dir.resolve(stored))));
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
