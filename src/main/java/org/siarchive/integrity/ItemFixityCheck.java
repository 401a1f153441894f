package org.siarchive.integrity;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.ItemFeed;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.catalog.ItemSidecar;
import org.siarchive.preservation.Digester;
import org.siarchive.preservation.Fixity;
import org.siarchive.preservation.Preservation;
import org.siarchive.preservation.StoredObject;
import org.springframework.stereotype.Component;

/**
 * The fixity check of one item: every stored byte of its OCFL object — every content file of every version,
 * the metadata sidecar, masters, copies and anything else — is read once and hashed in one pass with the
 * inventory's algorithm (sha256, or sha512 for objects written before issue 12) and, for the files the catalogue registered, SM3 and SHA-256. A file that no
 * longer matches its inventory digest was altered on disk (CONTENT, or SIDECAR for the sidecar); one that
 * matches its inventory but not the catalogue means the catalogue's digest row was altered (DIGEST_ROW). A
 * file the inventory does not account for is EXTRA; a registered or inventoried file that cannot be read is
 * MISSING. The inventory itself is trusted only after OCFL's structural validation, which is repeated only when
 * the root inventory changed since the item's last passed check (its bytes against its digest sidecar every time,
 * docs/adr/0113).
 * Findings name logical paths relative to the object, never the server's file-system path; their text is
 * worded from the message bundle where they are shown ({@link FixitySweeps#describe}).
 */
@Component
class ItemFixityCheck {

    static final String CONTENT = "CONTENT";
    static final String MISSING = "MISSING";
    static final String DIGEST_ROW = "DIGEST_ROW";
    static final String SIDECAR = "SIDECAR";
    static final String EXTRA = "EXTRA";
    static final String INVENTORY = "INVENTORY";

    private static final int BUFFER = 256 * 1024;

    private final Preservation preservation;
    private final ItemSidecar sidecar;
    private final ItemFeed feed;

    ItemFixityCheck(Preservation preservation, ItemSidecar sidecar, ItemFeed feed) {
        this.preservation = preservation;
        this.sidecar = sidecar;
        this.feed = feed;
    }

    /**
     * What one item's check found, and how many bytes it read; the root inventory's digest when it matched its
     * sidecar, and whether the object went through OCFL's full validation this time.
     */
    record Result(
            UUID itemId,
            long bytesRead,
            List<FixitySweeps.Finding> findings,
            @Nullable String inventoryDigest,
            boolean validated) {}

    /**
     * One item's check outside any sweep, reading without a limit: what is wrong with it (empty when the
     * item is intact).
     */
    List<FixitySweeps.Finding> inspect(ItemRecord item) {
        return check(item, feed.registeredFiles(item), 0, null).findings();
    }

    /**
     * One item's check against every file registered in its object (archival files and copies), reading at
     * most {@code rateMbS} (0: no limit). {@code validatedInventory} is the root inventory digest the object passed
     * OCFL's full validation with (null: unknown): while the inventory still has it, that validation is skipped.
     */
    Result check(
            ItemRecord item, List<ItemFeed.RegisteredFile> files, int rateMbS, @Nullable String validatedInventory) {
        var out = new ArrayList<FixitySweeps.Finding>();
        @Nullable
        String inventoryDigest =
                preservation.verifiedInventoryDigest(item.objectId()).orElse(null);
        boolean unchanged = inventoryDigest != null
                && validatedInventory != null
                && Fixity.sameInventoryDigest(inventoryDigest, validatedInventory);
        List<String> structure = unchanged ? List.of() : structureErrors(item.objectId(), inventoryDigest);
        StoredObject stored;
        try {
            stored = preservation.inventory(item.objectId());
        } catch (RuntimeException e) {
            out.add(finding(item, INVENTORY, item.objectId(), String.join("; ", structure)));
            return new Result(item.id(), 0, out, inventoryDigest, !unchanged);
        }
        var registered = registered(files);
        long bytes = 0;
        var inHead = new HashSet<String>();
        for (var content : stored.content()) {
            inHead.addAll(content.headPaths());
            bytes += checkContent(item, content, stored.digestAlgorithm(), registered, rateMbS, out);
        }
        registered.keySet().stream()
                .filter(path -> !inHead.contains(path))
                .forEach(path -> out.add(finding(item, MISSING, path, "")));
        stored.unexpected().forEach(path -> out.add(finding(item, EXTRA, path, "")));
        compareSidecarWithCatalogue(item, stored, out);
        if (!structure.isEmpty() && out.isEmpty()) {
            out.add(finding(item, INVENTORY, item.objectId(), String.join("; ", structure)));
        }
        return new Result(item.id(), bytes, out, inventoryDigest, !unchanged);
    }

    /** Logical path → the size and digests the catalogue registered for the file (a master file or a copy). */
    private static Map<String, Fixity> registered(List<ItemFeed.RegisteredFile> files) {
        var expected = new HashMap<String, Fixity>();
        files.forEach(f -> expected.put(f.logicalPath(), new Fixity(f.sizeBytes(), f.sm3(), f.sha256())));
        return expected;
    }

    /** Reads one content file once; returns the bytes read. */
    private long checkContent(
            ItemRecord item,
            StoredObject.Content content,
            String algorithm,
            Map<String, Fixity> registered,
            int rateMbS,
            List<FixitySweeps.Finding> out) {
        var digester = Digester.withInventory(algorithm);
        try (InputStream in = content.open()) {
            hash(in, digester, rateMbS);
        } catch (IOException e) {
            out.add(finding(item, MISSING, content.logicalName(), ""));
            return digester.size();
        }
        var actual = digester.finish();
        if (!Fixity.sameInventoryDigest(digester.inventoryDigest(), content.digest())) {
            String kind = content.headPaths().contains(Preservation.sidecarPath()) ? SIDECAR : CONTENT;
            out.add(finding(
                    item,
                    kind,
                    content.logicalName(),
                    algorithm + " " + brief(digester.inventoryDigest()) + " ≠ " + brief(content.digest())));
            return actual.size();
        }
        for (String path : content.headPaths()) {
            var expected = registered.get(path);
            if (expected != null && !actual.matches(expected)) {
                out.add(finding(item, DIGEST_ROW, path, "SM3 " + brief(actual.sm3()) + " ≠ " + brief(expected.sm3())));
            }
        }
        return actual.size();
    }

    private static void hash(InputStream in, Digester digester, int rateMbS) throws IOException {
        byte[] buf = new byte[BUFFER];
        long started = System.nanoTime();
        int r;
        while ((r = in.read(buf)) > 0) {
            digester.update(buf, 0, r);
            throttle(digester.size(), started, rateMbS);
        }
    }

    /**
     * The sidecar's fields against the catalogue, when its bytes are intact (a changed sidecar is reported
     * above): a difference then means the catalogue was altered. A digest row already reported is why the
     * sidecar's digests differ: not a second finding.
     */
    private void compareSidecarWithCatalogue(ItemRecord item, StoredObject stored, List<FixitySweeps.Finding> out) {
        String path = Preservation.sidecarPath();
        if (out.stream().anyMatch(f -> f.subject().equals(path))) {
            return;
        }
        var file = stored.content().stream()
                .filter(c -> c.headPaths().contains(path))
                .findFirst();
        if (file.isEmpty()) {
            out.add(finding(item, MISSING, path, ""));
            return;
        }
        byte[] bytes;
        try {
            try (var in = file.get().open()) {
                bytes = in.readAllBytes();
            }
        } catch (IOException e) {
            out.add(finding(item, MISSING, path, ""));
            return;
        }
        Set<String> explained = new HashSet<>();
        out.stream().filter(f -> f.kind().equals(DIGEST_ROW)).forEach(f -> item.files().stream()
                .filter(x -> x.logicalPath().equals(f.subject()))
                .forEach(x -> explained.add("files[" + x.seq() + "]")));
        var diff = sidecar.differences(item, bytes, ItemFixityCheck::sameFixity).stream()
                .filter(d -> !explained.contains(d))
                .toList();
        if (!diff.isEmpty()) {
            out.add(finding(item, SIDECAR, path, String.join(", ", diff)));
        }
    }

    /** A file's size and digests in the sidecar against the catalogue's, compared as fixity is everywhere. */
    private static boolean sameFixity(ItemRecord.ItemFile registered, ItemSidecar.RecordedFile recorded) {
        return new Fixity(registered.sizeBytes(), registered.sm3(), registered.sha256())
                .matches(new Fixity(recorded.sizeBytes(), recorded.sm3(), recorded.sha256()));
    }

    /** OCFL's validation of the object, and the inventory against its sidecar as checked here. */
    private List<String> structureErrors(String objectId, @Nullable String inventoryDigest) {
        var errors = new ArrayList<String>();
        try {
            errors.addAll(preservation.validateStructure(objectId));
        } catch (RuntimeException e) {
            errors.add(e.getClass().getSimpleName());
        }
        if (inventoryDigest == null && errors.isEmpty()) {
            errors.add("inventory.json does not match its digest sidecar");
        }
        return errors;
    }

    private static FixitySweeps.Finding finding(ItemRecord item, String kind, String subject, String detail) {
        return new FixitySweeps.Finding(item.id(), item.archiveCode(), kind, subject, detail);
    }

    /** The first 16 hex digits: enough to tell digests apart in a finding, short enough to read. */
    private static String brief(String hex) {
        return hex.length() > 16 ? hex.substring(0, 16) + "…" : hex;
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
