package org.siarchive.search;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.bench.PeakHeap;
import org.siarchive.crypto.Sm3;

/**
 * What an expunge costs (docs/adr/0070): an index of {@code bench.docs} items (10,000), committed in several
 * segments; then 1, 100 and 1,000 items removed and the deletes expunged and committed, each timed, with the
 * index size before and after. {@code -Pbench -Dtest=ExpungeBenchmark -Dbench.docs=10000}.
 */
@Tag("bench")
class ExpungeBenchmark {

    final byte[] key = "search-benchmark-index-key-32byt".getBytes(StandardCharsets.UTF_8);

    @Test
    void expungeAfterRemovals() throws Exception {
        int n = Integer.getInteger("bench.docs", 10_000);
        Path dir = Files.createTempDirectory("siarchive-expunge-bench");
        try (var heap = PeakHeap.watch();
                var index = new LuceneArchiveSearch(dir, v -> Arrays.copyOf(Sm3.hmac(key, v.getBytes()), 32))) {
            for (int i = 0; i < n; i++) {
                index.index(entry(i));
                if (i % 2000 == 1999) {
                    index.commit(Map.of()); // several segments, as a live index has
                }
            }
            index.commit(Map.of());
            for (int removed : new int[] {1, 100, 1000}) {
                for (int i = 0; i < removed; i++) {
                    index.remove(new UUID(7, (long) i * 7919 % n));
                }
                index.commit(Map.of());
                long before = size(dir);
                long t0 = System.nanoTime();
                index.expungeDeletes();
                index.commit(Map.of());
                double ms = (System.nanoTime() - t0) / 1e6;
                System.out.printf(
                        "expunge: %,d docs, %,d removed: %.0f ms (index %,d → %,d bytes)%n",
                        n, removed, ms, before, size(dir));
                for (int i = 0; i < removed; i++) { // back for the next round, expunged untimed
                    index.index(entry((int) ((long) i * 7919 % n)));
                }
                index.commit(Map.of());
            }
            System.out.println(heap.line());
        } finally {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static long size(Path dir) throws java.io.IOException {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }

    private SearchEntry entry(int i) {
        int year = 2000 + i % 24;
        String text =
                "参保人员增员表。参保人于" + year + "年办理养老保险业务，缴费基数" + (3000 + i % 9000) + "元，经办机构审核通过，参保单位成都示范科技有限公司第" + i + "号。";
        return new SearchEntry(
                new UUID(7, i),
                "0001-SB·%d-D30-01·GRCB-%07d".formatted(year, i),
                "参保人员增员表",
                "张明" + (i % 97),
                Arrays.copyOf(Sm3.hmac(key, ("c" + i).getBytes()), 32),
                null,
                null,
                "01",
                "GRCB",
                "110",
                year,
                OffsetDateTime.of(year, 1 + i % 12, 1 + i % 28, 9, 0, 0, 0, ZoneOffset.ofHours(8)),
                2,
                "/1/2/",
                1,
                "甲县社保中心",
                "D30",
                "PRESERVED",
                "SL" + i,
                text,
                null,
                null,
                null);
    }
}
