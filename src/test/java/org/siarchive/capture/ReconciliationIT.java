package org.siarchive.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.catalog.ItemSidecar;
import org.siarchive.catalog.NewItem;
import org.siarchive.preservation.Preservation;
import org.siarchive.preservation.StagedFile;
import org.siarchive.preservation.StoredFile;
import org.siarchive.shared.Actor;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;

/** Start-up reconciliation on states a crash can leave, built here step by step on the real stack. */
class ReconciliationIT extends IntegrationTest {

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Autowired
    Reconciliation reconciliation;

    @Autowired
    Catalog catalog;

    @Autowired
    Preservation preservation;

    @Autowired
    ItemSidecar sidecar;

    @Autowired
    Fingerprints fingerprints;

    @Autowired
    org.siarchive.audit.AuditTrail audit;

    @Autowired
    org.siarchive.cluster.ClusterNodes nodes;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** A capture stopped after transaction 1: registered RECEIVING, staged, nothing in the store. */
    private ItemRecord registeredButNotPreserved() {
        UUID id = UUID.randomUUID();
        var s = Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1983), "韩梅");
        var staged = new ArrayList<StagedFile>();
        staged.add(preservation.stage(id.toString(), 1, new ByteArrayInputStream(Samples.png(id.hashCode())), 1 << 20));
        staged.add(preservation.stage(id.toString(), 2, new ByteArrayInputStream(Samples.pdf(id.toString())), 1 << 20));
        preservation.syncStaging(id.toString());
        var files = new ArrayList<NewItem.NewFile>();
        for (var f : staged) {
            files.add(new NewItem.NewFile(
                    f.seq(),
                    f.seq() == 1 ? "RY01" : "RY02",
                    "f" + f.seq(),
                    f.logicalPath(),
                    f.format().mediaType(),
                    f.format().name(),
                    f.fixity().size(),
                    f.fixity().sm3(),
                    f.fixity().sha256()));
        }
        var item = SubmissionMapping.toNewItem(
                id,
                "acceptance:" + s.acceptanceNo(),
                fingerprints.of(s, List.of()),
                s,
                files,
                java.time.ZoneId.of("Asia/Shanghai"));
        return catalog.register(item, Actor.SYSTEM);
    }

    /**
     * Issue 21: a node that stops mid-capture is declared gone once by another; what it had registered is finished
     * from the shared store when its version is there, else quarantined (its staged copy was on its own disk), each
     * with its audit entry — and its node is not declared gone a second time.
     */
    @Test
    void theCapturesOfANodeDeclaredGoneAreFinishedOrQuarantinedByAnother() {
        String gone = "node-gone-" + UUID.randomUUID().toString().substring(0, 8);
        var written = registeredButNotPreserved();
        var staged = preservation.stagedFiles(written.id().toString());
        preservation.writeVersion(
                written.objectId(),
                List.of(
                        new StoredFile(written.files().get(0).logicalPath(), staged.get(0)),
                        new StoredFile(written.files().get(1).logicalPath(), staged.get(1))),
                sidecar.write(written),
                "capture",
                "test");
        var lost = registeredButNotPreserved();
        for (var item : List.of(written, lost)) {
            preservation.discardStaging(item.id().toString()); // on the gone node's disk, out of this node's reach
            jdbc.sql("update item set receiving_node = :n where id = :id")
                    .param("n", gone)
                    .param("id", item.id())
                    .update();
        }
        jdbc.sql("insert into cluster_node (node_id, address, started_at, last_seen)"
                        + " values (:n, 'elsewhere:8080', now() - interval '2 hours', now() - interval '1 hour')")
                .param("n", gone)
                .update();

        assertThat(nodes.declareGone()).contains(gone);

        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .untilAsserted(() -> {
                    assertThat(catalog.requireItem(written.id()).status()).isEqualTo("PRESERVED");
                    assertThat(catalog.requireItem(lost.id()).status()).isEqualTo("QUARANTINED");
                });
        assertThat(audit.forObject(AuditedObject.ITEM, lost.id().toString()))
                .anyMatch(e -> e.operation().equals("QUARANTINE"));
        assertThat(audit.forObject(AuditedObject.ITEM, written.id().toString()))
                .anyMatch(e -> e.operation().equals("CAPTURE"));
        assertThat(nodes.declareGone()).doesNotContain(gone);
    }

    @Test
    void completesACaptureFromItsStagedCopy() {
        var item = registeredButNotPreserved();

        var report = reconciliation.run();

        assertThat(report.findings())
                .anyMatch(f -> f.kind().equals("COMPLETED") && f.subject().equals(item.archiveCode()));
        var after = catalog.requireItem(item.id());
        assertThat(after.status()).isEqualTo("PRESERVED");
        assertThat(after.objectVersion()).isEqualTo(1);
        for (var f : after.files()) {
            assertThat(preservation.fixityOf(after.objectId(), f.logicalPath()).sm3())
                    .isEqualTo(f.sm3());
        }
        assertThat(preservation.stagedFiles(item.id().toString())).isEmpty();
    }

    @Test
    void completesACaptureWhoseVersionWasAlreadyWritten() {
        var item = registeredButNotPreserved();
        var staged = preservation.stagedFiles(item.id().toString());
        preservation.writeVersion(
                item.objectId(),
                List.of(
                        new StoredFile(item.files().get(0).logicalPath(), staged.get(0)),
                        new StoredFile(item.files().get(1).logicalPath(), staged.get(1))),
                sidecar.write(item),
                "capture",
                "test");
        preservation.discardStaging(item.id().toString());

        reconciliation.run();

        assertThat(catalog.requireItem(item.id()).status()).isEqualTo("PRESERVED");
    }

    @Test
    void quarantinesACaptureWhoseContentIsGone() {
        var item = registeredButNotPreserved();
        preservation.discardStaging(item.id().toString());

        var report = reconciliation.run();

        var after = catalog.requireItem(item.id());
        assertThat(after.status()).isEqualTo("QUARANTINED");
        assertThat(after.statusReason()).contains("staged upload missing");
        assertThat(after.archiveCode()).isEqualTo(item.archiveCode());
        assertThat(report.findings())
                .anyMatch(f -> f.kind().equals("QUARANTINED") && f.subject().equals(item.archiveCode()));
    }

    @Test
    void reportsStoreObjectsWithoutACatalogueRowAndLeavesThemAlone() {
        String orphan = "urn:siarchive:item:" + UUID.randomUUID();
        preservation.writeVersion(orphan, List.of(), "{}".getBytes(), "unknown origin", "test");

        var report = reconciliation.run();

        assertThat(report.findings())
                .anyMatch(f -> f.kind().equals("ORPHAN_OBJECT") && f.subject().equals(orphan));
        assertThat(preservation.headVersion(orphan)).contains(1);
    }

    @Test
    void finishesACorrectionInterruptedAfterItsVersionWasWritten() {
        var item = registeredButNotPreserved();
        reconciliation.run();
        var preserved = catalog.requireItem(item.id());
        var corrected = preserved.withDescription("更正后的题名", preserved.responsible(), "文号-1");
        preservation.writeVersion(preserved.objectId(), List.of(), sidecar.write(corrected), "correction", "test");

        reconciliation.run();

        var after = catalog.requireItem(item.id());
        assertThat(after.objectVersion()).isEqualTo(2);
        assertThat(after.title()).isEqualTo("更正后的题名");
        assertThat(after.docNo()).isEqualTo("文号-1");
        assertThat(audit.forObject(AuditedObject.ITEM, item.id().toString()))
                .extracting(e -> e.operation() + " " + e.actor())
                .contains("CORRECT system");
    }

    @Test
    void undoesACorrectionWhoseStoredVersionBreaksTheRulesAndSaysSo() {
        // given a preserved item whose correction wrote v2 with a NUL in the title, and then the
        // catalogue part failed (the database refuses NUL), leaving the store ahead of the catalogue
        var item = registeredButNotPreserved();
        reconciliation.run();
        var preserved = catalog.requireItem(item.id());
        var broken = preserved.withDescription("坏\u0000题名", preserved.responsible(), null);
        preservation.writeVersion(preserved.objectId(), List.of(), sidecar.write(broken), "correction", "test");

        // when the platform restarts and reconciles
        var report = reconciliation.run();

        // then the correction is undone by v3 carrying the catalogue's description, the row points at
        // v3, and both the report and the audit trail say what happened
        assertThat(report.count("UNDONE")).isEqualTo(1);
        assertThat(preservation.headVersion(preserved.objectId())).contains(3);
        var after = catalog.requireItem(item.id());
        assertThat(after.objectVersion()).isEqualTo(3);
        assertThat(after.title()).isEqualTo(preserved.title());
        assertThat(sidecar.read(preservation.readSidecar(preserved.objectId())).title())
                .isEqualTo(preserved.title());
        assertThat(audit.forObject(AuditedObject.ITEM, item.id().toString()))
                .filteredOn(e -> e.operation().equals("CORRECTION_UNDONE"))
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("v2", "title:specialCharacters"));
        assertThat(reconciliation.run().count("UNDONE")).isZero();
    }
}
