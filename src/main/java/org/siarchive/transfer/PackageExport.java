package org.siarchive.transfer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.GuardedOperation;
import org.siarchive.catalog.ItemGuards;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.catalog.ItemState;
import org.siarchive.catalog.ScopedItems;
import org.siarchive.crypto.SigningKey;
import org.siarchive.crypto.Sm3;
import org.siarchive.preservation.Digester;
import org.siarchive.preservation.Fixity;
import org.siarchive.preservation.Preservation;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a package of chosen items to a temporary zip: per item an EEP ({@code eep/NNNN.xml}) or, as a
 * folder package, {@code metadata/NNNN.xml} with {@code content/NNNN/<file>} and a {@code digests.sm3}
 * line per file; then the signed manifest. Content is read through fixity verification. The export is
 * recorded and audited per package and per item.
 */
@Component
class PackageExport {

    private final Catalog catalog;
    private final Preservation preservation;
    private final TransferKey key;
    private final TransferSettings settings;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditTrail audit;

    /** Items read from the catalogue at once while the package is written. */
    static final int CHUNK = 500;

    private final ReadableTime time;
    private final ItemGuards guards;
    private final ScopedItems scopedItems;

    PackageExport(
            Catalog catalog,
            Preservation preservation,
            TransferKey key,
            TransferSettings settings,
            JdbcClient jdbc,
            TransactionTemplate tx,
            AuditTrail audit,
            ReadableTime time,
            ItemGuards guards,
            ScopedItems scopedItems) {
        this.scopedItems = scopedItems;
        this.time = time;
        this.guards = guards;
        this.catalog = catalog;
        this.preservation = preservation;
        this.key = key;
        this.settings = settings;
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
    }

    TransferPackages.Exported export(
            List<UUID> itemIds, TransferPackages.Format format, Access access, IntConsumer progress) {
        return export(itemIds, format, access, progress, settings.exportThreadCount());
    }

    /** The export with {@code threads} building and signing the items (docs/adr/0125); the package is the same. */
    TransferPackages.Exported export(
            List<UUID> itemIds, TransferPackages.Format format, Access access, IntConsumer progress, int threads) {
        if (itemIds.isEmpty()) {
            throw new InvalidInputException(Violation.of("items", "required"));
        }
        if (itemIds.size() > settings.maxExportItems()) { // bounded memory: a larger transfer is several packages
            throw new InvalidInputException(Violation.of("items", "exportTooManyItems", settings.maxExportItems()));
        }
        requirePreserved(itemIds, access);
        // asked before the package is written, and again in the transaction that registers it (docs/adr/0071)
        guards.check(itemIds, GuardedOperation.TRANSFER_OUT);
        UUID packageId = UUID.randomUUID();
        long bytes = 0;
        Path file;
        try {
            file = Files.createTempFile("siarchive-transfer-", ".zip");
            try (var zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024))) {
                bytes = writeItems(zip, itemIds, format, packageId, new Progress(progress, threads));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String sm3;
        try {
            sm3 = Digester.of(file).sm3();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long total = bytes;
        tx.executeWithoutResult(s -> register(packageId, format, itemIds, total, sm3, access));
        return new TransferPackages.Exported(packageId, file, itemIds.size(), total, sm3);
    }

    /**
     * Each item within the caller's scope and preserved, checked {@value #CHUNK} at a time; nothing is kept, so a
     * package of 100,000 items holds no list of them (docs/adr/0119): the writer reads them again.
     */
    private void requirePreserved(List<UUID> itemIds, Access access) {
        for (int from = 0; from < itemIds.size(); from += CHUNK) {
            var chunk = itemIds.subList(from, Math.min(itemIds.size(), from + CHUNK));
            for (var item : scopedItems.require(chunk, access.scope())) {
                if (item.state() == ItemState.DESTROYED) { // 409: no content to export (ADR 0070)
                    throw new ConflictException("conflict.transfer.itemDestroyed", item.archiveCode());
                }
                if (!item.preserved()) {
                    throw new InvalidInputException(Violation.of("items", "notPreserved", item.archiveCode()));
                }
            }
        }
    }

    /** The export's register row and its audit entries: one for the package, one per item. */
    private void register(
            UUID packageId, TransferPackages.Format format, List<UUID> items, long total, String sm3, Access access) {
        guards.check(items, GuardedOperation.TRANSFER_OUT);
        jdbc.sql(
                        """
                insert into transfer_export (package_id, format, items, content_bytes, package_sm3, created_by)
                values (:p, :f, :n, :b, :s, :by)
                """)
                .param("p", packageId)
                .param("f", format.name())
                .param("n", items.size())
                .param("b", total)
                .param("s", sm3)
                .param("by", access.actor().name())
                .update();
        audit.record(
                access.actor(),
                AuditedObject.TRANSFER_PACKAGE,
                packageId.toString(),
                AuditOperation.EXPORT,
                null,
                AuditDetail.of("audit.detail.packageExported", format, items.size(), total, sm3)
                        .encoded());
        String pkg = packageId.toString(); // one string for every item's entry: 100,000 of them wait for the commit
        for (var item : items) {
            audit.record(
                    access.actor(), AuditedObject.ITEM, item.toString(), AuditOperation.TRANSFER_EXPORT, null, pkg);
        }
    }

    /**
     * Writes every item and the manifest, reading the items {@value #CHUNK} at a time and spilling the manifest
     * entries and digest lines to temporary files (docs/adr/0119); the items are read and built on a bounded pool and
     * written here in order (docs/adr/0125). Returns the content bytes written.
     */
    private long writeItems(
            ZipOutputStream zip, List<UUID> itemIds, TransferPackages.Format format, UUID packageId, Progress progress)
            throws IOException {
        boolean folder = format == TransferPackages.Format.FOLDER;
        var now = time.at(catalog.now());
        var signingKey = key.key(); // loaded here once, before the threads that sign with it
        var bytes = new long[1];
        try (var manifest = new Manifest.Writer();
                var digestLines = new SpillFile("siarchive-digests-");
                var pool = new OrderedPool<Built>("transfer-export", progress.threads, built -> {
                    bytes[0] += built.bytes();
                    put(zip, built, manifest, folder ? digestLines : null);
                    progress.written();
                })) {
            int n = 0;
            for (int from = 0; from < itemIds.size(); from += CHUNK) {
                for (var item : catalog.items(itemIds.subList(from, Math.min(itemIds.size(), from + CHUNK)))) {
                    String no = "%04d".formatted(++n);
                    pool.submit(() -> build(item, no, folder, now, signingKey));
                }
            }
            pool.drain();
            if (folder) {
                zip.putNextEntry(new ZipEntry("digests.sm3"));
                digestLines.copyTo(zip);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(Manifest.NAME));
            manifest.writeTo(zip, packageId, format, now.toOffsetDateTime(), settings.unit(), bytes[0], signingKey);
            zip.closeEntry();
        }
        return bytes[0];
    }

    /** One item's part of the package, made off the writing thread: its content files (folder) and its signed EEP. */
    private record Built(
            String archiveCode, String metadataName, List<Part> content, byte[] xml, String xmlSm3, long bytes) {}

    /** A content file of a folder package: its path in the package, its bytes and their SM3. */
    private record Part(String path, byte[] data, String sm3) {}

    /** Reads the item's files through fixity and writes and signs its EEP: the CPU of the export. */
    private Built build(ItemRecord item, String no, boolean folder, ZonedDateTime now, SigningKey signingKey)
            throws IOException {
        var contents = new LinkedHashMap<Integer, Eep.Content>();
        var parts = new ArrayList<Part>();
        long bytes = 0;
        for (var f : item.files()) {
            byte[] data = read(item, f);
            bytes += data.length;
            if (folder) {
                String path = "content/" + no + "/" + Eep.fileName(f.logicalPath());
                parts.add(new Part(path, data, f.sm3()));
                contents.put(f.seq(), new Eep.Content(null, path));
            } else {
                contents.put(f.seq(), new Eep.Content(data, null));
            }
        }
        byte[] xml = Eep.write(item, contents, settings.unit(), signingKey, now);
        String name = (folder ? "metadata/" : "eep/") + no + ".xml";
        return new Built(item.archiveCode(), name, parts, xml, Sm3.hex(Sm3.digest(xml)), bytes);
    }

    /** The item's entries into the zip, its manifest entry and (folder) its digest lines, as one thread wrote them. */
    private static void put(ZipOutputStream zip, Built built, Manifest.Writer manifest, @Nullable SpillFile digestLines)
            throws IOException {
        for (var part : built.content()) {
            put(zip, part.path(), part.data());
            if (digestLines != null) {
                digestLines.write(line(part.sm3(), part.path()));
            }
        }
        put(zip, built.metadataName(), built.xml());
        if (digestLines != null) {
            digestLines.write(line(built.xmlSm3(), built.metadataName()));
        }
        manifest.add(new Manifest.Entry(built.archiveCode(), built.metadataName(), built.xmlSm3()));
    }

    /** The caller's progress, told after every {@value #CHUNK} items written, and the threads of the export. */
    private static final class Progress {
        private final IntConsumer listener;
        private final int threads;
        private int written;

        Progress(IntConsumer listener, int threads) {
            this.listener = listener;
            this.threads = Math.max(1, threads);
        }

        void written() {
            if (++written % CHUNK == 0) {
                listener.accept(written);
            }
        }
    }

    private static byte[] line(String sm3, String path) {
        return (sm3 + "  " + path + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] read(ItemRecord item, ItemRecord.ItemFile f) throws IOException {
        var expected = new Fixity(f.sizeBytes(), f.sm3(), f.sha256());
        try (InputStream in = preservation.read(item.objectId(), f.logicalPath(), expected)) {
            return in.readAllBytes();
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }
}
