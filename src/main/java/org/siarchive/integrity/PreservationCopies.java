package org.siarchive.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemCaptured;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.catalog.ItemSidecar;
import org.siarchive.catalog.Renditions;
import org.siarchive.platform.DataDirectory;
import org.siarchive.preservation.Digester;
import org.siarchive.preservation.Fixity;
import org.siarchive.preservation.Preservation;
import org.siarchive.preservation.StoredFile;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ReadableTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Preservation copies: an item whose master is a set of page images (scanned or photographed pages) gets
 * an OFD copy, {@code preservation/<档号>.ofd}, in a new version of its OCFL object, made from the masters
 * only after their registered size and SHA-256 are confirmed. The copy is registered with its own digests
 * (checked by every fixity sweep), audited as a rendition (a migration event in the item's history) and
 * mirrored to the replica. The masters stay the archival record; the copy is the fixed-layout form the
 * archival rules ask for (GB/T 33190) and can be made again from them. Runs on the persisted capture event,
 * so a crash before the copy is registered makes it again at start-up. When copies are deferred
 * ({@link OfdCopySettings}, docs/adr/0122) the event only queues the copy in the database ({@link PendingCopies}) and
 * {@link OfdCopyRuns} makes it inside the configured window.
 */
@Component
class PreservationCopies {

    private static final Logger log = LoggerFactory.getLogger(PreservationCopies.class);
    static final String KIND = "PRESERVATION_OFD";
    static final Actor MAKER = new Actor("preservation-copies", "127.0.0.1", "siarchive preservation copies");
    static final Set<String> PAGE_IMAGES = Set.of("image/png", "image/jpeg", "image/tiff", "image/bmp");

    private final TransactionTemplate tx;
    private final Catalog catalog;
    private final Renditions renditions;
    private final Preservation preservation;
    private final ItemSidecar sidecar;
    private final Path work;
    private final OfdCopySettings settings;
    private final PendingCopies pending;

    private final ReadableTime time;

    PreservationCopies(
            Catalog catalog,
            Renditions renditions,
            Preservation preservation,
            ItemSidecar sidecar,
            DataDirectory data,
            OfdCopySettings settings,
            PendingCopies pending,
            ReadableTime time,
            TransactionTemplate tx) {
        this.time = time;
        this.tx = tx;
        this.catalog = catalog;
        this.renditions = renditions;
        this.preservation = preservation;
        this.sidecar = sidecar;
        this.work = data.resolve("rendition-work");
        this.settings = settings;
        this.pending = pending;
    }

    /** What became of a copy. */
    enum Outcome {
        MADE,
        /** the item has its copy already, or its master is not page images, or it is not (or no longer) preserved */
        NOT_NEEDED,
        MASTER_MISMATCH,
        FAILED
    }

    /** Makes the copy now, or queues it for the window, or nothing (per {@code siarchive.preservation.ofd-copies}). */
    @ApplicationModuleListener
    void on(ItemCaptured e) {
        captured(e.itemId());
    }

    /**
     * A group commit's captures, one publication for the group (docs/adr/0127): each item as if captured alone, in a
     * transaction of its own, so that a copy made is registered at once and a failing item undoes no other item's
     * copy. The publication completes when every item is done; a failure leaves it to be delivered again, when the
     * items with their copy are {@link Outcome#NOT_NEEDED}.
     */
    @Async
    @TransactionalEventListener
    void on(org.siarchive.catalog.ItemsCaptured e) {
        e.forEach(id -> tx.executeWithoutResult(s -> captured(id)));
    }

    private void captured(java.util.UUID itemId) {
        switch (settings.mode()) {
            case IMMEDIATE -> make(itemId);
            case DEFERRED -> {
                if (needsCopy(catalog.requireItem(itemId))) {
                    pending.queue(itemId);
                }
            }
            case OFF -> {
                // neither made nor queued
            }
        }
    }

    private boolean needsCopy(ItemRecord item) {
        return item.preserved()
                && pageImages(item)
                && renditions.find(item.id(), KIND).isEmpty();
    }

    /** Whether an item's master is a set of page images (every file an image). */
    static boolean pageImages(ItemRecord item) {
        return !item.files().isEmpty() && item.files().stream().allMatch(f -> PAGE_IMAGES.contains(f.mediaType()));
    }

    /**
     * Whether a stored master still has its registered size and SHA-256, checked before a copy is made from it. SM3 is
     * not computed again here: both digests were confirmed when the master was staged, every fixity sweep checks both,
     * and SHA-256 alone tells any changed byte at a tenth of SM3's cost (docs/adr/0122).
     */
    static boolean confirmed(Path master, long size, String sha256) throws IOException {
        if (Files.size(master) != size) {
            return false;
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[64 * 1024];
        try (var in = Files.newInputStream(master)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
        }
        return Fixity.sameDigest(HexFormat.of().formatHex(sha.digest()), sha256.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * A copy already in the object but not registered: written before a kill, its transaction never committed (a new
     * version cannot take the same path again). It is registered as it is, once it reads back with one page per master
     * (docs/adr/0122).
     */
    private Outcome registerEarlier(ItemRecord item, String path, Path earlier) throws IOException {
        int pages = OfdStructure.pages(earlier);
        if (pages != item.files().size()) {
            throw new IOException("the unregistered copy " + path + " has " + pages + " pages, expected "
                    + item.files().size());
        }
        var fixity = Digester.of(earlier);
        int version = preservation.headVersion(item.objectId()).orElseThrow();
        log.warn("OFD copy of {} found unregistered in version {}: registered now", item.archiveCode(), version);
        renditions.add(item.id(), KIND, path, fixity.size(), fixity.sm3(), fixity.sha256(), version, MAKER);
        return Outcome.MADE;
    }

    /** Makes the item's OFD copy unless it has one or its master is not page images. */
    Outcome make(UUID itemId) {
        var item = catalog.requireItem(itemId);
        if (!needsCopy(item)) {
            return Outcome.NOT_NEEDED;
        }
        String path = "preservation/" + item.archiveCode() + ".ofd";
        try (var tmp = org.siarchive.shared.TemporaryDirectory.under(work);
                var local = preservation.localCopies(item.objectId())) {
            Path dir = tmp.path();
            var stored = local.files();
            Path earlier = stored.get(path);
            if (earlier != null) {
                return registerEarlier(item, path, earlier);
            }
            var pages = new ArrayList<Path>();
            var types = new String[item.files().size()];
            for (var f : item.files()) {
                Path p = stored.get(f.logicalPath());
                if (p == null || !confirmed(p, f.sizeBytes(), f.sha256())) {
                    log.error(
                            "no OFD copy of {}: master {} does not match its registered size and SHA-256",
                            item.archiveCode(),
                            f.logicalPath());
                    return Outcome.MASTER_MISMATCH;
                }
                types[pages.size()] = f.mediaType();
                pages.add(p);
            }
            Path ofd = dir.resolve("copy.ofd");
            var fixity = OfdRendition.write(
                    pages,
                    types,
                    new OfdRendition.Info(item.title(), item.responsible(), time.date(catalog.now())),
                    ofd,
                    dir);
            int version = preservation.writeVersion(
                    item.objectId(),
                    List.of(new StoredFile(path, ofd)),
                    sidecar.write(item),
                    "preservation copy (OFD) " + item.archiveCode(),
                    MAKER.name());
            renditions.add(itemId, KIND, path, fixity.size(), fixity.sm3(), fixity.sha256(), version, MAKER);
            return Outcome.MADE;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
