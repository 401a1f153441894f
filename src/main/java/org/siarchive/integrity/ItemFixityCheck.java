package org.siarchive.integrity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.catalog.ItemSidecar;
import org.siarchive.catalog.Renditions;
import org.siarchive.preservation.Digester;
import org.siarchive.preservation.Preservation;
import org.springframework.stereotype.Component;

/**
 * The fixity check of one item. Each stored file (masters and registered copies) is re-hashed with SM3 and
 * SHA-256 in one pass against the catalogue; the OCFL object is validated against its own sha512 inventory;
 * the stored sidecar is compared with the catalogue. Telling the first two apart names the culprit: content
 * that no longer matches its inventory was altered on disk; content that matches its inventory but not the
 * catalogue means the catalogue's digest row was altered.
 */
@Component
class ItemFixityCheck {

    private final Preservation preservation;
    private final ItemSidecar sidecar;

    ItemFixityCheck(Preservation preservation, ItemSidecar sidecar) {
        this.preservation = preservation;
        this.sidecar = sidecar;
    }

    /** A stored file and the digests the catalogue registered for it (a master file or a copy). */
    private record Expected(String logicalPath, long sizeBytes, String sm3, String sha256) {}

    /** What one item's check found, and how many bytes it read. */
    record Result(UUID itemId, long bytesRead, List<FixitySweeps.Finding> findings) {}

    /** The three checks of one item (and its registered copies), reading at most {@code rateMbS} (0: no limit). */
    Result check(ItemRecord item, List<Renditions.Rendition> renditions, int rateMbS) {
        long[] bytes = {0};
        var out = new ArrayList<FixitySweeps.Finding>();
        // the content is re-hashed below; OCFL re-hashes it (sha512) only when something does not match
        List<String> ocfl = validate(item.objectId(), false);
        boolean fullValidation = false;
        java.util.Map<String, java.nio.file.Path> stored;
        try {
            stored = preservation.storagePaths(item.objectId());
        } catch (RuntimeException e) {
            stored = java.util.Map.of();
        }
        var expected = new ArrayList<Expected>();
        item.files().forEach(f -> expected.add(new Expected(f.logicalPath(), f.sizeBytes(), f.sm3(), f.sha256())));
        renditions.forEach(r -> expected.add(new Expected(r.logicalPath(), r.sizeBytes(), r.sm3(), r.sha256())));
        for (var f : expected) {
            try (InputStream in = open(stored, f.logicalPath())) {
                var d = new Digester();
                byte[] buf = new byte[256 * 1024];
                long started = System.nanoTime();
                long read = 0;
                int r;
                while ((r = in.read(buf)) > 0) {
                    d.update(buf, 0, r);
                    read += r;
                    throttle(read, started, rateMbS);
                }
                bytes[0] += read;
                var actual = d.finish();
                boolean matches = actual.size() == f.sizeBytes()
                        && actual.sm3().equals(f.sm3())
                        && actual.sha256().equals(f.sha256());
                if (!matches && !fullValidation) {
                    ocfl = validate(item.objectId(), true);
                    fullValidation = true;
                }
                if (!matches) {
                    boolean inventoryIntact = ocfl.stream()
                            .noneMatch(e -> e.contains(f.logicalPath()) || e.contains(fileName(f.logicalPath())));
                    out.add(new FixitySweeps.Finding(
                            item.id(),
                            item.archiveCode(),
                            inventoryIntact ? "DIGEST_ROW" : "CONTENT",
                            f.logicalPath(),
                            inventoryIntact
                                    ? "the stored bytes still match the OCFL inventory, but not the catalogue's digests (SM3 "
                                            + actual.sm3() + ", catalogue " + f.sm3() + "): the digest row was altered"
                                    : "the stored bytes changed (SM3 " + actual.sm3() + ", registered " + f.sm3()
                                            + ", size " + actual.size() + "/" + f.sizeBytes() + ")"));
                }
            } catch (IOException | UncheckedIOException e) {
                out.add(new FixitySweeps.Finding(
                        item.id(),
                        item.archiveCode(),
                        "MISSING",
                        f.logicalPath(),
                        "cannot be read: " + e.getMessage()));
            }
        }
        try {
            // a digest row already reported is why the sidecar's digests differ: not a second finding
            var explained = out.stream()
                    .filter(f -> f.kind().equals("DIGEST_ROW"))
                    .map(f -> item.files().stream()
                            .filter(x -> x.logicalPath().equals(f.subject()))
                            .findFirst()
                            .map(x -> "files[" + x.seq() + "]")
                            .orElse(""))
                    .toList();
            byte[] storedSidecar;
            try (InputStream in = open(stored, Preservation.sidecarPath())) {
                storedSidecar = in.readAllBytes();
            }
            var diff = sidecar.differences(item, storedSidecar).stream()
                    .filter(d -> !explained.contains(d))
                    .toList();
            if (!diff.isEmpty()) {
                out.add(new FixitySweeps.Finding(
                        item.id(),
                        item.archiveCode(),
                        "SIDECAR",
                        Preservation.sidecarPath(),
                        "metadata sidecar differs from the catalogue in " + diff));
            }
        } catch (IOException | RuntimeException e) {
            out.add(new FixitySweeps.Finding(
                    item.id(),
                    item.archiveCode(),
                    "SIDECAR",
                    Preservation.sidecarPath(),
                    "cannot be read: " + e.getMessage()));
        }
        boolean reported = !out.isEmpty();
        if (!ocfl.isEmpty() && !reported) {
            out.add(new FixitySweeps.Finding(
                    item.id(), item.archiveCode(), "INVENTORY", item.objectId(), String.join("; ", ocfl)));
        }
        return new Result(item.id(), bytes[0], out);
    }

    private List<String> validate(String objectId, boolean content) {
        try {
            return content ? preservation.validate(objectId) : preservation.validateStructure(objectId);
        } catch (RuntimeException e) {
            return List.of("unreadable: " + e.getMessage());
        }
    }

    private static InputStream open(java.util.Map<String, java.nio.file.Path> stored, String logicalPath)
            throws IOException {
        var path = stored.get(logicalPath);
        if (path == null) {
            throw new java.io.FileNotFoundException(logicalPath + " is not in the object's inventory");
        }
        return java.nio.file.Files.newInputStream(path);
    }

    private static String fileName(String logicalPath) {
        return logicalPath.substring(logicalPath.lastIndexOf('/') + 1);
    }

    /** Sleeps as needed to keep the read rate at or below {@code rateMbS} (0: no limit). */
    static void throttle(long bytes, long startedNanos, int rateMbS) {
        if (rateMbS <= 0) {
            return;
        }
        long due = (long) (bytes / (rateMbS * 1_000_000.0) * 1e9);
        long ahead = due - (System.nanoTime() - startedNanos);
        if (ahead > 1_000_000) {
            try {
                Thread.sleep(ahead / 1_000_000, (int) (ahead % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
