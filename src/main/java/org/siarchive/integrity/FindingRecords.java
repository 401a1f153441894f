package org.siarchive.integrity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.ItemFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a checked chunk leaves behind, in the caller's transaction: each finding stored ({@code fixity_finding}),
 * audited on the item, logged as an alert and announced ({@link FixityFindingRecorded}); each item's latest
 * check ({@code item_fixity}); one preservation alert for the sweep when anything was found.
 */
@Component
class FindingRecords {

    private static final Logger log = LoggerFactory.getLogger(FindingRecords.class);

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final PreservationMonitor monitor;
    private final ApplicationEventPublisher events;

    FindingRecords(JdbcClient jdbc, AuditTrail audit, PreservationMonitor monitor, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.monitor = monitor;
        this.events = events;
    }

    /** What a recorded chunk adds to its sweep: bytes read and findings. */
    record Tally(long bytes, int findings) {}

    /** Records the results of one chunk of the feed for the sweep. */
    Tally record(long sweepId, ItemFeed.Page chunk, List<ItemFixityCheck.Result> results) {
        Map<UUID, String> orgPaths = chunk.items().stream()
                .collect(Collectors.toMap(ItemFeed.PreservedItem::id, ItemFeed.PreservedItem::orgPath));
        long bytes = 0;
        int count = 0;
        for (var r : results) {
            bytes += r.bytesRead();
            for (var f : r.findings()) {
                store(sweepId, f, orgPaths.getOrDefault(f.itemId(), ItemFeed.WHOLE_STORE));
                count++;
            }
        }
        storeLatestChecks(sweepId, results);
        if (count > 0) {
            raiseAlert(sweepId, results);
        }
        return new Tally(bytes, count);
    }

    private void store(long sweepId, FixitySweeps.Finding f, String orgPath) {
        var at = jdbc.sql(
                        """
                insert into fixity_finding (sweep_id, item_id, archive_code, kind, subject, detail)
                values (:s, :i, :c, :k, :sub, :d) returning found_at
                """)
                .param("s", sweepId)
                .param("i", f.itemId())
                .param("c", f.archiveCode())
                .param("k", f.kind())
                .param("sub", truncate(f.subject(), 255))
                .param("d", truncate(f.detail(), 1000))
                .query(OffsetDateTime.class)
                .single();
        audit.record(
                FixitySweeps.SWEEPER,
                AuditedObject.ITEM,
                f.itemId().toString(),
                AuditOperation.FIXITY_FAILURE,
                null,
                AuditDetail.of("audit.detail.finding", AuditDetail.label("fixity.kind." + f.kind()), f.subject())
                        .encoded());
        log.error("FIXITY ALERT {} {} {}: {}", f.archiveCode(), f.kind(), f.subject(), f.detail());
        events.publishEvent(
                new FixityFindingRecorded(sweepId, f.itemId(), f.archiveCode(), f.kind(), f.subject(), orgPath, at));
    }

    /**
     * Each checked item's latest check: one row per item, replaced by every sweep. A passed check keeps the root
     * inventory's digest, and when the object went through OCFL's full validation, the time; a failed one clears
     * both, so the next sweep validates the object in full.
     */
    private void storeLatestChecks(long sweepId, List<ItemFixityCheck.Result> results) {
        jdbc.sql(
                        """
                insert into item_fixity (item_id, sweep_id, checked_at, passed, inventory_digest, inventory_validated_at)
                select x.item_id, :s, now(), x.passed, case when x.passed then x.digest end,
                       case when x.passed and x.validated then now() end
                  from unnest(:ids, :passed, :digests, :validated) as x(item_id, passed, digest, validated)
                on conflict (item_id) do update set sweep_id = excluded.sweep_id,
                    checked_at = excluded.checked_at, passed = excluded.passed,
                    inventory_digest = excluded.inventory_digest,
                    inventory_validated_at = case when excluded.passed and excluded.inventory_validated_at is null
                        then item_fixity.inventory_validated_at else excluded.inventory_validated_at end
                """)
                .param("s", sweepId)
                .param(
                        "ids",
                        results.stream().map(ItemFixityCheck.Result::itemId).toArray(UUID[]::new))
                .param(
                        "passed",
                        results.stream().map(r -> r.findings().isEmpty()).toArray(Boolean[]::new))
                .param(
                        "digests",
                        results.stream()
                                .map(ItemFixityCheck.Result::inventoryDigest)
                                .toArray(String[]::new))
                .param(
                        "validated",
                        results.stream().map(ItemFixityCheck.Result::validated).toArray(Boolean[]::new))
                .update();
    }

    /**
     * By item, the root inventory digest its object passed OCFL's full validation with, within {@code age} and with
     * every check since passed: while the inventory keeps that digest the sweep skips the validation. Empty for a
     * zero age (validate every time).
     */
    Map<UUID, String> validatedInventories(List<UUID> items, Duration age) {
        if (age.isZero() || age.isNegative() || items.isEmpty()) {
            return Map.of();
        }
        var out = new java.util.HashMap<UUID, String>();
        jdbc.sql(
                        """
                select item_id, inventory_digest from item_fixity
                 where item_id = any(:ids) and passed and inventory_digest is not null
                   and inventory_validated_at >= now() - :age::interval
                """)
                .param("ids", items.toArray(UUID[]::new))
                .param("age", age.toSeconds() + " seconds")
                .query(rs -> {
                    out.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return out;
    }

    private void raiseAlert(long sweepId, List<ItemFixityCheck.Result> results) {
        // the detail is 档号 and logical path only; the console words it (alert.fixity.first)
        monitor.raise(
                "FIXITY",
                "sweep " + sweepId,
                results.stream()
                        .flatMap(r -> r.findings().stream())
                        .findFirst()
                        .map(f -> f.archiveCode() + " " + f.subject())
                        .orElse(""));
    }

    /** The sweep's findings in the order they were found. */
    List<FixitySweeps.Finding> of(long sweepId) {
        return jdbc.sql(
                        "select item_id, archive_code, kind, subject, detail from fixity_finding where sweep_id = :s order by id")
                .param("s", sweepId)
                .query(FixitySweeps.Finding.class)
                .list();
    }

    /** Items whose latest check passed within {@code age}. */
    long passedWithin(Duration age) {
        return jdbc.sql("select count(*) from item_fixity where passed and checked_at >= now() - :age::interval")
                .param("age", age.toSeconds() + " seconds")
                .query(Long.class)
                .single();
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
