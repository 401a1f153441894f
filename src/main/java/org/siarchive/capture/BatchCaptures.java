package org.siarchive.capture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.siarchive.capture.BatchResult.ItemResult;
import org.siarchive.catalog.Catalog;
import org.siarchive.crypto.Masks;
import org.siarchive.preservation.Preservation;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Scope;
import org.siarchive.shared.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Batch intake (docs/adr/0111): many captures in one call, each checked, staged and filing-checked as a
 * single capture is (the filing runs of all its items kept in one transaction, docs/adr/0121), then all
 * accepted ones made durable by one group commit ({@link GroupCommit}) and only then answered. Each item gets its own result; a refused item never stops the others. Idempotent
 * per item exactly as the single path: a retried batch replays what was already captured.
 */
@Component
public class BatchCaptures {

    private static final Logger log = LoggerFactory.getLogger(BatchCaptures.class);

    private final Captures captures;
    private final Catalog catalog;
    private final Preservation preservation;
    private final Fingerprints fingerprints;
    private final GroupCommit groupCommit;
    private final BatchSettings settings;
    private final FilingGate filingGate;

    BatchCaptures(
            Captures captures,
            Catalog catalog,
            Preservation preservation,
            Fingerprints fingerprints,
            GroupCommit groupCommit,
            BatchSettings settings,
            FilingGate filingGate) {
        this.filingGate = filingGate;
        this.captures = captures;
        this.catalog = catalog;
        this.preservation = preservation;
        this.fingerprints = fingerprints;
        this.groupCommit = groupCommit;
        this.settings = settings;
    }

    /** A caller's batch: fonds outside their data scope are refused per item; answers show personal data masked. */
    public BatchResult capture(List<BatchItem> items, Access access) {
        var result = capture(items, access.actor(), access.scope());
        return new BatchResult(result.items().stream()
                .map(r -> r.item() == null
                        ? r
                        : new ItemResult(
                                r.index(),
                                r.outcome(),
                                r.item().withCertNo(Masks.idNumber(r.item().certNo())),
                                null))
                .toList());
    }

    /** The platform's own batch (scan imports, benchmarks): every fonds in scope, answers unmasked. */
    public BatchResult capture(List<BatchItem> items, Actor actor) {
        return capture(items, actor, Scope.EVERYTHING);
    }

    private BatchResult capture(List<BatchItem> items, Actor actor, Scope scope) {
        requireWithinLimits(items);
        var results = new ItemResult[items.size()];
        var staged = new ArrayList<StagedCapture>();
        var indexOf = new HashMap<UUID, Integer>();
        try {
            for (int i = 0; i < items.size(); i++) {
                try {
                    var p = stage(items.get(i), scope);
                    if (p instanceof StagedCapture c) {
                        staged.add(c);
                        indexOf.put(c.id(), i);
                    } else {
                        results[i] = new ItemResult(i, BatchResult.Outcome.REPLAYED, ((CaptureResult) p).item(), null);
                    }
                } catch (RuntimeException e) {
                    results[i] = refused(i, e);
                }
            }
            var prepared = filingChecked(staged, indexOf, results, actor);
            requireWithinSize(prepared.stream()
                    .flatMap(c -> c.staged().stream())
                    .mapToLong(f -> f.fixity().size())
                    .sum());
            commit(prepared, indexOf, results, actor, scope);
        } finally {
            staged.forEach(p -> preservation.discardStaging(p.id().toString()));
        }
        return new BatchResult(List.of(results));
    }

    /** A replay ({@link CaptureResult}) for a key used before, else the capture staged for the filing check. */
    private Object stage(BatchItem item, Scope scope) {
        var s = item.submission();
        captures.requireInScope(s, scope);
        captures.validate(s, item.uploads(), item.idempotencyKey());
        String key = Captures.keyOf(s, item.idempotencyKey());
        var earlier = catalog.itemByIdempotencyKey(key);
        if (earlier.isPresent()) {
            return captures.replay(earlier.get(), fingerprints.ofUploads(s, item.uploads()), scope);
        }
        UUID id = UUID.randomUUID();
        try {
            return captures.stage(id, key, s, item.uploads());
        } catch (RuntimeException e) {
            preservation.discardStaging(id.toString());
            throw e;
        }
    }

    /** The staged captures whose filing check passed, prepared for the group; a refused one gets its result. */
    private List<PreparedCapture> filingChecked(
            List<StagedCapture> staged, Map<UUID, Integer> indexOf, ItemResult[] results, Actor actor) {
        var verdicts = verdicts(staged, actor);
        var prepared = new ArrayList<PreparedCapture>();
        for (int k = 0; k < staged.size(); k++) {
            var c = staged.get(k);
            int i = indexOf.get(c.id());
            var refusal = verdicts.get(k).refusal();
            if (refusal != null) {
                results[i] = refused(i, refusal);
            } else {
                prepared.add(captures.prepared(c, verdicts.get(k).run()));
            }
        }
        return prepared;
    }

    /**
     * The filing runs of the batch's staged items, kept in one transaction (docs/adr/0121). Should that fail as a
     * whole, each item's run is kept on its own, so that one item's failure refuses only that item.
     */
    private List<FilingGate.Verdict> verdicts(List<StagedCapture> staged, Actor actor) {
        if (staged.isEmpty()) {
            return List.of();
        }
        try {
            return filingGate.requireAll(
                    staged.stream().map(StagedCapture::filing).toList(), actor);
        } catch (RuntimeException e) {
            log.warn("filing check of {} batch items failed together, checking each alone", staged.size(), e);
            var out = new ArrayList<FilingGate.Verdict>();
            for (var c : staged) {
                try {
                    out.add(new FilingGate.Verdict(filingGate.require(c.filing(), actor), null));
                } catch (RuntimeException x) {
                    out.add(new FilingGate.Verdict(-1, x));
                }
            }
            return out;
        }
    }

    private void commit(
            List<PreparedCapture> prepared,
            Map<UUID, Integer> indexOf,
            ItemResult[] results,
            Actor actor,
            Scope scope) {
        if (prepared.isEmpty()) {
            return;
        }
        var outcomes = groupCommit.commit(prepared, actor);
        for (int k = 0; k < prepared.size(); k++) {
            var p = prepared.get(k);
            int i = indexOf.get(p.id());
            try {
                var r = outcomes.get(k).result(captures, p, scope);
                results[i] = new ItemResult(
                        i, r.replayed() ? BatchResult.Outcome.REPLAYED : BatchResult.Outcome.CREATED, r.item(), null);
            } catch (RuntimeException e) {
                results[i] = refused(i, e);
            }
        }
    }

    private static ItemResult refused(int index, RuntimeException e) {
        if (!(e instanceof InvalidInputException) && !(e instanceof org.siarchive.shared.KeyedException)) {
            log.warn("batch item {} failed", index, e);
        }
        return new ItemResult(index, BatchResult.Outcome.REFUSED, null, e);
    }

    private void requireWithinLimits(List<BatchItem> items) {
        if (items.isEmpty()) {
            throw new InvalidInputException(Violation.of("items", "required"));
        }
        if (items.size() > settings.maxItems()) {
            throw new InvalidInputException(Violation.of("items", "batchTooManyItems", settings.maxItems()));
        }
    }

    /** Checked before anything is registered: an oversized batch is refused whole and leaves nothing behind. */
    void requireWithinSize(long bytes) {
        if (bytes > settings.totalSize().toBytes()) {
            throw new InvalidInputException(
                    Violation.of("files", "batchTooLarge", settings.totalSize().toMegabytes()));
        }
    }
}
