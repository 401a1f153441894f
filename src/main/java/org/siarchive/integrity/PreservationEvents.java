package org.siarchive.integrity;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.Catalog;
import org.siarchive.shared.Access;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An item's preservation history in the spirit of PREMIS: what happened to it (ingestion, replication,
 * migration, fixity check, transfer, recovery, metadata modification), when, by which agent and with
 * what outcome. Nothing is stored twice: the events are read from the audit trail (every state change
 * writes one) and from the fixity records (each failure per sweep, and the latest check).
 */
@Component
public class PreservationEvents {

    /** PREMIS event type (its controlled vocabulary, in English) for each audited item operation. */
    static final Map<AuditOperation, String> TYPES = Map.ofEntries(
            Map.entry(AuditOperation.RECEIVE, "accession"),
            Map.entry(AuditOperation.CAPTURE, "ingestion"),
            Map.entry(AuditOperation.TRANSFER_RECEIVE, "ingestion"),
            Map.entry(AuditOperation.REPLICATE, "replication"),
            Map.entry(AuditOperation.RENDITION, "migration"),
            Map.entry(AuditOperation.CORRECT, "metadata modification"),
            Map.entry(AuditOperation.TRANSFER_EXPORT, "transfer"),
            Map.entry(AuditOperation.FIXITY_FAILURE, "fixity check"),
            Map.entry(AuditOperation.REPAIR_FROM_REPLICA, "recovery"),
            Map.entry(AuditOperation.QUARANTINE, "validation"));

    /**
     * One event. {@code type}, {@code detail} and {@code source} are the record's own words (PREMIS
     * vocabulary, the audit detail); people read {@code said} and the source by {@link #sourceKey()} and
     * {@link #sourceId()}, worded by the message bundles (docs/adr/0056).
     */
    public record Event(
            OffsetDateTime at,
            String type,
            String outcome,
            String agent,
            @Nullable String detail,
            String source,
            Said said,
            String sourceKey,
            long sourceId) {

        /** The message key of the event type's label. */
        public String typeKey() {
            return "events.type." + type.replace(' ', '_');
        }
    }

    /** What the event did, as people read it: a message key and its arguments (version, reason …). */
    public record Said(String key, List<String> args) {

        public Said {
            args = List.copyOf(args);
        }
    }

    private final Catalog catalog;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    PreservationEvents(Catalog catalog, AuditTrail audit, JdbcClient jdbc, TransactionTemplate tx) {
        this.catalog = catalog;
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** The item's events, oldest first; the item must be within the reader's scope and the read is audited. */
    public List<Event> forItem(UUID itemId, Access access) {
        var item = catalog.requireItem(itemId, access.scope());
        var events = new ArrayList<Event>();
        for (var e : audit.forObject(AuditedObject.ITEM, itemId.toString())) {
            String type = e.typedOperation().map(TYPES::get).orElse(null);
            if (type == null) {
                continue;
            }
            String outcome = e.is(AuditOperation.FIXITY_FAILURE) || e.is(AuditOperation.QUARANTINE)
                    ? AuditTrail.FAILURE
                    : e.result();
            String detail =
                    e.reason() == null ? e.detail() : e.reason() + (e.detail() == null ? "" : "; " + e.detail());
            events.add(new Event(
                    e.at(),
                    type,
                    outcome,
                    e.actor(),
                    detail,
                    "audit #" + e.id(),
                    EventWords.said(e),
                    "events.source.audit",
                    e.id()));
        }
        // the latest fixity check, when it passed (failures are audited above, one per finding)
        jdbc.sql("select sweep_id, checked_at from item_fixity where item_id = :i and passed")
                .param("i", itemId)
                .query((rs, n) -> new Event(
                        rs.getObject("checked_at", OffsetDateTime.class),
                        "fixity check",
                        AuditTrail.SUCCESS,
                        SWEEPER_NAME,
                        "every stored file checked against its OCFL inventory digest, SM3 and SHA-256; sidecar verified",
                        "sweep #" + rs.getLong("sweep_id"),
                        new Said("events.detail.fixityPassed", List.of()),
                        "events.source.sweep",
                        rs.getLong("sweep_id")))
                .optional()
                .ifPresent(events::add);
        events.sort(Comparator.comparing(Event::at));
        tx.executeWithoutResult(s -> audit.record(
                access.actor(),
                AuditedObject.ITEM,
                itemId.toString(),
                AuditOperation.READ_EVENTS,
                null,
                item.archiveCode()));
        return events;
    }

    private static final String SWEEPER_NAME = FixitySweeps.SWEEPER.name();
}
