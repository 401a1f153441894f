package org.siarchive.digitisation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditTrail;
import org.siarchive.catalog.Catalog;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.platform.DataDirectory;
import org.siarchive.preservation.FileSettings;
import org.siarchive.preservation.FormatIdentifier;
import org.siarchive.preservation.ZipGuard;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.OriginalNames;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scan batches: a zip of page images (TIFF, JPEG, PNG) with an optional {@code manifest.csv} that groups
 * pages into items. Entry names are metadata only: pages are stored as {@code p00001.<ext>} in the
 * batch's directory (written and synced before the rows commit), so a path trick in the zip goes nowhere.
 */
@Component
public class ScanBatches {

    static final String CERT_CONTEXT = "scan_item.cert_no";
    static final String TEXT_CONTEXT = "scan_page.ocr_text";
    static final String WORDS_CONTEXT = "scan_page.ocr_words";
    static final int MAX_PAGES = 5000;
    static final long MAX_BYTES = 4L << 30;
    static final long MAX_PAGE_BYTES = 200L << 20;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final FieldCipher cipher;
    private final Catalog catalog;
    private final FormatIdentifier formats;
    private final FileSettings fileSettings;
    private final Path root;

    ScanBatches(
            JdbcClient jdbc,
            TransactionTemplate tx,
            AuditTrail audit,
            FieldCipher cipher,
            Catalog catalog,
            FormatIdentifier formats,
            FileSettings fileSettings,
            DataDirectory data) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.cipher = cipher;
        this.catalog = catalog;
        this.formats = formats;
        this.fileSettings = fileSettings;
        this.root = data.resolve("digitisation");
    }

    Path dir(UUID batch) {
        return root.resolve(batch.toString());
    }

    /** A manifest line: which pages form an item, and what is known about it. */
    record ManifestItem(
            int from,
            int to,
            @Nullable String step,
            @Nullable String certNo,
            @Nullable String name,
            @Nullable String title) {}

    /** Reads the zip, stores the pages, registers batch, items and pages; processing starts in the background. */
    public UUID create(String name, String fondsCode, boolean ocr, int samplePercent, InputStream zip, Access access) {
        var v = new ArrayList<Violation>();
        if (name == null || name.isBlank() || name.length() > 200) {
            v.add(Violation.of("name", "required"));
        }
        if (samplePercent < 5 || samplePercent > 100) {
            v.add(Violation.of("samplePercent", "range", 5, 100));
        }
        if (!catalog.fondsInScope(fondsCode, access.scope())) {
            v.add(Violation.of("fondsCode", "outOfScope", fondsCode));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        UUID id = UUID.randomUUID();
        Path dir = dir(id);
        try {
            Files.createDirectories(dir);
            var pages = new ArrayList<String[]>(); // source name, stored name, sha256
            String manifest = null;
            long total = 0;
            var guard = new ZipGuard(name.strip(), fileSettings);
            var raw = guard.counting(zip);
            try (var in = new ZipInputStream(raw, StandardCharsets.UTF_8)) {
                ZipEntry e;
                var entries = new java.util.TreeMap<String, Path>();
                int n = 0;
                while ((e = in.getNextEntry()) != null) {
                    guard.entry();
                    String entry = e.getName();
                    var content = guard.expanding(in, entry, raw);
                    String base = entry.substring(entry.lastIndexOf('/') + 1);
                    if (e.isDirectory() || base.isEmpty() || base.startsWith(".") || entry.startsWith("__MACOSX")) {
                        continue;
                    }
                    if (base.equalsIgnoreCase("manifest.csv")) {
                        manifest = new String(content.readNBytes(1 << 20), StandardCharsets.UTF_8);
                        continue;
                    }
                    if (base.equalsIgnoreCase("manifest.xlsx")) {
                        manifest = ExcelManifest.toCsv(content.readNBytes(5 << 20));
                        continue;
                    }
                    if (base.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
                        // a scanner's PDF: each page becomes a 300-dpi PNG page of the batch
                        Path pdf = dir.resolve("upload-" + (n + 1) + ".pdf");
                        total += copyLimited(content, pdf);
                        requireFilePolicy(pdf, base);
                        int pageNo = 0;
                        for (Path png :
                                PdfPages.render(pdf, dir, "upload-" + (n + 1) + "-", fileSettings.maxImagePixels())) {
                            if (++n > MAX_PAGES) {
                                throw new InvalidInputException(Violation.of("file", "tooManyPages", MAX_PAGES));
                            }
                            entries.put(entry + "\u0000" + "%05d".formatted(++pageNo), png);
                        }
                        Files.delete(pdf);
                        continue;
                    }
                    String ext = extension(base);
                    if (ext == null) {
                        throw new InvalidInputException(Violation.of("file", "scanFormat", base));
                    }
                    if (++n > MAX_PAGES) {
                        throw new InvalidInputException(Violation.of("file", "tooManyPages", MAX_PAGES));
                    }
                    Path tmp = dir.resolve("upload-" + n + "." + ext);
                    long size = copyLimited(content, tmp);
                    requireFilePolicy(tmp, base);
                    total += size;
                    if (total > MAX_BYTES) {
                        throw new InvalidInputException(Violation.of("file", "fileTooLarge", MAX_BYTES >> 20));
                    }
                    entries.put(entry + "\u0000" + "%05d".formatted(0), tmp);
                }
                int seq = 0;
                for (var entry : entries.entrySet()) {
                    seq++;
                    String source = entry.getKey().substring(0, entry.getKey().indexOf('\u0000'));
                    Path tmp = entry.getValue();
                    String stored = "p%05d.%s"
                            .formatted(seq, extension(tmp.getFileName().toString()));
                    Files.move(tmp, dir.resolve(stored));
                    pages.add(new String[] {displayName(source), stored, sha256(dir.resolve(stored))});
                }
            } catch (java.util.zip.ZipException e) {
                throw new InvalidInputException(Violation.of("file", "zip"));
            }
            if (pages.isEmpty()) {
                throw new InvalidInputException(Violation.of("file", "noPages"));
            }
            var items = manifest == null
                    ? List.of(new ManifestItem(1, pages.size(), null, null, null, null))
                    : manifest(manifest, pages.size());
            syncDirectory(dir);
            String split = manifest == null ? "COVER" : "MANIFEST";
            tx.executeWithoutResult(
                    s -> register(id, name.strip(), fondsCode, ocr, samplePercent, pages, items, split, access));
            return id;
        } catch (IOException e) {
            deleteQuietly(dir);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(dir);
            throw e;
        }
    }

    private void register(
            UUID id,
            String name,
            String fonds,
            boolean ocr,
            int sample,
            List<String[]> pages,
            List<ManifestItem> items,
            String split,
            Access access) {
        jdbc.sql(
                        """
                insert into scan_batch (id, name, fonds_code, org_path, ocr, sample_percent, status, pages_total, created_by, split)
                values (:id, :name, :fonds, :org, :ocr, :sample, 'PROCESSING', :total, :by, :split)
                """)
                .param("split", split)
                .param("id", id)
                .param("name", name)
                .param("fonds", fonds)
                .param("org", access.scope().orgPath())
                .param("ocr", ocr)
                .param("sample", sample)
                .param("total", pages.size())
                .param("by", access.actor().name())
                .update();
        var itemIds = new ArrayList<UUID>();
        int seq = 0;
        for (var it : items) {
            UUID itemId = UUID.randomUUID();
            itemIds.add(itemId);
            jdbc.sql(
                            """
                    insert into scan_item (id, batch_id, seq, business_step, cert_no_enc, person_name, title, expected_pages, status)
                    values (:id, :batch, :seq, :step, :cert, :name, :title, :expected, 'PENDING')
                    """)
                    .param("id", itemId)
                    .param("batch", id)
                    .param("seq", ++seq)
                    .param("step", it.step())
                    .param("cert", cipher.encrypt(it.certNo(), CERT_CONTEXT))
                    .param("name", it.name())
                    .param("title", it.title())
                    .param("expected", split.equals("MANIFEST") ? it.to() - it.from() + 1 : null)
                    .update();
        }
        for (int i = 0; i < pages.size(); i++) {
            int page = i + 1;
            UUID itemId = null;
            for (int k = 0; k < items.size(); k++) {
                if (page >= items.get(k).from() && page <= items.get(k).to()) {
                    itemId = itemIds.get(k);
                }
            }
            jdbc.sql(
                            """
                    insert into scan_page (batch_id, item_id, seq, source_name, path, sha256, status)
                    values (:batch, :item, :seq, :source, :path, :sha, 'PENDING')
                    """)
                    .param("batch", id)
                    .param("item", itemId)
                    .param("seq", page)
                    .param("source", pages.get(i)[0])
                    .param("path", pages.get(i)[1])
                    .param("sha", pages.get(i)[2])
                    .update();
        }
        audit.record(
                access.actor(),
                "SCAN_BATCH",
                id.toString(),
                "CREATE",
                null,
                name + ": " + pages.size() + " pages, " + items.size() + " items, fonds " + fonds
                        + (ocr ? ", OCR" : ""));
    }

    /** {@code pages,business_step,cert_no,name,title} per line, pages as {@code 3} or {@code 3-5}; a header line. */
    static List<ManifestItem> manifest(String csv, int pageCount) {
        var out = new ArrayList<ManifestItem>();
        var lines = csv.replace("\uFEFF", "").split("\\R");
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            try {
                String[] range = f[0].strip().split("-");
                int from = Integer.parseInt(range[0].strip());
                int to = range.length > 1 ? Integer.parseInt(range[1].strip()) : from;
                if (from < 1 || to < from) {
                    throw new NumberFormatException();
                }
                out.add(new ManifestItem(from, to, blank(f, 1), blank(f, 2), blank(f, 3), blank(f, 4)));
            } catch (RuntimeException e) {
                throw new InvalidInputException(Violation.of("manifest", "manifestLine", i + 1));
            }
        }
        if (out.isEmpty()) {
            throw new InvalidInputException(Violation.of("manifest", "manifestLine", 2));
        }
        return out;
    }

    /** The sender's entry path, its names cleaned as every original file name is (no bidi, no controls, NFC). */
    private static String displayName(String source) {
        var parts = new ArrayList<String>();
        for (String part : source.split("/")) {
            if (!part.isBlank()) {
                parts.add(OriginalNames.clean(part));
            }
        }
        String shown = String.join("/", parts);
        return shown.length() > 255 ? shown.substring(shown.length() - 255) : shown;
    }

    private static @Nullable String blank(String[] f, int i) {
        return i < f.length && !f[i].isBlank() ? f[i].strip() : null;
    }

    private static @Nullable String extension(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (var e : Map.of(".png", "png", ".jpg", "jpg", ".jpeg", "jpg", ".tif", "tif", ".tiff", "tif")
                .entrySet()) {
            if (n.endsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
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

    private static long copyLimited(InputStream in, Path target) throws IOException {
        long n = 0;
        byte[] buf = new byte[64 * 1024];
        try (var out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                n += r;
                if (n > MAX_PAGE_BYTES) {
                    throw new InvalidInputException(Violation.of("file", "fileTooLarge", MAX_PAGE_BYTES >> 20));
                }
                out.write(buf, 0, r);
            }
        }
        try (var ch = java.nio.channels.FileChannel.open(target, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        return n;
    }

    private static String sha256(Path p) throws IOException {
        try {
            var md = MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(p)) {
                byte[] buf = new byte[64 * 1024];
                int r;
                while ((r = in.read(buf)) > 0) {
                    md.update(buf, 0, r);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void syncDirectory(Path dir) {
        try (var ch = java.nio.channels.FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a directory; the files themselves are synced
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // nothing to clean
        }
    }

    /**
     * A batch from a folder in the scanning inbox ({@code siarchive.digitisation.inbox}, default
     * {@code data/inbox}): the folder's files, as if uploaded in a zip. Only a direct child of the inbox
     * can be named, so no other server path is reachable.
     */
    public UUID createFromFolder(
            String name, String fondsCode, boolean ocr, int samplePercent, String folder, Access access) {
        Path inbox = root.getParent().resolve("inbox").toAbsolutePath().normalize();
        if (folder == null || !folder.matches("[\\p{L}\\p{N}_.\\-]{1,100}") || folder.startsWith(".")) {
            throw new InvalidInputException(Violation.of("folder", "format"));
        }
        Path dir = inbox.resolve(folder).normalize();
        if (!dir.startsWith(inbox) || !Files.isDirectory(dir)) {
            throw new NotFoundException("INBOX_FOLDER", folder);
        }
        try {
            Path zip = Files.createTempFile("inbox", ".zip");
            try {
                try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip), StandardCharsets.UTF_8);
                        var files = Files.list(dir)) {
                    out.setLevel(0);
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        out.putNextEntry(new ZipEntry(f.getFileName().toString()));
                        Files.copy(f, out);
                        out.closeEntry();
                    }
                }
                try (var in = Files.newInputStream(zip)) {
                    return create(name, fondsCode, ocr, samplePercent, in, access);
                }
            } finally {
                Files.deleteIfExists(zip);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Progress of a batch. */
    public record Progress(
            UUID id,
            String name,
            String fondsCode,
            String status,
            boolean ocr,
            int pagesTotal,
            int pagesDone,
            int pageErrors,
            int flagged,
            @Nullable Long secondsLeft,
            java.time.OffsetDateTime createdAt) {}

    public List<Progress> list(Access access) {
        return jdbc.sql(PROGRESS + " where b.org_path like :org order by b.created_at desc limit 100")
                .param("org", access.scope().orgPattern())
                .query(ScanBatches::progress)
                .list();
    }

    public Progress progress(UUID id, Access access) {
        return jdbc.sql(PROGRESS + " where b.id = :id and b.org_path like :org")
                .param("id", id)
                .param("org", access.scope().orgPattern())
                .query(ScanBatches::progress)
                .optional()
                .orElseThrow(() -> new NotFoundException("SCAN_BATCH", id.toString()));
    }

    private static final String PROGRESS =
            """
            select b.id, b.name, b.fonds_code, b.status, b.ocr, b.pages_total, b.created_at,
                   (select count(*) from scan_page p where p.batch_id = b.id and p.status <> 'PENDING') as done,
                   (select count(*) from scan_page p where p.batch_id = b.id and p.status = 'ERROR') as errors,
                   (select count(*) from scan_page p where p.batch_id = b.id and p.flags <> '') as flagged,
                   extract(epoch from (coalesce(b.finished_at, now()) - b.created_at)) as elapsed
            from scan_batch b
            """;

    private static Progress progress(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        int total = rs.getInt("pages_total");
        int done = rs.getInt("done");
        double elapsed = rs.getDouble("elapsed");
        Long left = done == 0 || done >= total ? null : Math.round(elapsed / done * (total - done));
        return new Progress(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("fonds_code"),
                rs.getString("status"),
                rs.getBoolean("ocr"),
                total,
                done,
                rs.getInt("errors"),
                rs.getInt("flagged"),
                left,
                rs.getObject("created_at", java.time.OffsetDateTime.class));
    }

    Optional<String> pagePath(UUID batch, int seq) {
        return jdbc.sql("select path from scan_page where batch_id = :b and seq = :s")
                .param("b", batch)
                .param("s", seq)
                .query(String.class)
                .optional();
    }
}
