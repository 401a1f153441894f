package org.siarchive.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Preservation copies: an item whose master is a set of page images (scanned or photographed pages) gets
 * an OFD copy, {@code preservation/<档号>.ofd}, in a new version of its OCFL object, made from the masters
 * only after their registered SM3 and SHA-256 are confirmed. The copy is registered with its own digests
 * (checked by every fixity sweep), audited as a rendition (a migration event in the item's history) and
 * mirrored to the replica. The masters stay the archival record; the copy is the fixed-layout form the
 * archival rules ask for (GB/T 33190) and can be made again from them. Runs on the persisted capture event,
 * so a crash before the copy is registered makes it again at start-up.
 */
@Component
class PreservationCopies {

    private static final Logger log = LoggerFactory.getLogger(PreservationCopies.class);
    static final String KIND = "PRESERVATION_OFD";
    static final Actor MAKER = new Actor("preservation-copies", "127.0.0.1", "siarchive preservation copies");
    static final Set<String> PAGE_IMAGES = Set.of("image/png", "image/jpeg", "image/tiff", "image/bmp");

    private final Catalog catalog;
    private final Renditions renditions;
    private final Preservation preservation;
    private final ItemSidecar sidecar;
    private final Path work;
    private final boolean enabled;

    private final ReadableTime time;

    PreservationCopies(
            Catalog catalog,
            Renditions renditions,
            Preservation preservation,
            ItemSidecar sidecar,
            DataDirectory data,
            @Value("${siarchive.preservation.ofd-copies:true}") boolean enabled,
            ReadableTime time) {
        this.time = time;
        this.catalog = catalog;
        this.renditions = renditions;
        this.preservation = preservation;
        this.sidecar = sidecar;
        this.work = data.resolve("rendition-work");
        this.enabled = enabled;
    }

    @ApplicationModuleListener
    void on(ItemCaptured e) {
        if (enabled) {
            make(e.itemId());
        }
    }

    /** Whether an item's master is a set of page images (every file an image). */
    static boolean pageImages(ItemRecord item) {
        return !item.files().isEmpty() && item.files().stream().allMatch(f -> PAGE_IMAGES.contains(f.mediaType()));
    }

    /** Makes the item's OFD copy unless it has one or its master is not page images; true when made. */
    boolean make(UUID itemId) {
        var item = catalog.requireItem(itemId);
        if (!item.preserved()
                || !pageImages(item)
                || renditions.find(itemId, KIND).isPresent()) {
            return false;
        }
        try (var tmp = org.siarchive.shared.TemporaryDirectory.under(work)) {
            Path dir = tmp.path();
            var stored = preservation.storagePaths(item.objectId());
            var pages = new ArrayList<Path>();
            var types = new String[item.files().size()];
            for (var f : item.files()) {
                Path p = stored.get(f.logicalPath());
                var actual = p == null ? null : Digester.of(p);
                if (actual == null || !actual.matches(new Fixity(f.sizeBytes(), f.sm3(), f.sha256()))) {
                    log.error(
                            "no OFD copy of {}: master {} does not match its registered size and digests",
                            item.archiveCode(),
                            f.logicalPath());
                    return false;
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
            String path = "preservation/" + item.archiveCode() + ".ofd";
            int version = preservation.writeVersion(
                    item.objectId(),
                    List.of(new StoredFile(path, ofd)),
                    sidecar.write(item),
                    "preservation copy (OFD) " + item.archiveCode(),
                    MAKER.name());
            renditions.add(itemId, KIND, path, fixity.size(), fixity.sm3(), fixity.sha256(), version, MAKER);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
