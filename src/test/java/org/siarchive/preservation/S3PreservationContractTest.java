package org.siarchive.preservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.siarchive.platform.DataDirectory;
import org.springframework.util.unit.DataSize;

/**
 * The preservation contract on an S3 primary (issue 21): the OCFL root in a bucket of S3Proxy running in this
 * JVM, locked per object in an embedded PostgreSQL, with a disk replica. Stored files are damaged and deleted
 * through the bucket's own API, as a failing medium would.
 */
class S3PreservationContractTest extends PreservationContract {

    @Override
    Preservation open(Path tmp) {
        var replica =
                new ReplicaSettings("disk", tmp.resolve("replica").toString(), null, null, null, null, null, null);
        return new Preservation(
                new DataDirectory(tmp.resolve("data")),
                new FormatIdentifier(),
                replica,
                S3Primary.settings("contract-" + tmp.getFileName()),
                S3Primary.dataSource());
    }

    @Override
    void deleteStored(Preservation p, String path) {
        String prefix = "contract-" + tmp.getFileName();
        try (var s3 = S3Primary.client()) {
            s3.deleteObject(b -> b.bucket(S3Primary.BUCKET).key(prefix + "/" + path));
        }
    }

    @Override
    boolean copiesFromTheStore() {
        return true;
    }

    @Test
    void theStoreIsTheBucketAndNoFileOfItLiesInTheDataDirectory() throws Exception {
        String id = objectId("bucket");
        write(id, "content/0001.txt", "in the bucket");
        assertThat(preservation.storeDescription()).startsWith("s3:http://127.0.0.1:");
        assertThat(Files.exists(tmp.resolve("data").resolve("ocfl"))).isFalse();
        try (var s3 = S3Primary.client()) {
            var keys = s3.listObjectsV2(b -> b.bucket(S3Primary.BUCKET).prefix("contract-" + tmp.getFileName() + "/"))
                    .contents();
            assertThat(keys).anySatisfy(o -> assertThat(o.key()).endsWith("/v1/content/content/0001.txt"));
        }
        assertThatThrownBy(() -> preservation.storagePath(id, "content/0001.txt"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void localCopiesStopAtTheirLimitAndLeaveNothingBehind() throws Exception {
        String id = objectId("limit");
        write(id, "content/0001.txt", "x".repeat(4096));
        preservation.destroy();
        var settings = S3Primary.settings("contract-" + tmp.getFileName());
        preservation = new Preservation(
                new DataDirectory(tmp.resolve("data")),
                new FormatIdentifier(),
                new ReplicaSettings(null, null, null, null, null, null, null, null),
                new StoreSettings("s3", settings.s3(), null, DataSize.ofBytes(1000)),
                S3Primary.dataSource());
        assertThatThrownBy(() -> preservation.localCopies(id)).hasMessageContaining("local-copy-limit");
        try (var left = Files.list(StoreSettings.copiesDir(new DataDirectory(tmp.resolve("data"))))) {
            assertThat(left).isEmpty();
        }
    }
}
