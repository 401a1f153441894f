package org.siarchive.digitisation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.Catalog;
import org.siarchive.platform.DataDirectory;
import org.siarchive.preservation.FileSettings;
import org.siarchive.preservation.FormatIdentifier;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scan batches: a zip of page images (TIFF, JPEG, PNG) with an optional {@code manifest.csv} that groups
 * pages into items. Intake stores the pages ({@link ZipPages}: written and synced before the rows commit),
 * {@link BatchRegistration} writes the rows, and the {@link BatchWorker} processes the pages in the
 * background; this class also answers a batch's progress.
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
    private final Catalog catalog;
    private final FormatIdentifier formats;
    private final FileSettings fileSettings;
    private final BatchRegistration registration;
    private final Path root;

    ScanBatches(
            JdbcClient jdbc,
            TransactionTemplate tx,
            Catalog catalog,
            FormatIdentifier formats,
            FileSettings fileSettings,
            BatchRegistration registration,
            DataDirectory data) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.catalog = catalog;
        this.formats = formats;
        this.fileSettings = fileSettings;
        this.registration = registration;
        this.root = data.resolve("digitisation");
    }

    Path dir(UUID batch) {
        return root.resolve(batch.toString());
    }

    /** Reads the zip, stores the pages, registers batch, items and pages; processing starts in the background. */
    public UUID create(String name, String fondsCode, boolean ocr, int samplePercent, InputStream zip, Access access) {
        validate(name, fondsCode, samplePercent, access);
        UUID id = UUID.randomUUID();
        Path dir = dir(id);
        try {
            Files.createDirectories(dir);
            var upload = ZipPages.read(zip, dir, name.strip(), fileSettings, formats);
            int pageCount = upload.pages().size();
            String manifest = upload.manifest();
            var items = manifest == null ? Manifest.wholeBatch(pageCount) : Manifest.parse(manifest, pageCount);
            PageFiles.syncDirectory(dir);
            var batch = new BatchRegistration.NewBatch(
                    id, name.strip(), fondsCode, ocr, samplePercent, manifest == null ? "COVER" : "MANIFEST");
            tx.executeWithoutResult(s -> registration.register(batch, upload.pages(), items, access));
            return id;
        } catch (IOException e) {
            PageFiles.deleteQuietly(dir);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            PageFiles.deleteQuietly(dir);
            throw e;
        }
    }

    private void validate(@Nullable String name, String fondsCode, int samplePercent, Access access) {
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
                   (select count(*) from scan_page p where p.batch_id = b.id and p.superseded_at is null and p.status <> 'PENDING') as done,
                   (select count(*) from scan_page p where p.batch_id = b.id and p.superseded_at is null and p.status = 'ERROR') as errors,
                   (select count(*) from scan_page p where p.batch_id = b.id and p.superseded_at is null and p.flags <> '') as flagged,
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
