package org.siarchive.disposition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.organisation.Organisations;
import org.siarchive.platform.DataDirectory;
import org.siarchive.security.Accounts;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ReadableTime;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Issue 16, "must show" 1: a batch walked from the expiry worklist to execution through the console's
 * HTTP endpoints, each step by the role that owns it; afterwards no byte of the destroyed content is left
 * in the primary OCFL root, the replica, staging or the search index — and the scans are shown to find the
 * marker before, so they can fail. Subclasses configure the replica (disk, S3).
 */
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // its own platform and PostgreSQL: closed after
abstract class DispositionWalkContract {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    Captures captures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail audit;

    @Autowired
    DataDirectory data;

    @Autowired
    org.springframework.context.ApplicationContext context;

    /** Where the replica's bytes lie on this machine (the disk root, or S3Proxy's backing directory). */
    abstract Path replicaBytes();

    @Test
    void aBatchWalksFromTheWorklistToSupervisedDestructionAndLeavesNoByteBehind() throws Exception {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        // the content marker lies in the stored PDF's bytes; the index holds no file text, so the person's
        // name (personal data the tombstone drops) is the marker the index is scanned for
        String marker = "xhmark" + run + "q" + Long.toHexString(System.nanoTime());
        String name = "甄销毁" + run;
        var people = RoleSessions.create(accounts, organisations.root().id(), run);

        ItemRecord marked = capture("2012-03-14", 1962, name, "content " + marker);
        ItemRecord plain = capture("2013-07-02", 1963, "销毁乙", "content of a plain item " + run);
        ItemRecord extended = capture("2014-05-20", 1964, "延期丙", "content kept longer " + run);
        assertThat(List.of(marked, plain, extended)).allSatisfy(i -> assertThat(i.retentionEnd())
                .isBefore(ReadableTime.beijing().today()));

        // the scans can fail: the marker is found where the content lies before anything is destroyed
        awaitMarker(replicaBytes(), marker, true);
        assertThat(MarkerScan.filesContaining(primaryRoot(), marker)).isNotEmpty();
        awaitMarker(indexRoot(), name, true);

        var walk = new DispositionWalk(port, people);
        walk.worklistShows(List.of(marked.id(), plain.id(), extended.id()));
        long batch = walk.startBatch("到期鉴定" + run, List.of(marked.id(), plain.id(), extended.id()));
        walk.decide(batch, extended.id());
        walk.groupOpinions(batch);
        walk.completeAppraisal(batch);
        walk.approve(batch);
        walk.executeExtensions(batch);
        assertThat(retentionCode(extended.id()))
                .as("the extended item's new term")
                .isEqualTo("D30");
        long list = walk.generateList(batch);
        walk.exportsParseBack(list, List.of(marked.archiveCode(), plain.archiveCode()), extended.archiveCode());
        UUID listItem = UUID.fromString(walk.file(list));
        long destruction = walk.destroy(batch);

        // removal from the index is the ItemDestroyed listener's; its expunge is batched on a schedule — once
        // every listener has run, expunge now rather than wait for the next turn on a busy machine
        for (var destroyed : List.of(marked, plain)) {
            org.siarchive.support.Tombstoning.awaitListeners(jdbc, destroyed.id(), 1);
        }
        assertThat(org.siarchive.search.IndexFiles.expunge(context)).isTrue();
        awaitMarker(
                indexRoot(),
                name,
                false,
                () -> org.siarchive.search.IndexFiles.describe(indexRoot(), marked.id(), plain.id(), extended.id()));
        for (Path root : List.of(primaryRoot(), replicaBytes(), data.resolve("staging"), indexRoot())) {
            assertThat(MarkerScan.filesContaining(root, marker))
                    .as("no file under %s holds the destroyed content", root)
                    .isEmpty();
            assertThat(MarkerScan.filesContaining(root, name))
                    .as("no file under %s holds the destroyed item's personal data", root)
                    .isEmpty();
        }
        assertTombstone(marked);
        assertTombstone(plain);
        assertThat(jdbc.sql("select status from item where id = :id")
                        .param("id", extended.id())
                        .query(String.class)
                        .single())
                .isEqualTo("PRESERVED");
        walk.destroyedItemAnswersGone(marked);
        walk.destructionRecord(marked, 1);
        walk.findableByArchiveCode(marked);
        assertThat(walk.batchState(batch)).isEqualTo("COMPLETED");
        assertThat(retentionCode(listItem))
                .as("the 销毁清册 is kept permanently (永久)")
                .isEqualTo("Y");
        assertThat(operations(AuditedObject.ITEM, marked.id().toString())).contains("DESTROY");
        assertThat(operations(AuditedObject.ITEM, plain.id().toString())).contains("DESTROY");
        assertThat(operations(AuditedObject.APPRAISAL_BATCH, walk.batchNo(batch)))
                .contains("CREATE", "DECIDE", "RECORD_OPINION", "APPRAISE", "APPROVE", "EXTEND");
        assertThat(operations(AuditedObject.DESTRUCTION_LIST, walk.listNo(list)))
                .contains("CREATE", "EXPORT", "FILE_WITH_AUTHORITY");
        assertThat(operations(AuditedObject.DESTRUCTION, Long.toString(destruction)))
                .contains("START", "CONFIRM", "FINISH");
        assertThat(jdbc.sql("select old_end from item_retention_change where item_id = :id")
                        .param("id", extended.id())
                        .query(LocalDate.class)
                        .single())
                .as("the original end date is kept")
                .isEqualTo(extended.retentionEnd());

        ItemRecord next = capture("2012-03-14", 1965, "新件丁", "after " + run);
        assertThat(next.archiveCode())
                .as("the 档号 of a destroyed item is never handed out again")
                .isNotIn(marked.archiveCode(), plain.archiveCode());
    }

    ItemRecord capture(String docDate, int born, String name, String text) {
        return capture(docDate, Samples.citizenId(born), name, text);
    }

    ItemRecord capture(String docDate, String certNo, String name, String text) {
        return captures.capture(
                        WalkItems.tenYears("0001", docDate, certNo, name),
                        List.of(Upload.ofBytes("sh01.pdf", WalkItems.plainPdf(text))),
                        null,
                        Actor.SYSTEM)
                .item();
    }

    private List<String> operations(AuditedObject type, String id) {
        return audit.forObject(type, id).stream()
                .map(AuditTrail.Entry::operation)
                .toList();
    }

    String retentionCode(UUID itemId) {
        return jdbc.sql("select retention_code from item where id = :id")
                .param("id", itemId)
                .query(String.class)
                .single();
    }

    private void assertTombstone(ItemRecord item) {
        var row = jdbc.sql("select status, archive_code, person_name, destroyed_at from item where id = :id")
                .param("id", item.id())
                .query()
                .singleRow();
        assertThat(row.get("status")).isEqualTo("DESTROYED");
        assertThat(row.get("archive_code")).isEqualTo(item.archiveCode());
        assertThat(row.get("person_name"))
                .as("no personal data in the tombstone")
                .isNull();
        assertThat(row.get("destroyed_at")).isNotNull();
    }

    Path primaryRoot() {
        return data.resolve("ocfl");
    }

    Path indexRoot() {
        return data.resolve("search-index");
    }

    /**
     * Replication and indexing follow the capture's event, removal from the index the destruction's: waits
     * until the files under {@code root} show the marker ({@code present}) or no longer do.
     */
    static void awaitMarker(Path root, String marker, boolean present) throws InterruptedException {
        awaitMarker(root, marker, present, () -> "");
    }

    static void awaitMarker(Path root, String marker, boolean present, java.util.function.Supplier<String> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        List<Path> hits = MarkerScan.filesContaining(root, marker);
        while (hits.isEmpty() == present && System.nanoTime() < deadline) {
            Thread.sleep(250);
            hits = MarkerScan.filesContaining(root, marker);
        }
        if (present) {
            assertThat(hits).as("%s holds the marker before destruction", root).isNotEmpty();
        } else {
            assertThat(hits)
                    .as("no file under %s holds the marker after destruction; %s", root, state.get())
                    .isEmpty();
        }
    }
}
