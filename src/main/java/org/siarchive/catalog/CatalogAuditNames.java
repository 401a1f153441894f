package org.siarchive.catalog;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.siarchive.audit.AuditedObject;
import org.siarchive.audit.ObjectNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The catalogue's objects in the audit log as people know them: 件 and 卷 by 档号, 盒 by 盒号, 全宗 and
 * 参保单位 by name, 参保人 by name (never the ID number).
 */
@Component
class CatalogAuditNames implements ObjectNames {

    private final JdbcClient jdbc;

    CatalogAuditNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<AuditedObject> types() {
        return Set.of(
                AuditedObject.ITEM,
                AuditedObject.VOLUME,
                AuditedObject.BOX,
                AuditedObject.FONDS,
                AuditedObject.EMPLOYER,
                AuditedObject.PERSON);
    }

    @Override
    public Map<String, String> names(AuditedObject type, Collection<String> ids) {
        return switch (type) {
            case ITEM -> query("select id::text, archive_code from item where id = any(:ids)", uuids(ids));
            case VOLUME -> query("select id::text, archive_code from volume where id = any(:ids)", longs(ids));
            case BOX ->
                query(
                        "select b.id::text, f.code || ' ' || b.box_no from box b join fonds f on f.id = b.fonds_id"
                                + " where b.id = any(:ids)",
                        longs(ids));
            case FONDS ->
                query("select code, code || ' ' || name from fonds where code = any(:ids)", ids.toArray(String[]::new));
            case EMPLOYER ->
                query(
                        "select credit_code, name from employer where credit_code = any(:ids)",
                        ids.toArray(String[]::new));
            case PERSON -> query("select id::text, name from person where id = any(:ids)", longs(ids));
            default -> Map.of();
        };
    }

    /** Items and volumes whose 档号 contains what was typed, however its separators were typed. */
    @Override
    public Collection<String> find(AuditedObject type, String typed) {
        String table = type == AuditedObject.ITEM ? "item" : type == AuditedObject.VOLUME ? "volume" : null;
        String key = ArchiveCodeInput.key(typed);
        if (table == null || key.isEmpty()) {
            return List.of();
        }
        return jdbc
                .sql("select id::text, archive_code from " + table + " where "
                        + ArchiveCodeLookup.storedKey("archive_code") + " like :pattern escape '!' limit 2000")
                .param("pattern", ArchiveCodeLookup.containing(key))
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .filter(r -> ArchiveCodeInput.matches(r.get(1), typed))
                .map(r -> r.get(0))
                .toList();
    }

    private Map<String, String> query(String sql, Object[] ids) {
        var out = new HashMap<String, String>();
        if (ids.length == 0) {
            return out;
        }
        jdbc.sql(sql)
                .param("ids", ids)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(r -> out.put(r.get(0), r.get(1)));
        return out;
    }

    private static UUID[] uuids(Collection<String> ids) {
        return ids.stream()
                .filter(s -> s.matches("[0-9a-fA-F-]{36}"))
                .map(s -> {
                    try {
                        return UUID.fromString(s);
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                })
                .filter(java.util.Objects::nonNull)
                .toArray(UUID[]::new);
    }

    private static Long[] longs(Collection<String> ids) {
        return ids.stream()
                .filter(s -> s.matches("\\d{1,18}"))
                .map(Long::valueOf)
                .toArray(Long[]::new);
    }
}
