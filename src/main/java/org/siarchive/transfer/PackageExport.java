package org.siarchive.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        var items = preservedItems(itemIds, access);
        // asked before the package is written, and again in the transaction that registers it (docs/adr/0071)
        guards.check(itemIds, GuardedOperation.TRANSFER_OUT);
        UUID packageId = UUID.randomUUID();
        long bytes = 0;
        Path file;
        try {
            file = Files.createTempFile("siarchive-transfer-", ".zip");
            try (var zip = new ZipOutputStream(Files.newOutputStream(file))) {
                bytes = writeItems(zip, items, format, packageId);
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
        tx.executeWithoutResult(s -> register(packageId, format, items, total, sm3, access));
        return new TransferPackages.Exported(packageId, file, items.size(), total, sm3);
    }

    /** The items to export, each within the caller's scope and preserved. */
    private List<ItemRecord> preservedItems(List<UUID> itemIds, Access access) {
        var items = new ArrayList<ItemRecord>();
        for (UUID id : itemIds) {
            var item = catalog.requireItem(id, access.scope());
            if (item.state() == org.siarchive.catalog.ItemState.DESTROYED) { // 409: no content to export (ADR 0070)
                throw new org.siarchive.shared.ConflictException("conflict.transfer.itemDestroyed", item.archiveCode());
            }
            if (!item.preserved()) {
                throw new InvalidInputException(Violation.of("items", "notPreserved", item.archiveCode()));
            }
            items.add(item);
        }
        return items;
    }

    /** The export's register row and its audit entries: one for the package, one per item. */
    private void register(
            UUID packageId,
            TransferPackages.Format format,
            List<ItemRecord> items,
            long total,
            String sm3,
            Access access) {
        guards.check(items.stream().map(ItemRecord::id).toList(), GuardedOperation.TRANSFER_OUT);
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
                    item.id().toString(),
                    AuditOperation.TRANSFER_EXPORT,
                    null,
                    packageId.toString());
        }
    }

    /** Writes every item and the manifest; returns the content bytes written. */
    private long writeItems(ZipOutputStream zip, List<ItemRecord> items, TransferPackages.Format format, UUID packageId)
            throws IOException {
        boolean folder = format == TransferPackages.Format.FOLDER;
        var now = time.at(catalog.now());
        var entries = new ArrayList<Manifest.Entry>();
        var digestLines = new StringBuilder();
        long bytes = 0;
        for (int n = 0; n < items.size(); n++) {
            var item = items.get(n);
            String no = "%04d".formatted(n + 1);
            var contents = new LinkedHashMap<Integer, Eep.Content>();
            for (var f : item.files()) {
                byte[] data = read(item, f);
                bytes += data.length;
                if (folder) {
                    String path = "content/" + no + "/" + Eep.fileName(f.logicalPath());
                    put(zip, path, data);
                    digestLines.append(f.sm3()).append("  ").append(path).append('\n');
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
                digestLines.append(xmlSm3).append("  ").append(name).append('\n');
            }
            entries.add(new Manifest.Entry(item.archiveCode(), name, xmlSm3));
        }
        if (folder) {
            put(zip, "digests.sm3", digestLines.toString().getBytes(StandardCharsets.UTF_8));
        }
        put(
                zip,
                Manifest.NAME,
                Manifest.write(packageId, format, now.toOffsetDateTime(), settings.unit(), bytes, entries, key.key()));
        return bytes;
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
