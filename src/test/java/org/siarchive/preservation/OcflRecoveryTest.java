package org.siarchive.preservation;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocfl.api.DigestAlgorithmRegistry;
import io.ocfl.api.model.VersionInfo;
import io.ocfl.core.OcflRepositoryBuilder;
import io.ocfl.core.extension.storage.layout.config.HashedNTupleLayoutConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The states a kill can leave an OCFL object in while its root inventory is replaced: a complete version
 * directory with a missing root sidecar is repaired from that version; an object without any complete
 * version is recognised as incomplete and discarded, so start-up reconciliation can write it again.
 */
class OcflRecoveryTest {

    private OcflStore store(Path dir) throws Exception {
        return OcflStores.onDisk(
                Files.createDirectories(dir.resolve("ocfl")), Files.createDirectories(dir.resolve("work")));
    }

    private static Path objectDir(OcflStore store, String objectId) {
        return java.util.Objects.requireNonNull(store.root().localPath(store.objectRoot(objectId)));
    }

    private Path file(Path dir, String text) throws Exception {
        Path f = dir.resolve(text + ".txt");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void aMissingRootSidecarIsRestoredFromTheVersionDirectory() throws Exception {
        Path dir = Files.createTempDirectory("ocfl-recovery");
        var store = store(dir);
        store.write("urn:t:1", Map.of("content/a.txt", file(dir, "a")), "{}".getBytes(), "v1", "test");
        Files.delete(objectDir(store, "urn:t:1").resolve("inventory.json.sha256"));
        store.close();

        var again = store(dir);
        assertThat(again.headVersion("urn:t:1")).contains(1);
        try (var in = again.open("urn:t:1", "content/a.txt")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("a");
        }
        assertThat(again.validate("urn:t:1", true)).isEmpty();
        again.close();
    }

    @Test
    void anObjectWithoutACompleteVersionIsDiscarded() throws Exception {
        Path dir = Files.createTempDirectory("ocfl-recovery");
        var store = store(dir);
        store.write("urn:t:2", Map.of("content/b.txt", file(dir, "b")), "{}".getBytes(), "v1", "test");
        Path root = objectDir(store, "urn:t:2");
        Files.delete(root.resolve("inventory.json.sha256"));
        Files.delete(root.resolve("v1").resolve("inventory.json.sha256"));
        store.close();

        var again = store(dir);
        assertThat(again.headVersion("urn:t:2")).isEmpty();
        again.discardIncomplete("urn:t:2");
        assertThat(root).doesNotExist();
        again.write("urn:t:2", Map.of("content/b.txt", file(dir, "b2")), "{}".getBytes(), "v1 again", "test");
        assertThat(again.headVersion("urn:t:2")).contains(1);
        again.close();
    }

    @Test
    void newObjectsRecordSha256AndObjectsWrittenWithSha512KeepIt() throws Exception {
        // given an object written under the earlier default, SHA-512
        Path dir = Files.createTempDirectory("ocfl-digests");
        Path ocfl = Files.createDirectories(dir.resolve("ocfl"));
        var earlier = new OcflRepositoryBuilder()
                .defaultLayoutConfig(new HashedNTupleLayoutConfig())
                .ocflConfig(c -> c.setDefaultDigestAlgorithm(DigestAlgorithmRegistry.sha512))
                .storage(st -> st.fileSystem(ocfl))
                .workDir(Files.createDirectories(dir.resolve("work")))
                .build();
        Path old = file(dir, "old");
        earlier.putObject(io.ocfl.api.model.ObjectVersionId.head("urn:t:old"), old, new VersionInfo().setMessage("v1"));
        earlier.close();

        // when the platform's store writes a new object and a new version of the old one
        var store = store(dir);
        store.write("urn:t:new", Map.of("content/n.txt", file(dir, "n")), "{}".getBytes(), "v1", "test");
        store.write("urn:t:old", Map.of("content/o.txt", file(dir, "o")), "{}".getBytes(), "v2", "test");

        // then the new object records SHA-256, the old one keeps SHA-512, and both validate with content
        assertThat(store.inventory("urn:t:new").digestAlgorithm()).isEqualToIgnoringCase("SHA-256");
        assertThat(objectDir(store, "urn:t:new").resolve("inventory.json.sha256"))
                .exists();
        assertThat(store.inventory("urn:t:old").digestAlgorithm()).isEqualToIgnoringCase("SHA-512");
        assertThat(objectDir(store, "urn:t:old").resolve("inventory.json.sha512"))
                .exists();
        assertThat(store.validate("urn:t:new", true)).isEmpty();
        assertThat(store.validate("urn:t:old", true)).isEmpty();

        // and a lost root sidecar of the SHA-512 object is repaired from its newest version like any other
        Files.delete(objectDir(store, "urn:t:old").resolve("inventory.json.sha512"));
        store.close();
        var again = store(dir);
        assertThat(again.headVersion("urn:t:old")).contains(2);
        assertThat(again.validate("urn:t:old", true)).isEmpty();
        again.close();
    }
}
