package org.siarchive.transfer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.GuardedOperation;
import org.siarchive.catalog.ItemGuards;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.crypto.Sm3;
import org.siarchive.preservation.Digester;
import org.siarchive.preservation.Fixity;
import org.siarchive.preservation.Preservation;
import org.siarchive.shared.Access;
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

    PackageExport(
            Catalog catalog,
            Preservation preservation,
            TransferKey key,
            TransferSettings settings,
            JdbcClient jdbc,
            TransactionTemplate tx,
            AuditTrail audit,
            ReadableTime time,
            ItemGuards guards) {
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

    TransferPackages.Exported export(List<UUID> itemIds, TransferPackages.Format format, Access access) {
        if (itemIds.isEmpty()) {
            throw new InvalidInputException(Violation.of("items", "required"));
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
                bytes = writeItems(zip, itemIds, format, packageId);
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
     * Each item within the caller's scope and preserved; nothing is kept, so a package of 100,000 items holds no
     * list of them (docs/adr/0119): the writer reads them again, {@value #CHUNK} at a time.
     */
    private void requirePreserved(List<UUID> itemIds, Access access) {
        for (UUID id : itemIds) {
            var item = catalog.requireItem(id, access.scope());
            if (item.state() == org.siarchive.catalog.ItemState.DESTROYED) { // 409: no content to export (ADR 0070)
                throw new org.siarchive.shared.ConflictException("conflict.transfer.itemDestroyed", item.archiveCode());
            }
            if (!item.preserved()) {
                throw new InvalidInputException(Violation.of("items", "notPreserved", item.archiveCode()));
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
        for (var item : items) {
            audit.record(
                    access.actor(),
                    AuditedObject.ITEM,
                    item.toString(),
                    AuditOperation.TRANSFER_EXPORT,
                    null,
                    packageId.toString());
        }
    }

    /**
     * Writes every item and the manifest, reading the items {@value #CHUNK} at a time and spilling the manifest
     * entries and digest lines to temporary files (docs/adr/0119); returns the content bytes written.
     */
    private long writeItems(ZipOutputStream zip, List<UUID> itemIds, TransferPackages.Format format, UUID packageId)
            throws IOException {
        boolean folder = format == TransferPackages.Format.FOLDER;
        var now = time.at(catalog.now());
        long bytes = 0;
        try (var manifest = new Manifest.Writer();
                var digestLines = new SpillFile("siarchive-digests-")) {
            int n = 0;
            for (int from = 0; from < itemIds.size(); from += CHUNK) {
                for (var item : catalog.items(itemIds.subList(from, Math.min(itemIds.size(), from + CHUNK)))) {
                    String no = "%04d".formatted(++n);
                    var contents = new LinkedHashMap<Integer, Eep.Content>();
                    for (var f : item.files()) {
                        byte[] data = read(item, f);
                        bytes += data.length;
                        if (folder) {
                            String path = "content/" + no + "/" + Eep.fileName(f.logicalPath());
                            put(zip, path, data);
                            digestLines.write(line(f.sm3(), path));
                            contents.put(f.seq(), new Eep.Content(null, path));
                        } else {
                            contents.put(f.seq(), new Eep.Content(data, null));
                        }
                    }
                    byte[] xml = Eep.write(item, contents, settings.unit(), key.key(), now);
                    String name = (folder ? "metadata/" : "eep/") + no + ".xml";
                    String xmlSm3 = Sm3.hex(Sm3.digest(xml));
                    put(zip, name, xml);
                    if (folder) {
                        digestLines.write(line(xmlSm3, name));
                    }
                    manifest.add(new Manifest.Entry(item.archiveCode(), name, xmlSm3));
                }
            }
            if (folder) {
                zip.putNextEntry(new ZipEntry("digests.sm3"));
                digestLines.copyTo(zip);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(Manifest.NAME));
            manifest.writeTo(zip, packageId, format, now.toOffsetDateTime(), settings.unit(), bytes, key.key());
            zip.closeEntry();
        }
        return bytes;
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
