package org.siarchive.digitisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.siarchive.platform.DataDirectory;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bounded intake of scan batches (issue 12; docs/adr/0033): a zip bomb, a zip of a hundred thousand
 * entries and a page whose header claims ten gigapixels are refused with 422 naming the zip and the rule,
 * after a bounded amount of work, and leave no batch behind.
 */
class ScanBatchBoundsIT extends IntegrationTest {

    @Autowired
    ScanBatches batches;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataDirectory data;

    @Test
    void refusesAZipEntryOfAGigabyteOfZerosAfterBoundedWork() throws Exception {
        long before = batchCount();
        try (var zip = streamedZip("zeros.png", 1L << 30)) {
            assertThatThrownBy(() -> batches.create("炸弹", "0001", false, 5, zip, ScanBatchIT.ARCHIVIST))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(rules(e))
                            .containsExactly("file:zip.ratio"));
        }
        assertNothingLeft(before);
    }

    @Test
    void refusesAZipOfAHundredThousandEntries() throws Exception {
        long before = batchCount();
        var out = new ByteArrayOutputStream();
        try (var z = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 100_000; i++) {
                z.putNextEntry(new ZipEntry("d%06d/".formatted(i)));
                z.closeEntry();
            }
        }

        assertThatThrownBy(() -> batches.create(
                        "条目", "0001", false, 5, new ByteArrayInputStream(out.toByteArray()), ScanBatchIT.ARCHIVIST))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(rules(e))
                        .containsExactly("file:zip.tooManyEntries"));
        assertNothingLeft(before);
    }

    @Test
    void refusesAPageWhoseHeaderClaimsTenGigapixelsBeforeDecodingIt() throws Exception {
        long before = batchCount();
        byte[] zip = ScanBatchIT.zip(
                List.of("p1.png"),
                List.of(org.siarchive.support.HostileFiles.pngHeaderClaiming(100_000, 100_000)),
                null);

        assertThatThrownBy(() ->
                        batches.create("像素", "0001", false, 5, new ByteArrayInputStream(zip), ScanBatchIT.ARCHIVIST))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(rules(e))
                        .containsExactly("file:file.tooManyPixels"));
        assertNothingLeft(before);
    }

    private static List<String> rules(InvalidInputException e) {
        return e.violations().stream().map(v -> v.field() + ":" + v.rule()).toList();
    }

    private long batchCount() {
        return jdbc.sql("select count(*) from scan_batch").query(Long.class).single();
    }

    private void assertNothingLeft(long before) throws IOException {
        assertThat(batchCount()).isEqualTo(before);
        var root = data.resolve("digitisation");
        if (Files.isDirectory(root)) {
            try (var dirs = Files.list(root)) {
                assertThat(dirs.filter(d -> !jdbc.sql("select count(*) from scan_batch where id::text = :id")
                                        .param("id", d.getFileName().toString())
                                        .query(Long.class)
                                        .single()
                                        .equals(1L))
                                .toList())
                        .as("no batch directory without its batch")
                        .isEmpty();
            }
        }
    }

    /** A zip written while it is read: one deflated entry of {@code size} zero bytes, never held in memory. */
    private static InputStream streamedZip(String entry, long size) throws IOException {
        var in = new PipedInputStream(1 << 20);
        var out = new PipedOutputStream(in);
        var writer = new Thread(() -> {
            try (var z = new ZipOutputStream(out)) {
                z.putNextEntry(new ZipEntry(entry));
                byte[] zeros = new byte[1 << 20];
                for (long written = 0; written < size; written += zeros.length) {
                    z.write(zeros);
                }
                z.closeEntry();
            } catch (IOException e) {
                // the reader stopped early, as it should: the pipe is broken
            }
        });
        writer.setDaemon(true);
        writer.start();
        return in;
    }
}
