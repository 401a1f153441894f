package org.siarchive.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.siarchive.audit.AuditChain;
import org.siarchive.catalog.Catalog;
import org.siarchive.preservation.Preservation;
import org.siarchive.quality.Submission;
import org.siarchive.shared.Actor;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/**
 * Group commit in-process: concurrent batches and single captures into one class share group commits and
 * still get gap-free 档号, each with its audit entries, and the audit chain verifies afterwards.
 */
class GroupCommitIT extends IntegrationTest {

    /**
     * A year no other test of this kind files into. The class need not start empty: demo data loaded by other tests
     * into the same database (random seeds, enrolments dated 2005–2008) may already hold items in it.
     */
    private static final String DOC_DATE = "2007-06-18";

    private static final String CLASS_KEY = "0001-SB·2007-D100-01·GRCB-";

    @Autowired
    BatchCaptures batches;

    @Autowired
    Captures captures;

    @Autowired
    Catalog catalog;

    @Autowired
    Preservation preservation;

    @Autowired
    Fingerprints fingerprints;

    @Autowired
    GroupCommit groupCommit;

    @Autowired
    AuditChain chain;

    @Autowired
    FilingGate filingGate;

    @Autowired
    JdbcClient jdbc;

    @Test
    void concurrentBatchesAndSinglesGetGapFreeArchiveCodesAndTheAuditChainVerifies() throws Exception {
        int before = itemsOfTheClass().size();
        var pool = Executors.newFixedThreadPool(5);
        var tasks = new ArrayList<Callable<List<String>>>();
        for (int t = 0; t < 3; t++) {
            int thread = t;
            tasks.add(() -> IntStream.range(0, 4)
                    .mapToObj(b -> batch(thread * 100 + b * 10, 6))
                    .flatMap(List::stream)
                    .toList());
        }
        for (int t = 0; t < 2; t++) {
            int thread = t;
            tasks.add(() -> IntStream.range(0, 8)
                    .mapToObj(i -> single(1000 + thread * 100 + i))
                    .toList());
        }
        var codes = new ArrayList<String>();
        for (var f : pool.invokeAll(tasks)) {
            codes.addAll(f.get());
        }
        pool.shutdown();

        int expected = 3 * 4 * 6 + 2 * 8;
        assertThat(codes).hasSize(expected).doesNotHaveDuplicates();
        assertThat(itemsOfTheClass())
                .as(() -> "items of the class not answered to any caller: " + unanswered(codes))
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, before + expected).boxed().toList());
        assertThat(codes)
                .map(c -> Integer.parseInt(c.substring(CLASS_KEY.length())))
                .as("the captures of this test took the numbers after those the class held")
                .allMatch(n -> n > before);
        assertThat(jdbc.sql(
                                """
                select count(*) from item i where i.archive_code = any(:codes) and (i.status <> 'PRESERVED' or 2 <> (
                  select count(*) from audit_entry a where a.object_type = 'ITEM' and a.object_id = i.id::text
                  and a.operation in ('RECEIVE', 'CAPTURE')))
                """)
                        .param("codes", codes.toArray(String[]::new))
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void aBatchOverItsByteLimitIsRefusedWholeAndLeavesNothing() {
        var small = new BatchSettings(10, DataSize.ofKilobytes(1), 0, 0, null);
        var limited = new BatchCaptures(captures, catalog, preservation, fingerprints, groupCommit, small, filingGate);
        long before = jdbc.sql("select count(*) from item").query(Long.class).single();
        var items = List.of(item(1, "2006-06-18"), item(2, "2006-06-18"));

        assertThatThrownBy(() -> limited.capture(items, Actor.SYSTEM))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.rule())
                        .containsExactly("batchTooLarge"));
        assertThat(jdbc.sql("select count(*) from item").query(Long.class).single())
                .isEqualTo(before);
        assertThat(batches.capture(items, Actor.SYSTEM).count(BatchResult.Outcome.CREATED))
                .as("the same batch within the default limit")
                .isEqualTo(2);
    }

    @Test
    void aBatchKeepsEachItemsFilingRunAndTiesItToItsArchiveCode() {
        // given a batch of three whose filing runs are kept together (docs/adr/0121)
        var items = List.of(item(501, "2004-06-18"), item(502, "2004-06-18"), item(503, "2004-06-18"));

        // when it is captured
        var result = batches.capture(items, Actor.SYSTEM);

        // then each item has its own passed GD run, named by its 业务受理号 and tied to its 档号
        assertThat(result.count(BatchResult.Outcome.CREATED)).isEqualTo(3);
        for (int i = 0; i < items.size(); i++) {
            var item = result.items().get(i).item();
            var run = jdbc.sql(
                            """
                    select subject, overall, archive_code from check_run where stage = 'GD' and item_id = :id
                    """)
                    .param("id", item.id())
                    .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                    .single();
            assertThat(run).containsExactly(items.get(i).submission().acceptanceNo(), "PASS", item.archiveCode());
            // and its object version, whose files were linked from staging with their staged digests, validates
            assertThat(preservation.validate(item.objectId())).isEmpty();
        }
        // and each run's report has its audit entry
        assertThat(jdbc.sql(
                                """
                select count(*) from audit_entry a join check_run r on a.object_id = r.id::text
                where a.object_type = 'CHECK_RUN' and r.item_id = any(:ids)
                """)
                        .param(
                                "ids",
                                result.items().stream().map(r -> r.item().id()).toArray(java.util.UUID[]::new))
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThat(chain.verify().intact()).isTrue();
    }

    private List<Integer> itemsOfTheClass() {
        return jdbc.sql("select item_no from item where class_key = :k order by item_no")
                .param("k", CLASS_KEY)
                .query(Integer.class)
                .list();
    }

    /** Every item of the test's class whose 档号 no caller got back, with what identifies where it came from. */
    private List<String> unanswered(List<String> codes) {
        return jdbc
                .sql(
                        """
                select archive_code || ' ' || status || ' ' || acceptance_no || ' ' || idempotency_key || ' '
                    || title || ' ' || created_at from item where class_key = :k order by item_no
                """)
                .param("k", CLASS_KEY)
                .query(String.class)
                .list()
                .stream()
                .filter(row -> codes.stream().noneMatch(c -> row.startsWith(c + " ")))
                .toList();
    }

    private List<String> batch(int seed, int size) {
        var items =
                IntStream.range(0, size).mapToObj(i -> item(seed + i, DOC_DATE)).toList();
        var result = batches.capture(items, Actor.SYSTEM);
        assertThat(result.count(BatchResult.Outcome.CREATED)).isEqualTo(size);
        return result.items().stream().map(r -> r.item().archiveCode()).toList();
    }

    private String single(int seed) {
        var i = item(seed, DOC_DATE);
        return captures.capture(i.submission(), i.uploads(), null, Actor.SYSTEM)
                .item()
                .archiveCode();
    }

    private static BatchItem item(int seed, String docDate) {
        var s = Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1971), "吴建国");
        var dated = new Submission(
                s.fondsCode(),
                s.acceptanceNo(),
                s.businessStep(),
                s.insuranceType(),
                s.title(),
                s.responsible(),
                docDate,
                s.docNo(),
                s.securityLevel(),
                s.person(),
                s.employer(),
                s.handler(),
                s.handlingAgency(),
                s.handledAt(),
                s.files());
        return new BatchItem(
                dated,
                List.of(Upload.ofBytes("表.png", Samples.png(seed)), Upload.ofBytes("证.pdf", Samples.pdf("ID " + seed))),
                null);
    }
}
