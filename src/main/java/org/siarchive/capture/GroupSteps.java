package org.siarchive.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.siarchive.capture.GroupCommit.Outcome;
import org.siarchive.capture.GroupCommit.Request;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.preservation.Preservation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps of one group commit, each once for the whole group (docs/adr/0112): the staged files of every
 * capture synced with one sync of the staging directory; every item registered in one transaction (档号,
 * audit: one step of the audit chain); the object versions written; every item marked preserved in one
 * transaction; then each outcome set. Nothing is acknowledged before its item is PRESERVED; a crash in
 * between leaves RECEIVING items that start-up reconciliation finishes from the store or the staged copy.
 */
@Component
class GroupSteps {

    private static final Logger log = LoggerFactory.getLogger(GroupSteps.class);

    private final Catalog catalog;
    private final Preservation preservation;
    private final ObjectVersions versions;
    private final FilingGate filingGate;
    private final TransactionTemplate tx;

    GroupSteps(
            Catalog catalog,
            Preservation preservation,
            ObjectVersions versions,
            FilingGate filingGate,
            TransactionTemplate tx) {
        this.tx = tx;
        this.catalog = catalog;
        this.preservation = preservation;
        this.versions = versions;
        this.filingGate = filingGate;
    }

    /** Commits the group; every request has its outcome on return, whatever failed. */
    void run(List<Request> group, Consumer<List<Request>> writeAll) {
        try {
            preservation.syncStaging(
                    group.stream().map(r -> r.prepared.id().toString()).toList());
            register(group);
            var registered = group.stream().filter(r -> r.registered != null).toList();
            writeAll.accept(registered);
            var written = registered.stream().filter(r -> r.outcome == null).toList();
            preserve(written);
            acknowledge(group, written);
        } catch (RuntimeException e) {
            log.warn("group commit of {} captures failed", group.size(), e);
            group.stream().filter(r -> r.outcome == null).forEach(r -> r.outcome = new Outcome.Failed(e));
        }
    }

    /** Writes one registered item's object version (on a writer thread). */
    void write(Request r) {
        r.version = versions.write(r.registered, r.prepared.staged(), r.actor);
    }

    /**
     * The group's one registering transaction. Should it fail as a whole (an item breaking a rule only the
     * database knows), each item is registered on its own, so that the others still go in.
     */
    private void register(List<Request> group) {
        try {
            var records = catalog.registerAll(group.stream()
                    .map(r -> new Catalog.Registering(r.prepared.newItem(), r.actor))
                    .toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).registered = records.get(i).orElse(null);
            }
        } catch (RuntimeException e) {
            log.warn("group registration of {} captures failed, registering each alone", group.size(), e);
            group.forEach(this::registerAlone);
        }
    }

    private void registerAlone(Request r) {
        try {
            r.registered = catalog.register(r.prepared.newItem(), r.actor);
        } catch (DuplicateKeyException e) {
            r.registered = null;
        } catch (RuntimeException e) {
            r.outcome = new Outcome.Failed(e);
        }
    }

    /**
     * The group's one preserving transaction: every written item PRESERVED (audit, event) and its GD run tied to
     * its 档号, as the single path does for one item (docs/adr/0109, 0121) — one commit for the group, not one more
     * per item.
     */
    private void preserve(List<Request> written) {
        tx.executeWithoutResult(t -> {
            catalog.markPreservedAll(written.stream()
                    .map(r -> new Catalog.Preserved(r.prepared.id(), r.version, r.actor))
                    .toList());
            written.forEach(r -> filingGate.filed(r.prepared.filingRun(), r.prepared.id(), r.registered.archiveCode()));
        });
    }

    /** Each preserved item as now stored; each item whose key was taken, with the item that took it. */
    private void acknowledge(List<Request> group, List<Request> written) {
        var stored = new java.util.HashMap<UUID, ItemRecord>();
        catalog.items(written.stream().map(r -> r.prepared.id()).toList()).forEach(i -> stored.put(i.id(), i));
        for (var r : written) {
            r.outcome = new Outcome.Done(stored.get(r.prepared.id()));
        }
        for (var r : group) {
            if (r.outcome == null && r.registered == null) {
                r.outcome = catalog.itemByIdempotencyKey(r.prepared.key())
                        .<Outcome>map(Outcome.Earlier::new)
                        .orElseGet(() -> new Outcome.Failed(new IllegalStateException("key taken, item not found")));
            }
        }
        new ArrayList<>(group)
                .stream()
                        .filter(r -> r.outcome == null)
                        .forEach(r ->
                                r.outcome = new Outcome.Failed(new IllegalStateException("capture not completed")));
    }
}
