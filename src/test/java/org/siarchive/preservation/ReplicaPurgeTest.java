package org.siarchive.preservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siarchive.platform.DataDirectory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Destruction's purge (issue 16 item 4) on every store this part owns: a marker planted in an object's
 * content is found by a byte scan of the primary root, the staging area and the replica — on disk, and in
 * an S3 bucket served by S3Proxy in this JVM (its backing directory scanned) — before the purge, and
 * nowhere after it. Purging twice, and purging an object a crash left half-deleted, is harmless.
 */
class ReplicaPurgeTest {

    @Test
    void purgeLeavesNoByteOnPrimaryStagingAndDiskReplica(@TempDir Path tmp) throws Exception {
        var settings =
                new ReplicaSettings("disk", tmp.resolve("replica").toString(), null, null, null, null, null, null);
        roundTrip(tmp, settings, List.of(tmp.resolve("replica")));
    }

    @Test
    void purgeLeavesNoByteInTheS3Replica(@TempDir Path tmp) throws Exception {
        Path backing = Files.createDirectories(tmp.resolve("s3"));
        var props = new Properties();
        props.setProperty("jclouds.filesystem.basedir", backing.toString());
        var proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("filesystem", props))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "purge-access", "purge-secret")
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        try {
            for (int i = 0; i < 200 && !"STARTED".equals(proxy.getState()); i++) {
                Thread.sleep(10);
            }
            String endpoint = "http://127.0.0.1:" + proxy.getPort();
            try (var s3 = S3Client.builder()
                    .endpointOverride(URI.create(endpoint))
                    .region(Region.US_EAST_1)
                    .forcePathStyle(true)
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create("purge-access", "purge-secret")))
                    .build()) {
                s3.createBucket(b -> b.bucket("purge-replica"));
            }
            var settings = new ReplicaSettings(
                    "s3", null, endpoint, "us-east-1", "purge-replica", "siarchive", "purge-access", "purge-secret");
            roundTrip(tmp, settings, List.of(backing));
        } finally {
            proxy.stop();
        }
    }

    private void roundTrip(Path tmp, ReplicaSettings settings, List<Path> replicaRoots) throws Exception {
        var data = tmp.resolve("data");
        var preservation = new Preservation(new DataDirectory(data), new FormatIdentifier(), settings);
        try {
            String marker = "SIA-MARKER-" + UUID.randomUUID();
            String doomed = "urn:siarchive:item:" + UUID.randomUUID();
            String stagingKey = UUID.randomUUID().toString();
            String kept = "urn:siarchive:item:" + UUID.randomUUID();
            write(preservation, tmp, doomed, marker, 2);
            write(preservation, tmp, kept, "KEPT-" + marker, 1);
            preservation.stage(stagingKey, 1, new java.io.ByteArrayInputStream(bytes(marker)), 1 << 20);
            assertThat(preservation.replicate(doomed)).contains(2);
            assertThat(preservation.replicate(kept)).contains(1);
            var roots = new ArrayList<>(List.of(data.resolve("ocfl"), data.resolve("staging")));
            roots.addAll(replicaRoots);
            // the scan can fail: it finds the marker in the primary, staging and the replica
            assertThat(containing(List.of(data.resolve("ocfl")), marker)).isNotEmpty();
            assertThat(containing(List.of(data.resolve("staging")), marker)).isNotEmpty();
            assertThat(containing(replicaRoots, marker)).isNotEmpty();

            preservation.purge(doomed, stagingKey);
            preservation.purgeReplica(doomed);

            assertThat(containing(roots, marker))
                    .as("only the kept object's own marker is left")
                    .allSatisfy(p -> assertThat(Files.readString(p, StandardCharsets.ISO_8859_1))
                            .contains("KEPT-" + marker));
            assertThat(preservation.holds(doomed)).isFalse();
            assertThat(preservation.replica().orElseThrow().contains(doomed)).isFalse();
            assertThat(preservation.validate(kept)).isEmpty();
            assertThat(preservation.replica().orElseThrow().validate(kept)).isEmpty();
            // idempotent: a repeat after a crash changes nothing
            preservation.purge(doomed, stagingKey);
            preservation.purgeReplica(doomed);

            // half-deleted by a crash: the inventory gone, content left — the object root goes anyway
            String half = "urn:siarchive:item:" + UUID.randomUUID();
            write(preservation, tmp, half, "HALF-" + marker, 1);
            var content = preservation.storagePath(half, "content/0001.pdf");
            Path objectRoot = content.getParent();
            while (!Files.exists(objectRoot.resolve("0=ocfl_object_1.1"))) {
                objectRoot = objectRoot.getParent();
            }
            Files.delete(objectRoot.resolve("inventory.json"));
            preservation.purge(half, "none");
            assertThat(Files.exists(objectRoot)).isFalse();
            assertThat(containing(List.of(data.resolve("ocfl")), "HALF-" + marker))
                    .isEmpty();
        } finally {
            preservation.destroy();
        }
    }

    private static void write(Preservation p, Path tmp, String id, String marker, int versions) throws IOException {
        for (int v = 1; v <= versions; v++) {
            Path src = tmp.resolve(UUID.randomUUID() + ".pdf");
            Files.write(src, bytes(marker + " v" + v));
            p.writeVersion(id, List.of(new StoredFile("content/000" + v + ".pdf", src)), "{}".getBytes(), "t", "junit");
        }
    }

    private static byte[] bytes(String marker) {
        return ("%PDF-1.4 content " + marker + " end").getBytes(StandardCharsets.US_ASCII);
    }

    private static List<Path> containing(List<Path> roots, String marker) {
        var out = new ArrayList<Path>();
        byte[] needle = marker.getBytes(StandardCharsets.US_ASCII);
        for (Path root : roots) {
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).forEach(p -> {
                    try {
                        if (indexOf(Files.readAllBytes(p), needle) >= 0) out.add(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
