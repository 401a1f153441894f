package org.siarchive.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The preserved items as the integrity checks read them (docs/adr/0044): each with its OCFL object, the
 * version the catalogue holds, every file it registered in the object (archival files and copies) with
 * the recorded size, SM3 and SHA-256, and the organisation path of its fonds. Pages follow the item id
 * (a keyset cursor), so a sweep over millions of items holds one page at a time and resumes after the
 * last id it recorded. Unscoped and unaudited, like {@link Catalog#items}: for the platform's own checks,
 * narrowed to an organisation subtree by path where a check covers only part of the store.
 */
@Component
public class ItemFeed {

    /** The organisation path that covers every item in the store. */
    public static final String WHOLE_STORE = "/";

    /** The most items one page holds: a page is read into memory whole. */
    public static final int MAX_PAGE = 500;

    private final JdbcClient jdbc;
    private final ItemQueries queries;
    private final Renditions renditions;

    ItemFeed(JdbcClient jdbc, ItemQueries queries, Renditions renditions) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.renditions = renditions;
    }

    /** A file the catalogue registered in an item's object: an archival file or a copy, with its digests. */
    public record RegisteredFile(String logicalPath, long sizeBytes, String sm3, String sha256) {}

    /**
     * A preserved item: its record (description, OCFL object and version, archival files), the organisation
     * path of its fonds, and every file registered in its object.
     */
    public record PreservedItem(ItemRecord record, String orgPath, List<RegisteredFile> files) {

        public UUID id() {
            return record.id();
        }

        public String archiveCode() {
            return record.archiveCode();
        }

        public String objectId() {
            return record.objectId();
        }

        public int objectVersion() {
            return record.objectVersion();
        }
    }

    /**
     * One page of the feed. {@code next} is the cursor to pass for the following page (the last id read);
     * null when nothing was left after the cursor.
     */
    public record Page(List<PreservedItem> items, @Nullable UUID next) {}

    /** How much the preserved items of a subtree hold: the items and the bytes of their archival files. */
    public record Volume(long items, long bytes) {}

    /**
     * Up to {@code limit} (at most {@value #MAX_PAGE}) preserved items after {@code after} in id order,
     * within the organisation subtree at {@code orgPath} ({@link #WHOLE_STORE} for every item).
     */
    public Page preserved(String orgPath, @Nullable UUID after, int limit) {
        var rows = jdbc.sql(
                        """
                select i.id, coalesce(f.org_path, '/') from item i join fonds f on f.id = i.fonds_id
                where i.status = :preserved and (:after::uuid is null or i.id > :after::uuid)
                  and (:all or f.org_path like :subtree)
                order by i.id limit :n
                """)
                .param("after", after)
                .params(subtree(orgPath))
                .param("n", Math.max(1, Math.min(limit, MAX_PAGE)))
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
        if (rows.isEmpty()) {
            return new Page(List.of(), null);
        }
        var ids = rows.stream().map(Map.Entry::getKey).toList();
        var orgOf = new HashMap<UUID, String>();
        rows.forEach(r -> orgOf.put(r.getKey(), r.getValue()));
        var copies = renditions.ofItems(ids);
        var items = new ArrayList<PreservedItem>();
        for (var record : queries.byIds(ids)) {
            items.add(new PreservedItem(
                    record, orgOf.get(record.id()), registered(record, copies.getOrDefault(record.id(), List.of()))));
        }
        return new Page(List.copyOf(items), ids.get(ids.size() - 1));
    }

    /** The number of preserved items within the organisation subtree at {@code orgPath}. */
    public long count(String orgPath) {
        return jdbc.sql(
                        """
                select count(*) from item i join fonds f on f.id = i.fonds_id
                where i.status = :preserved and (:all or f.org_path like :subtree)
                """)
                .params(subtree(orgPath))
                .query(Long.class)
                .single();
    }

    /** The preserved items within the organisation subtree at {@code orgPath} and their archival files' bytes. */
    public Volume volume(String orgPath) {
        var scope = subtree(orgPath);
        long bytes = jdbc.sql(
                        """
                select coalesce(sum(x.size_bytes), 0) from item_file x join item i on i.id = x.item_id
                join fonds f on f.id = i.fonds_id where i.status = :preserved and (:all or f.org_path like :subtree)
                """)
                .params(scope)
                .query(Long.class)
                .single();
        return new Volume(count(orgPath), bytes);
    }

    /** Every file registered in one item's object: its archival files and its copies. */
    public List<RegisteredFile> registeredFiles(ItemRecord item) {
        return registered(item, renditions.ofItems(List.of(item.id())).getOrDefault(item.id(), List.of()));
    }

    private static List<RegisteredFile> registered(ItemRecord item, List<Renditions.Rendition> copies) {
        var out = new ArrayList<RegisteredFile>(item.files().size() + copies.size());
        item.files().forEach(f -> out.add(new RegisteredFile(f.logicalPath(), f.sizeBytes(), f.sm3(), f.sha256())));
        copies.forEach(c -> out.add(new RegisteredFile(c.logicalPath(), c.sizeBytes(), c.sm3(), c.sha256())));
        return List.copyOf(out);
    }

    /** Bind parameters for "a preserved item whose fonds belongs to the subtree" (fonds.org_path, ADR 0040). */
    private static Map<String, Object> subtree(String orgPath) {
        var p = new HashMap<String, Object>();
        p.put("preserved", ItemState.PRESERVED.name());
        p.put("all", orgPath.equals(WHOLE_STORE));
        p.put("subtree", orgPath + "%");
        return p;
    }
}
