package org.siarchive.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siarchive.crypto.MasterKey;
import org.siarchive.crypto.SigningKey;

/**
 * The manifest written entry by entry (docs/adr/0119): its entries spilled to a temporary file and its signature
 * streamed through the signer give the bytes a receiver reads and verifies; a byte changed after signing is
 * caught; the temporary file is gone once the writer closes.
 */
class ManifestWriterTest {

    @TempDir
    Path dir;

    @Test
    void aStreamedManifestIsReadAndVerifiedByTheReceiver() throws Exception {
        var key = SigningKey.loadOrCreate(dir, "transfer-sm2", MasterKey.generate(dir.resolve("master.key")));
        UUID id = UUID.randomUUID();
        var now = OffsetDateTime.of(2026, 11, 30, 9, 0, 0, 0, ZoneOffset.ofHours(8));
        var out = new ByteArrayOutputStream();
        int n = 3_000;
        try (var writer = new Manifest.Writer()) {
            for (int i = 1; i <= n; i++) {
                writer.add(new Manifest.Entry(
                        "0001-SB·2026-D30-01·GRCB-%05d".formatted(i),
                        "eep/%04d.xml".formatted(i),
                        "%064d".formatted(i)));
            }
            writer.writeTo(out, id, TransferPackages.Format.EEP, now, "成都市社会保险事业管理局", 123_456L, key);
        }
        byte[] bytes = out.toByteArray();

        var read = Manifest.read(bytes, 300 << 20, Set.of(key.keyId()));
        assertThat(read.signatureProblem()).isNull();
        assertThat(read.headerProblem()).isNull();
        assertThat(read.packageId()).isEqualTo(id);
        assertThat(read.count()).isEqualTo(n);
        assertThat(read.bytes()).isEqualTo(123_456L);
        assertThat(read.entries()).hasSize(n);
        assertThat(read.entries().get(n - 1).archiveCode()).isEqualTo("0001-SB·2026-D30-01·GRCB-%05d".formatted(n));

        String text = new String(bytes, StandardCharsets.UTF_8);
        byte[] altered = text.replace("GRCB-01500", "GRCB-01501").getBytes(StandardCharsets.UTF_8);
        assertThat(Manifest.read(altered, 300 << 20, Set.of(key.keyId())).signatureProblem())
                .as("an entry changed after signing")
                .contains("验证失败");
    }

    @Test
    void theSpilledEntriesAreDeletedWhenTheWriterCloses() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = spills(tmp);
        var writer = new Manifest.Writer();
        writer.add(new Manifest.Entry("A-1", "eep/0001.xml", "0".repeat(64)));
        assertThat(spills(tmp)).isEqualTo(before + 1);
        writer.close();
        assertThat(spills(tmp)).isEqualTo(before);
    }

    private static long spills(Path tmp) throws Exception {
        try (var files = Files.list(tmp)) {
            return files.filter(p -> p.getFileName().toString().startsWith("siarchive-manifest-"))
                    .count();
        }
    }
}
