package org.siarchive.preservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siarchive.platform.DataDirectory;

/**
 * A stored file damaged or deleted on the primary is repaired from the replica — but only with a copy
 * that matches the registered digests.
 */
class ReplicaRepairTest {

    @Test
    void aDamagedOrMissingFileIsRepairedFromTheReplicaOnlyWithAMatchingCopy(@TempDir Path tmp) throws Exception {
        var settings =
                new ReplicaSettings("disk", tmp.resolve("replica").toString(), null, null, null, null, null, null);
        var preservation = new Preservation(new DataDirectory(tmp.resolve("data")), new FormatIdentifier(), settings);
        try {
            String id = "urn:siarchive:item:repair";
            byte[] bytes = "正本内容 original content".repeat(200).getBytes(StandardCharsets.UTF_8);
            Path source = tmp.resolve("source.txt");
            Files.write(source, bytes);
            var expected = Digester.of(bytes);
            preservation.writeVersion(
                    id,
                    List.of(new StoredFile("content/0001.xml", source)),
                    "{}".getBytes(StandardCharsets.UTF_8),
                    "t",
                    "junit");
            assertThat(preservation.replicate(id)).contains(1);
            assertThat(preservation.replicate(id)).contains(1); // already in step: nothing written
            assertThat(preservation.replica().orElseThrow().headVersion(id)).isEqualTo(1);

            Path stored = preservation.storagePath(id, "content/0001.xml");
            byte[] damaged = bytes.clone();
            damaged[10] ^= 1;
            Files.write(stored, damaged);
            assertThat(preservation.fixityOf(id, "content/0001.xml")).isNotEqualTo(expected);
            assertThat(preservation.repairFromReplica(id, "content/0001.xml", expected))
                    .isTrue();
            assertThat(preservation.fixityOf(id, "content/0001.xml")).isEqualTo(expected);
            assertThat(preservation.validate(id)).isEmpty();

            Files.delete(stored);
            assertThat(preservation.repairFromReplica(id, "content/0001.xml", expected))
                    .isTrue();
            assertThat(preservation.fixityOf(id, "content/0001.xml")).isEqualTo(expected);

            // a replica copy that does not match the registered digests is never used
            var wrong = new Fixity(expected.size(), "0".repeat(64), expected.sha256());
            Files.write(stored, damaged);
            assertThat(preservation.repairFromReplica(id, "content/0001.xml", wrong))
                    .isFalse();
            assertThat(Files.readAllBytes(stored)).isEqualTo(damaged);
        } finally {
            preservation.destroy();
        }
    }
}
