package org.siarchive.preservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link Preservation} promises, whichever store holds the OCFL root: versions written and read back
 * through fixity verification, OCFL validation, the inventory with files it does not account for, the inventory
 * digest, root-inventory repair and discarding an incomplete object, repair from a (disk) replica, purge and
 * {@code holds}, and local files for tools. Subclasses open the store (disk, S3) and damage stored files the way
 * the medium allows.
 */
abstract class PreservationContract {

    static final String SIDECAR = "{\"archiveCode\":\"SI-2026-000001\"}";

    @TempDir
    Path tmp;

    Preservation preservation;

    abstract Preservation open(Path tmp);

    /** Deletes one stored file, {@code path} relative to the storage root. */
    abstract void deleteStored(Preservation p, String path) throws IOException;

    @BeforeEach
    void openStore() {
        preservation = open(tmp);
    }

    @AfterEach
    void closeStore() {
        preservation.destroy();
    }

    String objectId(String name) {
        return "urn:siarchive:item:" + name + "-" + tmp.getFileName();
    }

    Path source(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
    }

    int write(String id, String logicalPath, String text) throws IOException {
        var file = source(logicalPath.replace('/', '_') + System.nanoTime(), text);
        return preservation.writeVersion(
                id, List.of(new StoredFile(logicalPath, file)), SIDECAR.getBytes(StandardCharsets.UTF_8), "m", "t");
    }

    String stored(String id, String logicalPath) {
        return preservation.store().storedPath(id, logicalPath);
    }

    @Test
    void versionsAreWrittenAndReadBackThroughTheirFixity() throws Exception {
        String id = objectId("rw");
        assertThat(preservation.headVersion(id)).isEmpty();
        assertThat(write(id, "content/0001.txt", "养老保险待遇核定表 v1")).isEqualTo(1);
        assertThat(write(id, "content/0002.txt", "第二件")).isEqualTo(2);

        assertThat(preservation.headVersion(id)).contains(2);
        assertThat(preservation.logicalPaths(id))
                .containsExactly("content/0001.txt", "content/0002.txt", Preservation.sidecarPath());
        assertThat(preservation.objectIds()).contains(id);
        assertThat(new String(preservation.readSidecar(id), StandardCharsets.UTF_8))
                .isEqualTo(SIDECAR);
        var expected = Digester.of("养老保险待遇核定表 v1".getBytes(StandardCharsets.UTF_8));
        assertThat(preservation.fixityOf(id, "content/0001.txt")).isEqualTo(expected);
        try (var in = preservation.read(id, "content/0001.txt", expected)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("养老保险待遇核定表 v1");
        }
        var wrong = new Fixity(expected.size(), expected.sm3(), "0".repeat(64));
        assertThatThrownBy(() -> {
                    try (var in = preservation.read(id, "content/0001.txt", wrong)) {
                        in.readAllBytes();
                    }
                })
                .isInstanceOf(FixityMismatchException.class);
    }

    @Test
    void theInventoryListsEveryContentFileAndWhatItDoesNotAccountFor() throws Exception {
        String id = objectId("inv");
        write(id, "content/0001.txt", "one");
        write(id, "content/0002.txt", "two");
        assertThat(preservation.validate(id)).isEmpty();
        assertThat(preservation.validateStructure(id)).isEmpty();
        assertThat(preservation.verifiedInventoryDigest(id))
                .hasValueSatisfying(d -> assertThat(d).startsWith("sha256:"));

        var inventory = preservation.inventory(id);
        assertThat(inventory.digestAlgorithm()).isEqualToIgnoringCase("SHA-256");
        assertThat(inventory.content())
                .extracting(StoredObject.Content::contentPath)
                .contains("v1/content/content/0001.txt", "v2/content/content/0002.txt");
        assertThat(inventory.unexpected()).isEmpty();
        var one = inventory.content().stream()
                .filter(c -> c.headPaths().contains("content/0001.txt"))
                .findFirst()
                .orElseThrow();
        try (var in = one.open()) {
            assertThat(in.readAllBytes()).isEqualTo("one".getBytes(StandardCharsets.UTF_8));
        }

        String objectRoot = preservation.store().objectRoot(id);
        preservation.store().root().write(objectRoot + "/v1/content/stray.bin", new byte[] {1, 2, 3});
        assertThat(preservation.inventory(id).unexpected()).containsExactly("v1/content/stray.bin");
        assertThat(preservation.validate(id)).isNotEmpty();

        preservation.store().root().write(objectRoot + "/inventory.json", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(preservation.verifiedInventoryDigest(id)).isEmpty();
    }

    @Test
    void aLostRootSidecarIsRepairedAndAnObjectWithoutACompleteVersionDiscarded() throws Exception {
        String repaired = objectId("repaired");
        write(repaired, "content/a.txt", "a");
        deleteStored(preservation, preservation.store().objectRoot(repaired) + "/inventory.json.sha256");
        preservation.destroy();
        preservation = open(tmp);
        assertThat(preservation.headVersion(repaired)).contains(1);
        assertThat(preservation.validate(repaired)).isEmpty();

        String broken = objectId("broken");
        write(broken, "content/b.txt", "b");
        String root = preservation.store().objectRoot(broken);
        deleteStored(preservation, root + "/inventory.json.sha256");
        deleteStored(preservation, root + "/v1/inventory.json.sha256");
        preservation.destroy();
        preservation = open(tmp);
        assertThat(preservation.headVersion(broken)).isEmpty();
        assertThat(preservation.holds(broken)).isTrue();
        preservation.discardIncompleteObject(broken);
        assertThat(preservation.holds(broken)).isFalse();
        assertThat(write(broken, "content/b.txt", "b again")).isEqualTo(1);

        preservation.discardIncompleteObject(repaired); // a valid object is never discarded
        assertThat(preservation.headVersion(repaired)).contains(1);
    }

    @Test
    void aDamagedFileIsRepairedFromTheReplicaOnlyWithAMatchingCopy() throws Exception {
        String id = objectId("repair");
        write(id, "content/0001.xml", "正本内容 original".repeat(100));
        var expected = preservation.fixityOf(id, "content/0001.xml");
        assertThat(preservation.replicate(id)).contains(1);
        assertThat(preservation.replicateIfBehind(id)).isEmpty();

        preservation.store().root().write(stored(id, "content/0001.xml"), "damaged".getBytes(StandardCharsets.UTF_8));
        assertThat(preservation.fixityOf(id, "content/0001.xml")).isNotEqualTo(expected);
        var wrong = new Fixity(expected.size(), "0".repeat(64), expected.sha256());
        assertThat(preservation.repairFromReplica(id, "content/0001.xml", wrong))
                .isFalse();
        assertThat(preservation.repairFromReplica(id, "content/0001.xml", expected))
                .isTrue();
        assertThat(preservation.fixityOf(id, "content/0001.xml")).isEqualTo(expected);

        deleteStored(preservation, stored(id, "content/0001.xml"));
        assertThat(preservation.repairFromReplica(id, "content/0001.xml", expected))
                .isTrue();
        assertThat(preservation.validate(id)).isEmpty();
    }

    @Test
    void purgeLeavesNothingOfTheObjectAndCanBeRepeated() throws Exception {
        String id = objectId("purge");
        String kept = objectId("kept");
        write(id, "content/0001.txt", "doomed");
        write(kept, "content/0001.txt", "kept");
        assertThat(preservation.holds(id)).isTrue();

        preservation.purge(id, "no-staging-key");
        assertThat(preservation.holds(id)).isFalse();
        assertThat(preservation.headVersion(id)).isEmpty();
        assertThat(preservation.objectIds()).doesNotContain(id).contains(kept);
        preservation.purge(id, "no-staging-key");
        assertThat(preservation.validate(kept)).isEmpty();
    }

    @Test
    void toolsGetTheHeadVersionsFilesAsLocalFiles() throws Exception {
        String id = objectId("local");
        write(id, "content/0001.txt", "for the scanner");
        Map<String, Path> files;
        try (var copies = preservation.localCopies(id)) {
            files = copies.files();
            assertThat(files).containsKeys("content/0001.txt", Preservation.sidecarPath());
            assertThat(Files.readString(files.get("content/0001.txt"))).isEqualTo("for the scanner");
            assertThat(copies.copied()).isEqualTo(copiesFromTheStore());
        }
        assertThat(Files.exists(files.get("content/0001.txt"))).isEqualTo(!copiesFromTheStore());
    }

    /** Whether {@link Preservation#localCopies} copies (S3) or hands out the store's own files (disk). */
    abstract boolean copiesFromTheStore();
}
