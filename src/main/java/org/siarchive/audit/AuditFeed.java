package org.siarchive.audit;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit trail as a feed, for modules that watch it (security monitoring) without reading its table: the
 * entries after a known id, oldest first, in bounded batches. Entries are inserted under the chain head's lock
 * held to commit, so ids grow in commit order and a reader that remembers the last id it saw misses none.
 */
@Component
public class AuditFeed {

    /** The largest batch one call returns. */
    public static final int MAX_BATCH = 5_000;

    /** The most entries {@link #entries} and {@link #readable} resolve at once. */
    public static final int MAX_IDS = 1_000;

    /**
     * One entry as people read it (labels in the reader's language, names for actors and objects); {@code
     * detailHtml} is the detail escaped, its data marked {@code translate="no"}, as the audit page shows it.
     */
    public record Readable(
            long id,
            String time,
            String actor,
            String org,
            String ip,
            String objectType,
            String object,
            String operation,
            String result,
            String resultCode,
            String reason,
            String detail,
            String detailHtml) {}

    private final JdbcClient jdbc;
    private final AuditRows rows;

    AuditFeed(JdbcClient jdbc, AuditRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    /** Up to {@code limit} (≤ {@link #MAX_BATCH}) entries with an id above {@code afterId}, by id. */
    public List<AuditTrail.Entry> after(long afterId, int limit) {
        if (limit < 1 || limit > MAX_BATCH) {
            throw new IllegalArgumentException("batch out of range: " + limit);
        }
        return jdbc.sql(AuditTrail.SELECT + " where id > :after order by id limit :limit")
                .param("after", afterId)
                .param("limit", limit)
                .query(AuditTrail.Entry.class)
                .list();
    }

    /** The id of the newest entry; 0 for an empty trail (where a new watcher starts). */
    public long lastId() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_entry")
                .query(Long.class)
                .single();
    }

    /** The entries with these ids (at most {@link #MAX_IDS}), by id. */
    public List<AuditTrail.Entry> entries(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        if (ids.size() > MAX_IDS) {
            throw new IllegalArgumentException("too many ids: " + ids.size());
        }
        return jdbc.sql(AuditTrail.SELECT + " where id = any(:ids) order by id")
                .param("ids", ids.toArray(Long[]::new))
                .query(AuditTrail.Entry.class)
                .list();
    }

    /** The entries with these ids as the audit page shows them, by id. */
    public List<Readable> readable(Collection<Long> ids, Locale locale) {
        var entries = entries(ids);
        var shown = rows.rows(entries, locale);
        var out = new java.util.ArrayList<Readable>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            var r = shown.get(i);
            out.add(new Readable(
                    entries.get(i).id(),
                    r.time(),
                    r.actor(),
                    r.org(),
                    r.ip(),
                    r.objectType(),
                    r.object(),
                    r.operation(),
                    r.result(),
                    r.resultCode(),
                    r.reason(),
                    r.detail(),
                    r.detailHtml()));
        }
        return out;
    }
}
