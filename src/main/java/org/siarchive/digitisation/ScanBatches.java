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
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scan batches: page images (TIFF, JPEG, PNG, scanner PDFs) with an optional manifest that groups pages
 * into items. A batch is opened, filled upload by upload ({@link ScanIntake}: pages written and synced
 * before their rows commit), and submitted; {@link BatchRegistration} writes the rows of each step and the
 * {@link BatchWorker} processes the pages in the background. The console's one-shot zip upload is the
 * same three steps in one transaction; the scanning-station API makes one call of each (docs/adr/0061).
 * This class is also the one scope door of a batch: {@link #progress} and {@link #list} — a caller who
 * may use the scanning station but not see every batch (a vendor) sees only the batches it opened.
 */
@Component
public class ScanBatches {

    static final String CERT_CONTEXT = "scan_item.cert_no";
    static final String TEXT_CONTEXT = "scan_page.ocr_text";
    static final String WORDS_CONTEXT = "scan_page.ocr_words";
    static final String SCAN = "digitisation:scan";
    static final String STATION = "digitisation:station";
    static final int MAX_PAGES = 5000;
    static final long MAX_BYTES = 4L << 30;
    static final long MAX_PAGE_BYTES = 200L << 20;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Catalog catalog;
    private final BatchRegistration registration;
    private final ScanIntake intake;
    private final Path root;

    ScanBatches(
            JdbcClient jdbc,
            TransactionTemplate tx,
            Catalog catalog,
            BatchRegistration registration,
            ScanIntake intake,
            DataDirectory data,
            @org.springframework.beans.factory.annotation.Value("${siarchive.digitisation.dir:}") String dir) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.catalog = catalog;
        this.registration = registration;
        this.intake = intake;
        this.root = ScanIntake.workspace(data, dir);
    }

    Path dir(UUID batch) {
        return intake.dir(batch);
    }

    /**
     * The console's one-shot upload: reads the zip, stores the pages, then opens, fills and submits the
     * batch in one transaction; processing starts in the background.
     */
    public UUID create(String name, String fondsCode, boolean ocr, int samplePercent, InputStream zip, Access access) {
        validate(name, fondsCode, samplePercent, access);
        var batch =
                new BatchRegistration.NewBatch(UUID.randomUUID(), name.strip(), fondsCode, ocr, samplePercent, false);
        Path dir = dir(batch.id());
        try {
            Files.createDirectories(dir);
            var upload = intake.stage(dir, 0, 0, intake.zip(zip, batch.name()));
            tx.executeWithoutResult(s -> {
                registration.open(batch, access);
                registration.append(batch.id(), 0, upload, null, access);
                registration.submit(batch.id(), access);
            });
            return batch.id();
        } catch (IOException e) {
            PageFiles.deleteQuietly(dir);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            PageFiles.deleteQuietly(dir);
            throw e;
        }
    }

    /** Opens an empty batch for uploads (the scanning-station API). */
    public UUID open(String name, String fondsCode, boolean ocr, int samplePercent, Access access) {
        validate(name, fondsCode, samplePercent, access);
        var batch =
                new BatchRegistration.NewBatch(UUID.randomUUID(), name.strip(), fondsCode, ocr, samplePercent, true);
        try {
            Files.createDirectories(dir(batch.id()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tx.executeWithoutResult(s -> registration.open(batch, access));
        return batch.id();
    }

    /** Appends a request's files (page images, scanner PDFs, zips) to an open batch in scope. */
    ScanIntake.Appended upload(UUID batch, List<ZipPages.Part> parts, @Nullable String idempotencyKey, Access access) {
        var b = progress(batch, access);
        return intake.append(batch, idempotencyKey, intake.parts(parts, b.name()), access);
    }

    /** Attaches a manifest ({@code .csv} or {@code .xlsx}) to an open batch in scope. */
    void attachManifest(UUID batch, String fileName, byte[] content, Access access) {
        progress(batch, access);
        String csv = fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")
                ? ExcelManifest.toCsv(content)
                : new String(content, StandardCharsets.UTF_8);
        tx.executeWithoutResult(s -> registration.attachManifest(batch, csv, access));
    }

    /** Closes an open batch in scope: registers its items and starts processing; answers the item count. */
    int submit(UUID batch, Access access) {
        progress(batch, access);
        return intake.submit(batch, access);
    }

    private void validate(@Nullable String name, String fondsCode, int samplePercent, Access access) {
        var v = new ArrayList<Violation>();
        if (name == null || name.isBlank() || name.length() > 200) {
            v.add(Violation.of("name", "required"));
        }
        if (samplePercent < 5 || samplePercent > 100) {
            v.add(Violation.of("samplePercent", "range", 5, 100));
        }
        if (fondsCode == null || !catalog.fondsInScope(fondsCode, access.scope())) {
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
            java.time.OffsetDateTime createdAt,
            String createdBy,
            boolean viaApi) {}

    /**
     * Whose batches a caller sees besides its scope: its own only when it may use the scanning station
     * but not see the batches of its scope (a vendor's account or token), everyone's otherwise (null).
     */
    static @Nullable String ownerOnly(Access access) {
        return access.can(STATION) && !access.can(SCAN) ? access.actor().name() : null;
    }

    public List<Progress> list(Access access) {
        return jdbc.sql(PROGRESS + " where b.org_path like :org" + OWNER + " order by b.created_at desc limit 100")
                .param("org", access.scope().orgPattern())
                .param("owner", ownerOnly(access))
                .query(ScanBatches::progress)
                .list();
    }

    /** A batch in the caller's scope (and, for a vendor, of its own), else 404 as for no batch at all. */
    public Progress progress(UUID id, Access access) {
        return jdbc.sql(PROGRESS + " where b.id = :id and b.org_path like :org" + OWNER)
                .param("id", id)
                .param("org", access.scope().orgPattern())
                .param("owner", ownerOnly(access))
                .query(ScanBatches::progress)
                .optional()
                .orElseThrow(() -> new NotFoundException("SCAN_BATCH", id.toString()));
    }

    private static final String OWNER = " and (cast(:owner as varchar) is null or b.created_by = :owner)";

    private static final String PROGRESS =
            """
            select b.id, b.name, b.fonds_code, b.status, b.ocr, b.pages_total, b.created_at, b.created_by, b.via_api,
                   (select count(*) from scan_page p where p.batch_id = b.id and p.superseded_at is null and p.status <> 'PENDING') as done,
                   (select count(*) from scan_page p where p.batch_id = b.id and p.superseded_at is null and p.status = 'ERROR') as errors,
                   (select count(*) from scan_page p where p.batch_id = b.id and p.superseded_at is null and p.flags <> '') as flagged,
                   extract(epoch from (coalesce(b.finished_at, now()) - coalesce(b.submitted_at, b.created_at))) as elapsed
            from scan_batch b
            """;

    private static Progress progress(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        int total = rs.getInt("pages_total");
        int done = rs.getInt("done");
        double elapsed = rs.getDouble("elapsed");
        Long left = done == 0 || done >= total || rs.getString("status").equals("OPEN")
                ? null
                : Math.round(elapsed / done * (total - done));
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
                rs.getObject("created_at", java.time.OffsetDateTime.class),
                rs.getString("created_by"),
                rs.getBoolean("via_api"));
    }

    Optional<String> pagePath(UUID batch, int seq) {
        return jdbc.sql("select path from scan_page where batch_id = :b and seq = :s")
                .param("b", batch)
                .param("s", seq)
                .query(String.class)
                .optional();
    }
}
