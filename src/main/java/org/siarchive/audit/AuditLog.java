package org.siarchive.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.siarchive.shared.Page;
import org.siarchive.shared.ReadableTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The auditor's reads of the trail: filtered pages, streams for registers, counts. Nothing here writes. */
@Component
class AuditLog {

    private final JdbcClient jdbc;
    private final ReadableTime time;

    AuditLog(JdbcClient jdbc, ReadableTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    /** Entries matching the filter, newest first. */
    Page<AuditTrail.Entry> search(AuditQuery q, int page, int size) {
        var params = q.params();
        String where = q.where(params, time);
        long total = jdbc.sql("select count(*) from audit_entry where " + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        var rows = jdbc.sql(AuditTrail.SELECT + " where " + where + NEWEST_FIRST + " limit :limit offset :offset")
                .params(params)
                .query(AuditTrail.Entry.class)
                .list();
        return new Page<>(rows, page, size, total);
    }

    private static final String NEWEST_FIRST = " order by seq desc nulls first, id desc";

    /**
     * Every entry matching the filter, at most {@code limit}, streamed: newest first as on the screen (registers),
     * or oldest first in chain order (the CSV for machines).
     */
    void each(AuditQuery q, int limit, boolean newestFirst, Consumer<AuditTrail.Entry> consumer) {
        var params = q.params();
        String where = q.where(params, time);
        params.put("limit", limit);
        try (var rows = jdbc
                .sql(AuditTrail.SELECT + " where " + where
                        + (newestFirst ? NEWEST_FIRST : " order by seq nulls last, id") + " limit :limit")
                .params(params)
                .query(AuditTrail.Entry.class)
                .stream()) {
            rows.forEach(consumer);
        }
    }

    /** Counts by a column (operation, actor, result or object type) for the filter. */
    Map<String, Long> countBy(AuditQuery q, String column) {
        if (!Set.of("operation", "actor", "result", "object_type").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        var params = q.params();
        String where = q.where(params, time);
        var out = new LinkedHashMap<String, Long>();
        jdbc.sql("select " + column + ", count(*) from audit_entry where " + where + " group by " + column
                        + " order by count(*) desc limit 20")
                .params(params)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
