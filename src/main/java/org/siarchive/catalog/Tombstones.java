package org.siarchive.catalog;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.DestructionFacts;
import org.siarchive.shared.GoneException;
import org.siarchive.shared.Scope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The catalogue's door for destroyed items (issue 16, docs/adr/0070): the row stays as a tombstone with
 * its 档号, and every read of its content answers 410 Gone with the destruction record — what the
 * catalogue keeps (档号, time, the digests of its files and copies) joined with the destruction the
 * {@link TombstoneRecords} port knows (method, place, people, batch, list, backups).
 */
@Component
public class Tombstones {

    /** A destroyed item a typed 档号 names: shown as 已销毁, never with its content. */
    public record Tombstone(UUID id, String archiveCode, String title, OffsetDateTime destroyedAt) {}

    private final JdbcClient jdbc;
    private final ItemQueries queries;
    private final Renditions renditions;
    private final ObjectProvider<TombstoneRecords> records;
    private final List<AccountNames> names;

    Tombstones(
            JdbcClient jdbc,
            ItemQueries queries,
            Renditions renditions,
            ObjectProvider<TombstoneRecords> records,
            List<AccountNames> names) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.renditions = renditions;
        this.records = records;
        this.names = names;
    }

    /** 410 when the item is destroyed; nothing otherwise. */
    public void refuseIfDestroyed(ItemRecord item) {
        if (item.state() == ItemState.DESTROYED) {
            throw new GoneException(facts(item));
        }
    }

    /** 410 when the item exists and is destroyed (the caller already checked that it may see it). */
    public void refuseIfDestroyed(UUID itemId) {
        queries.byIds(List.of(itemId)).forEach(this::refuseIfDestroyed);
    }

    /** 409 naming the rule and the 档号 when any of the items is destroyed (lending, transfer). */
    public void refuseDestroyedAmong(Collection<UUID> itemIds, String messageKey) {
        var codes = destroyedCodes(itemIds);
        if (!codes.isEmpty()) {
            throw new ConflictException(messageKey, String.join("、", codes));
        }
    }

    /** The 档号 of those of the items that are destroyed, in 档号 order. */
    public List<String> destroyedCodes(Collection<UUID> itemIds) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select archive_code from item where id in (:ids) and status = 'DESTROYED' order by 1")
                .param("ids", List.copyOf(itemIds))
                .query(String.class)
                .list();
    }

    /** Whether the item exists and is destroyed. */
    public boolean destroyed(UUID itemId) {
        return !destroyedCodes(List.of(itemId)).isEmpty();
    }

    /**
     * Destroyed items within the scope whose 档号 contains the typed code (folded as people type it), at
     * most {@code limit}: the typed-code search shows them as 已销毁 though the index no longer holds them.
     */
    public List<Tombstone> matching(String typed, Scope scope, int limit) {
        String key = ArchiveCodeInput.key(typed);
        if (key.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select i.id, i.archive_code, i.title, coalesce(i.destroyed_at, i.updated_at) as destroyed_at"
                        + " from item i join fonds f on f.id = i.fonds_id where i.status = 'DESTROYED' and "
                        + ArchiveCodeLookup.storedKey("i.archive_code") + " like :pattern escape '!' and "
                        + ItemQueries.SCOPE_CLAUSE + " order by i.archive_code limit :n")
                .params(ItemQueries.scopeParams(scope))
                .param("pattern", ArchiveCodeLookup.containing(key))
                .param("n", Math.max(1, Math.min(limit, 50)))
                .query(Tombstone.class)
                .list();
    }

    /** The record a 410 shows for a destroyed item. */
    public DestructionFacts facts(ItemRecord item) {
        var digests = new ArrayList<DestructionFacts.Digest>();
        item.files().forEach(f -> digests.add(new DestructionFacts.Digest(f.logicalPath(), f.sm3(), f.sha256())));
        renditions
                .ofItems(List.of(item.id()))
                .getOrDefault(item.id(), List.of())
                .forEach(r -> digests.add(new DestructionFacts.Digest(r.logicalPath(), r.sm3(), r.sha256())));
        var d = Optional.ofNullable(records.getIfAvailable()).flatMap(r -> r.of(item.id()));
        OffsetDateTime at = destroyedAt(item.id())
                .or(() -> d.map(TombstoneRecords.Destruction::at))
                .orElseGet(OffsetDateTime::now);
        return new DestructionFacts(
                item.archiveCode(),
                at,
                d.map(TombstoneRecords.Destruction::method).orElse(null),
                d.map(TombstoneRecords.Destruction::place).orElse(null),
                d.map(TombstoneRecords.Destruction::executor).map(this::name).orElse(null),
                d.map(x -> x.supervisors().stream().map(this::name).toList()).orElse(List.of()),
                d.map(TombstoneRecords.Destruction::batchNo).orElse(null),
                d.map(TombstoneRecords.Destruction::listNo).orElse(null),
                digests,
                d.map(TombstoneRecords.Destruction::backupsHolding).orElse(List.of()));
    }

    private Optional<OffsetDateTime> destroyedAt(UUID itemId) {
        return jdbc.sql("select destroyed_at from item where id = :id and destroyed_at is not null")
                .param("id", itemId)
                .query(OffsetDateTime.class)
                .optional();
    }

    /** A person's display name for a login; the login is never shown (a named person without an account: as given). */
    private String name(String login) {
        for (var n : names) {
            var shown = n.displayNames(List.of(login)).get(login);
            if (shown != null && !shown.equals(login)) {
                return shown;
            }
        }
        return login;
    }
}
