package org.siarchive.preservation;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocfl.api.model.ObjectVersionId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siarchive.platform.DataDirectory;

/**
 * Issue 21: two application nodes — two stores, each with its own data directory and its own ocfl-java
 * repository — on one bucket and one PostgreSQL write new versions of the same object at the same time.
 * ocfl-java's database lock serialises the commits and a writer that staged on an older head stages again:
 * every version lands, numbered without gaps, and the object validates with every file in its head.
 */
class S3ObjectLockTest {

    static final int VERSIONS_PER_NODE = 6;

    @Test
    void twoNodesWritingTheSameObjectLoseNoVersion(@TempDir Path tmp) throws Exception {
        String prefix = "lock-" + tmp.getFileName();
        var nodeA = node(tmp.resolve("a"), prefix);
        var nodeB = node(tmp.resolve("b"), prefix);
        String id = "urn:siarchive:item:contended";
        var pool = Executors.newFixedThreadPool(2);
        try {
            nodeA.writeVersion(id, List.of(file(tmp, "first", "v1")), sidecar("a", 0), "v1", "a");
            var start = new CountDownLatch(1);
            var futures = new ArrayList<Future<List<Integer>>>();
            for (var node : List.of(nodeA, nodeB)) {
                String name = node == nodeA ? "a" : "b";
                futures.add(pool.submit(() -> {
                    start.await();
                    var versions = new ArrayList<Integer>();
                    for (int i = 1; i <= VERSIONS_PER_NODE; i++) {
                        var f = file(tmp, name + i, "node " + name + " version " + i);
                        versions.add(node.writeVersion(
                                id,
                                List.of(new StoredFile("content/" + name + "-" + i + ".txt", f.source())),
                                sidecar(name, i),
                                name + i,
                                name));
                    }
                    return versions;
                }));
            }
            start.countDown();
            var numbers = new HashSet<Integer>();
            for (var f : futures) {
                numbers.addAll(f.get());
            }

            int last = 1 + 2 * VERSIONS_PER_NODE;
            assertThat(numbers).hasSize(2 * VERSIONS_PER_NODE).allMatch(n -> n > 1 && n <= last);
            assertThat(nodeA.headVersion(id)).contains(last);
            assertThat(nodeB.headVersion(id)).contains(last);
            assertThat(nodeB.logicalPaths(id)).hasSize(1 + 2 * VERSIONS_PER_NODE + 1);
            assertThat(nodeA.validate(id)).isEmpty();
            var messages = new HashSet<String>();
            for (int v = 1; v <= last; v++) {
                messages.add(nodeA.store()
                        .repo()
                        .describeVersion(ObjectVersionId.version(id, v))
                        .getVersionInfo()
                        .getMessage());
            }
            assertThat(messages).hasSize(last);
            try (var c = S3Primary.dataSource().getConnection();
                    var rs = c.createStatement().executeQuery("select count(*) from ocfl_object_lock")) {
                rs.next();
                assertThat(rs.getInt(1)).as("locks left behind").isZero();
            }
        } finally {
            pool.shutdownNow();
            nodeA.destroy();
            nodeB.destroy();
        }
    }

    private static Preservation node(Path dir, String prefix) {
        return new Preservation(
                new DataDirectory(dir),
                new FormatIdentifier(),
                new ReplicaSettings(null, null, null, null, null, null, null, null),
                S3Primary.settings(prefix),
                S3Primary.dataSource());
    }

    private static StoredFile file(Path tmp, String name, String text) throws Exception {
        return new StoredFile("content/" + name + ".txt", Files.writeString(tmp.resolve(name + ".txt"), text));
    }

    private static byte[] sidecar(String node, int i) {
        return ("{\"node\":\"" + node + "\",\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
    }
}
