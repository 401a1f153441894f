package org.siarchive.transfer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.Duplicates;
import org.siarchive.shared.Access;
import org.springframework.stereotype.Component;

/**
 * Transfer and receipt, as other modules and the API see it. A package is a zip holding
 * {@code manifest.xml} (移交说明, SM2-signed) and per item either an EEP ({@code eep/NNNN.xml}) or, as a
 * folder package, {@code metadata/NNNN.xml}, {@code content/NNNN/<file>} and {@code digests.sm3}
 * ({@link PackageExport}); a received package is inspected ({@link PackageInspection}), then captured and
 * registered or refused ({@link PackageReceipt}, {@link HandoverRegister}).
 */
@Component
public class TransferPackages {

    public enum Format {
        EEP,
        FOLDER
    }

    public record Exported(UUID packageId, Path file, int items, long contentBytes, String sm3) {}

    /** Who hands over and who witnesses (移交人, 监交人); the receiver is the caller; the fonds received into. */
    /**
     * A package handed over, and what the archivist decided for records already held (docs/adr/0035): refuse
     * the package (the default), receive only the new records, or keep all; the last two need a reason.
     */
    public record Handover(
            String fondsCode,
            String handedOverBy,
            String witness,
            OnDuplicates onDuplicates,
            @Nullable String duplicateReason) {

        public Handover(String fondsCode, String handedOverBy, String witness) {
            this(fondsCode, handedOverBy, witness, OnDuplicates.REFUSE, null);
        }
    }

    public enum OnDuplicates {
        REFUSE,
        SKIP,
        KEEP
    }

    public record ReceivedItem(String sourceCode, UUID itemId, String archiveCode) {}

    /** A record of the package already held: its 档号 in the package, and the item held (when in scope). */
    public record HeldDuplicate(
            String sourceCode, @Nullable UUID itemId, @Nullable String archiveCode, Set<Duplicates.Ground> grounds) {}

    public record Receipt(
            long id,
            @Nullable UUID packageId,
            String sourceUnit,
            int items,
            long bytes,
            String handedOverBy,
            String receivedBy,
            String witness,
            long checkRunId,
            List<ReceivedItem> received,
            List<HeldDuplicate> duplicates) {}

    private final PackageExport exports;
    private final PackageReceipt receipts;
    private final HandoverRegister register;
    private final TransferKey key;
    private final org.siarchive.catalog.Catalog catalog;

    TransferPackages(
            PackageExport exports,
            PackageReceipt receipts,
            HandoverRegister register,
            TransferKey key,
            org.siarchive.catalog.Catalog catalog) {
        this.catalog = catalog;
        this.exports = exports;
        this.receipts = receipts;
        this.register = register;
        this.key = key;
    }

    /** Writes a package of the chosen items (all within the caller's scope) to a temporary file. */
    public Exported export(List<UUID> itemIds, Format format, Access access) {
        return export(itemIds, format, access, written -> {});
    }

    /**
     * The same, telling {@code progress} how many items have been written into the package after every 500 (a long
     * export's progress: a console, a benchmark).
     */
    public Exported export(List<UUID> itemIds, Format format, Access access, java.util.function.IntConsumer progress) {
        return exports.export(itemIds, format, access, progress);
    }

    /** Receives a package: YJ checks (report kept), then every item captured, then the handover registered. */
    public Receipt receive(Path packageFile, String packageName, Handover h, Access access) {
        return receipts.receive(packageFile, packageName, h, access, ReceiptProgress.Tracker.NONE);
    }

    /** The same, reporting its stage and counts as it goes (the console's live progress). */
    Receipt receive(Path packageFile, String packageName, Handover h, Access access, ReceiptProgress.Tracker tracker) {
        try {
            var receipt = receipts.receive(packageFile, packageName, h, access, tracker);
            tracker.done(receipt.id(), receipt.items());
            return receipt;
        } catch (RuntimeException e) {
            tracker.refused();
            throw e;
        }
    }

    /** The key id a receiving agency adds to its trusted list to accept packages from here. */
    public String keyId() {
        return key.keyId();
    }

    /** The platform's SM2 key the packages are signed with, for other signed exchanges (转移接续 messages). */
    public org.siarchive.crypto.SigningKey platformKey() {
        return key.key();
    }

    /**
     * The handover register, newest first: the one scope check of handover records — a record is seen
     * by callers whose scope holds the fonds it was received into (docs/adr/0031).
     */
    public List<Map<String, Object>> register(int limit, Access access) {
        return register.list(limit, catalog.fondsCodesInScope(access.scope()));
    }
}
