package org.siarchive.preservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every replica store must do, whatever it is stored on: the same tests run against a second OCFL
 * root on local disk and against an OCFL root in an S3-compatible bucket.
 */
abstract class ReplicaContract {

    @TempDir
    Path tmp;

    OcflReplica replica;

    abstract OcflReplica open(Path tmp) throws Exception;

    @BeforeEach
    void start() throws Exception {
        replica = open(tmp);
    }

    @AfterEach
    void stop() {
        replica.close();
    }

    private Path file(String name, byte[] bytes) throws Exception {
        Path p = tmp.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private byte[] read(String id, String logical) throws Exception {
        try (var in = replica.open(id, logical)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aVersionIsStoredAndReadBackByteForByteUnderChineseNames() throws Exception {
        String id = "urn:siarchive:item:" + java.util.UUID.randomUUID();
        byte[] png = "png-bytes-一".getBytes(StandardCharsets.UTF_8);
        byte[] pdf = "pdf-bytes-二".getBytes(StandardCharsets.UTF_8);
        var files = new LinkedHashMap<String, Path>();
        files.put("content/0001-SB·2024-D100-01·GRCB-0001-0001.png", file("a", png));
        files.put("content/0001-SB·2024-D100-01·GRCB-0001-0002.pdf", file("b", pdf));

        assertThat(replica.contains(id)).isFalse();
        assertThat(replica.mirroredVersion(id)).isEmpty();
        replica.put(id, files, "{\"v\":1}".getBytes(StandardCharsets.UTF_8), 1, "junit");

        assertThat(replica.contains(id)).isTrue();
        assertThat(replica.mirroredVersion(id)).contains(1);
        assertThat(replica.logicalPaths(id))
                .containsExactly(
                        "content/0001-SB·2024-D100-01·GRCB-0001-0001.png",
                        "content/0001-SB·2024-D100-01·GRCB-0001-0002.pdf",
                        "metadata.json");
        assertThat(read(id, "content/0001-SB·2024-D100-01·GRCB-0001-0001.png")).isEqualTo(png);
        assertThat(read(id, "content/0001-SB·2024-D100-01·GRCB-0001-0002.pdf")).isEqualTo(pdf);
        assertThat(read(id, "metadata.json")).isEqualTo("{\"v\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(replica.validate(id)).isEmpty();
        assertThat(replica.objectIds()).contains(id);
    }

    @Test
    void aNewPrimaryVersionReplacesTheHeadStateAndKeepsHistory() throws Exception {
        String id = "urn:siarchive:item:" + java.util.UUID.randomUUID();
        replica.put(
                id,
                Map.of("content/0001.png", file("v1a", new byte[] {1}), "content/0002.pdf", file("v1b", new byte[] {2
                })),
                "{\"v\":1}".getBytes(StandardCharsets.UTF_8),
                1,
                "junit");
        replica.put(
                id,
                Map.of("content/0001.png", file("v2a", new byte[] {1, 1})),
                "{\"v\":3}".getBytes(StandardCharsets.UTF_8),
                3,
                "junit");

        assertThat(replica.headVersion(id)).isEqualTo(2);
        assertThat(replica.mirroredVersion(id)).contains(3);
        assertThat(replica.logicalPaths(id)).containsExactly("content/0001.png", "metadata.json");
        assertThat(read(id, "content/0001.png")).containsExactly(1, 1);
        assertThat(replica.validate(id)).isEmpty();
        assertThatThrownBy(() -> replica.open(id, "content/0002.pdf")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aLargeFileRoundTrips() throws Exception {
        String id = "urn:siarchive:item:" + java.util.UUID.randomUUID();
        byte[] big = new byte[12 * 1024 * 1024 + 17];
        new Random(7).nextBytes(big);
        replica.put(id, Map.of("content/0001.tif", file("big", big)), new byte[] {'{', '}'}, 1, "junit");
        var expected = Digester.of(big);
        assertThat(Digester.of(read(id, "content/0001.tif"))).isEqualTo(expected);
    }

    @Test
    void anUnknownObjectOrPathIsAnErrorNotAnEmptyAnswer() {
        assertThatThrownBy(() -> replica.open("urn:siarchive:item:none", "content/0001.png"))
                .isInstanceOf(RuntimeException.class);
        assertThat(replica.contains("urn:siarchive:item:none")).isFalse();
    }
}
