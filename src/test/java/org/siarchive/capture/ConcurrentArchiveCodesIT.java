package org.siarchive.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.siarchive.quality.Submission;
import org.siarchive.shared.Actor;
import org.siarchive.support.Depth;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 8 threads capturing into one class get distinct 档号 numbered on from the class's last with no gap: 8 × 100 captures
 * in the default build, 8 × 500 under {@code -Pdeep} (support.Depth).
 */
class ConcurrentArchiveCodesIT extends IntegrationTest {

    private static final int THREADS = 8;
    private static final int PER_THREAD = Depth.of(100, 500);

    @Autowired
    Captures captures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void concurrentCapturesGetUniqueGapFreeArchiveCodes() throws Exception {
        // a business step and year no other test captures into; the class is not assumed empty all the same
        String classKey = "0001-SB·2012-D100-01·ZHDZ-";
        int before = numbers(classKey).size();
        var pool = Executors.newFixedThreadPool(THREADS);
        var futures = new ArrayList<Future<List<String>>>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit((Callable<List<String>>) () -> IntStream.range(0, PER_THREAD)
                    .mapToObj(i -> captureOne(thread * PER_THREAD + i))
                    .toList()));
        }
        var codes = new ArrayList<String>();
        for (var f : futures) {
            codes.addAll(f.get());
        }
        pool.shutdown();

        assertThat(codes).hasSize(THREADS * PER_THREAD).doesNotHaveDuplicates().allMatch(c -> c.startsWith(classKey));
        int total = before + THREADS * PER_THREAD;
        assertThat(numbers(classKey))
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, total).boxed().toList());
        assertThat(codes).contains(classKey + "%04d".formatted(before + 1), classKey + "%04d".formatted(total));
    }

    private List<Integer> numbers(String classKey) {
        return jdbc.sql("select item_no from item where class_key = :k order by item_no")
                .param("k", classKey)
                .query(Integer.class)
                .list();
    }

    private String captureOne(int n) {
        var s = new Submission(
                "0001",
                "CC" + n + "-" + System.nanoTime(),
                "ZHDZ",
                "110",
                "个人账户对账单 " + n,
                "测试中心",
                "2012-06-30",
                null,
                null,
                new Submission.Person("01", Samples.citizenId(1960 + n % 40), "对账人" + n),
                null,
                "经办",
                "测试中心",
                "2012-06-30T10:00:00+08:00",
                List.of(new Submission.Material("ZH01")));
        var result = captures.capture(
                s,
                List.of(org.siarchive.capture.Upload.ofBytes("z.png", Samples.png(100_000 + n))),
                null,
                Actor.SYSTEM);
        return result.item().archiveCode();
    }
}
