package org.siarchive.capture;

import static java.util.stream.Collectors.joining;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.catalog.ItemSidecar;
import org.siarchive.cluster.ClusterNodes;
import org.siarchive.cluster.NodesLeft;
import org.siarchive.preservation.Fixity;
import org.siarchive.preservation.Preservation;
import org.siarchive.preservation.StoredFile;
import org.siarchive.quality.Quality;
import org.siarchive.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Start-up reconciliation between the catalogue and the preservation store. A capture registered but
 * not yet preserved is completed from the store (if its version is there and intact) or from its
 * fsynced staging copy; failing both it is quarantined. Store objects without a catalogue row are
 * reported, never deleted. Staged uploads that were never registered are discarded: they were never
 * acknowledged.
 */
@Component
public class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final Catalog catalog;
    private final ItemSidecar sidecar;
    private final Preservation preservation;
    private final ReconciliationLog reports;
    private final Quality quality;
    private final ClusterNodes nodes;
    private final boolean scanStore;

    Reconciliation(
            Catalog catalog,
            ItemSidecar sidecar,
            Preservation preservation,
            ReconciliationLog reports,
            Quality quality,
            ClusterNodes nodes,
            @Value("${siarchive.reconcile.scan-store:true}") boolean scanStore) {
        this.catalog = catalog;
        this.sidecar = sidecar;
        this.preservation = preservation;
        this.reports = reports;
        this.quality = quality;
        this.nodes = nodes;
        this.scanStore = scanStore;
    }

    /** One thing reconciliation found and what it did about it. */
    public record Finding(String kind, String subject, String detail) {}

    /** What one run did. */
    public record Report(OffsetDateTime startedAt, OffsetDateTime finishedAt, List<Finding> findings) {
        public long count(String kind) {
            return findings.stream().filter(f -> f.kind().equals(kind)).count();
        }
    }

    /**
     * The start-up run: this node's interrupted captures (in a cluster; every one on a single node), its staging,
     * and the store when {@code scan-store} is on.
     */
    public Report run() {
        var started = OffsetDateTime.now();
        var findings = new ArrayList<Finding>();
        for (var r : catalog.receiving()) {
            if (nodes.mayFinish(r.node())) {
                findings.add(finishCapture(catalog.requireItem(r.id())));
                preservation.discardStaging(r.id().toString());
            }
        }
        findings.addAll(discardUnregisteredStaging());
        if (scanStore) {
            findings.addAll(scanStore());
        }
        return saved(started, findings);
    }

    /**
     * The captures that nodes declared gone had registered and not preserved (issue 21): finished when the shared
     * store holds their version intact, else quarantined — their staged copies were on the gone node's disk, and no
     * client was told they were kept.
     */
    @ApplicationModuleListener
    void on(NodesLeft left) {
        var findings = new ArrayList<Finding>();
        for (var r : catalog.receiving()) {
            if (r.node() != null && left.nodeIds().contains(r.node())) {
                findings.add(finishCapture(catalog.requireItem(r.id())));
            }
        }
        if (!findings.isEmpty()) {
            saved(OffsetDateTime.now(), findings);
        }
    }

    private Report saved(OffsetDateTime started, List<Finding> findings) {
        var report = new Report(started, OffsetDateTime.now(), findings);
        reports.save(report);
        log.info(
                "reconciliation: {} completed, {} undone, {} quarantined, {} orphan objects, {} staged uploads discarded",
                report.count("COMPLETED"),
                report.count("UNDONE"),
                report.count("QUARANTINED"),
                report.count("ORPHAN_OBJECT"),
                report.count("STAGING_REMOVED"));
        return report;
    }

    private Finding finishCapture(ItemRecord item) {
        var head = preservation.headVersion(item.objectId());
        if (head.isPresent()) {
            if (storedContentMatches(item)) {
                catalog.markPreserved(item.id(), head.get(), Actor.SYSTEM);
                return new Finding(
                        "COMPLETED", item.archiveCode(), "object v" + head.get() + " verified, marked preserved");
            }
            return quarantine(item, "stored content does not match the registered digests");
        }
        preservation.discardIncompleteObject(item.objectId());
        var staged = preservation.stagedFiles(item.id().toString());
        if (!stagedContentMatches(item, staged)) {
            return quarantine(item, "staged upload missing or incomplete; content never preserved");
        }
        var files = new ArrayList<StoredFile>();
        for (int i = 0; i < staged.size(); i++) {
            files.add(new StoredFile(item.files().get(i).logicalPath(), staged.get(i)));
        }
        int version = preservation.writeVersion(
                item.objectId(),
                files,
                sidecar.write(item),
                "capture " + item.archiveCode() + " (reconciled)",
                "system");
        catalog.markPreserved(item.id(), version, Actor.SYSTEM);
        return new Finding("COMPLETED", item.archiveCode(), "preserved from staging as v" + version);
    }

    private boolean storedContentMatches(ItemRecord item) {
        for (var f : item.files()) {
            try {
                if (!preservation.fixityOf(item.objectId(), f.logicalPath()).matches(expected(f))) {
                    return false;
                }
            } catch (RuntimeException e) {
                return false;
            }
        }
        return true;
    }

    private static boolean stagedContentMatches(ItemRecord item, List<java.nio.file.Path> staged) {
        if (staged.size() != item.files().size()) {
            return false;
        }
        for (int i = 0; i < staged.size(); i++) {
            if (!StagedFixity.of(staged.get(i)).matches(expected(item.files().get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static Fixity expected(ItemRecord.ItemFile f) {
        return new Fixity(f.sizeBytes(), f.sm3(), f.sha256());
    }

    private Finding quarantine(ItemRecord item, String reason) {
        catalog.quarantine(item.id(), reason, Actor.SYSTEM);
        return new Finding("QUARANTINED", item.archiveCode(), reason);
    }

    private List<Finding> discardUnregisteredStaging() {
        var out = new ArrayList<Finding>();
        for (String key : preservation.stagingKeys()) {
            if (key.startsWith(FormUploads.PREFIX)) {
                continue; // files a console form keeps; FormUploads sweeps them
            }
            boolean registered =
                    isUuid(key) && catalog.item(UUID.fromString(key)).isPresent();
            preservation.discardStaging(key);
            if (!registered) {
                out.add(new Finding("STAGING_REMOVED", key, "upload never registered or acknowledged; discarded"));
            }
        }
        return out;
    }

    /**
     * Walks the store in batches: objects without a row are reported; an object whose head version is
     * ahead of the catalogue is a correction interrupted after its version was written, and the
     * catalogue is brought up to the stored sidecar.
     */
    private List<Finding> scanStore() {
        var out = new ArrayList<Finding>();
        try (var ids = preservation.objectIds()) {
            var batch = new ArrayList<String>();
            var it = ids.iterator();
            while (it.hasNext()) {
                batch.add(it.next());
                if (batch.size() == 500 || !it.hasNext()) {
                    out.addAll(checkBatch(batch));
                    batch.clear();
                }
            }
        }
        return out;
    }

    private List<Finding> checkBatch(List<String> objectIds) {
        var out = new ArrayList<Finding>();
        var known = catalog.objectVersions(objectIds);
        for (String id : objectIds) {
            Integer version = known.get(id);
            if (version == null) {
                out.add(new Finding("ORPHAN_OBJECT", id, "object without a catalogue row; left untouched for review"));
            } else if (version > 0 && preservation.headVersion(id).orElse(version) > version) {
                out.add(reconcileCorrection(id, preservation.headVersion(id).orElseThrow()));
            }
        }
        return out;
    }

    /**
     * The store's head is ahead of the catalogue: a correction stopped after its version was written.
     * A stored description that passes the correction rules is completed into the catalogue; one that
     * does not (it could only fail again) is undone by a further version restoring the catalogue's
     * description, so store and catalogue agree either way and the audit trail says which.
     */
    private Finding reconcileCorrection(String objectId, int head) {
        var doc = sidecar.read(preservation.readSidecar(objectId));
        String reason = "reconciled from preservation v" + head;
        var problems = quality.checkCorrection(doc.title(), doc.responsible(), doc.docNo(), reason);
        if (problems.isEmpty()) {
            var correction = new Catalog.Correction(doc.title(), doc.responsible(), doc.docNo(), reason);
            try {
                catalog.applyCorrection(doc.id(), correction, head, Actor.SYSTEM);
            } catch (org.siarchive.shared.ConflictException held) {
                // a hold placed while the correction ran: the held description stays (docs/adr/0071)
                return undoCorrection(
                        objectId, doc.id(), head, List.of(org.siarchive.shared.Violation.of("item", "held")));
            }
            return new Finding(
                    "COMPLETED", doc.archiveCode(), "correction v" + head + " applied from the stored sidecar");
        }
        return undoCorrection(objectId, doc.id(), head, problems);
    }

    private Finding undoCorrection(
            String objectId, UUID itemId, int head, List<org.siarchive.shared.Violation> problems) {
        var item = catalog.requireItem(itemId);
        String broken = problems.stream().map(v -> v.field() + ":" + v.rule()).collect(joining(", "));
        String reason = "correction v" + head + " breaks " + broken + "; catalogue description restored";
        int version = preservation.writeVersion(objectId, List.of(), sidecar.write(item), reason, "system");
        catalog.recordCorrectionUndone(item.id(), head, version, reason, Actor.SYSTEM);
        return new Finding("UNDONE", item.archiveCode(), reason + " as v" + version);
    }

    private static boolean isUuid(String s) {
        try {
            UUID.fromString(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
