package org.siarchive.disposition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.ItemFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The rows of {@code legal_hold} and {@code legal_hold_item}; the one place holds are read and written. */
@Component
class HoldRows {

    /** The advisory-lock key of holds: placing takes it exclusively, every guard check shared (ADR 0071). */
    static final long LOCK = 0x1e6a1_4010L;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String SELECT =
            """
            select id, hold_no, case_type, case_ref, reason, owner, subject, person_id, employer_id,
                   query::text as query, org_path, placed_by, placed_at, released_by, released_at, release_reason
            from legal_hold h
            """;

    /** Search of holds visible under a unit's path; null criteria are not applied. */
    record Filter(
            @Nullable String holdNo,
            @Nullable String caseRef,
            @Nullable Boolean active,
            @Nullable HoldSubject subject,
            @Nullable Collection<Long> onlyIds) {}

    private final JdbcClient jdbc;

    HoldRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void lockExclusive() {
        jdbc.sql("select pg_advisory_xact_lock(:k)")
                .param("k", LOCK)
                .query(Object.class)
                .single();
    }

    void lockShared() {
        jdbc.sql("select pg_advisory_xact_lock_shared(:k)")
                .param("k", LOCK)
                .query(Object.class)
                .single();
    }

    /** The next number of the year, DJ2026-0001; called under the exclusive lock. */
    String nextNumber(int year) {
        String prefix = "DJ" + year + "-";
        int last = jdbc.sql(
                        "select coalesce(max(substr(hold_no, :from)::int), 0) from legal_hold where hold_no like :p")
                .param("from", prefix.length() + 1)
                .param("p", prefix + "%")
                .query(Integer.class)
                .single();
        return prefix + "%04d".formatted(last + 1);
    }

    long insert(Hold h) {
        return jdbc.sql(
                        """
                insert into legal_hold (hold_no, case_type, case_ref, reason, owner, subject, person_id, employer_id,
                                        query, org_path, placed_by)
                values (:no, :type, :ref, :reason, :owner, :subject, :person, :employer, cast(:query as jsonb),
                        :org, :by)
                returning id
                """)
                .param("no", h.holdNo())
                .param("type", h.caseType().name())
                .param("ref", h.caseRef())
                .param("reason", h.reason())
                .param("owner", h.owner())
                .param("subject", h.subject().name())
                .param("person", h.personId())
                .param("employer", h.employerId())
                .param("query", h.query() == null ? null : JSON.writeValueAsString(h.query()))
                .param("org", h.orgPath())
                .param("by", h.placedBy())
                .query(Long.class)
                .single();
    }

    void insertItems(long holdId, Collection<UUID> itemIds) {
        jdbc.sql("insert into legal_hold_item (hold_id, item_id) select :h, unnest(:ids) on conflict do nothing")
                .param("h", holdId)
                .param("ids", itemIds.toArray(UUID[]::new))
                .update();
    }

    /** Marks it released; false when it was released already. */
    boolean release(long holdId, String by, String reason) {
        return jdbc.sql(
                                """
                update legal_hold set released_by = :by, released_at = now(), release_reason = :reason
                where id = :id and released_at is null
                """)
                        .param("by", by)
                        .param("reason", reason)
                        .param("id", holdId)
                        .update()
                == 1;
    }

    /** The hold by number when it was placed under {@code orgPath} (the reader's unit subtree). */
    Optional<Hold> byNumber(String holdNo, String orgPath) {
        return jdbc.sql(SELECT + " where hold_no = :no and org_path like :org")
                .param("no", holdNo)
                .param("org", orgPath + "%")
                .query(HoldRows::hold)
                .optional();
    }

    List<Hold> search(Filter f, String orgPath, int limit) {
        var where = new StringBuilder(" where org_path like :org");
        var params = new HashMap<String, Object>();
        params.put("org", orgPath + "%");
        if (f.holdNo() != null) {
            where.append(" and strpos(hold_no, :no) > 0");
            params.put("no", f.holdNo());
        }
        if (f.caseRef() != null) {
            where.append(" and strpos(case_ref, :ref) > 0");
            params.put("ref", f.caseRef());
        }
        if (f.active() != null) {
            where.append(f.active() ? " and released_at is null" : " and released_at is not null");
        }
        if (f.subject() != null) {
            where.append(" and subject = :subject");
            params.put("subject", f.subject().name());
        }
        if (f.onlyIds() != null) {
            where.append(" and id = any(:ids)");
            params.put("ids", f.onlyIds().toArray(Long[]::new));
        }
        return jdbc.sql(SELECT + where + " order by placed_at desc, id desc limit " + limit)
                .params(params)
                .query(HoldRows::hold)
                .list();
    }

    /** Holds on listed items among {@code itemIds} (active only unless asked), by item: one query. */
    Map<UUID, List<Hold>> onItems(Collection<UUID> itemIds, boolean releasedToo) {
        var out = new HashMap<UUID, List<Hold>>();
        jdbc.sql(SELECT.replace("from legal_hold h", ", i.item_id from legal_hold h")
                        + " join legal_hold_item i on i.hold_id = h.id where i.item_id = any(:ids)"
                        + (releasedToo ? "" : " and h.released_at is null"))
                .param("ids", itemIds.toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject("item_id", UUID.class), hold(rs, n)))
                .list()
                .forEach(e ->
                        out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    /** Holds on a person, an employer or a query (active only unless asked): evaluated against item facts. */
    List<Hold> byCriteria(boolean releasedToo) {
        return jdbc.sql(SELECT + " where subject <> 'ITEMS'" + (releasedToo ? "" : " and released_at is null"))
                .query(HoldRows::hold)
                .list();
    }

    List<UUID> items(long holdId) {
        return jdbc.sql("select item_id from legal_hold_item where hold_id = :h")
                .param("h", holdId)
                .query(UUID.class)
                .list();
    }

    private static Hold hold(ResultSet rs, int n) throws SQLException {
        String query = rs.getString("query");
        return new Hold(
                rs.getLong("id"),
                rs.getString("hold_no"),
                HoldCase.valueOf(rs.getString("case_type")),
                rs.getString("case_ref"),
                rs.getString("reason"),
                rs.getString("owner"),
                HoldSubject.valueOf(rs.getString("subject")),
                rs.getObject("person_id", Long.class),
                rs.getObject("employer_id", Long.class),
                query == null ? null : JSON.readValue(query, ItemFacts.Criteria.class),
                rs.getString("org_path"),
                rs.getString("placed_by"),
                rs.getObject("placed_at", OffsetDateTime.class),
                rs.getString("released_by"),
                rs.getObject("released_at", OffsetDateTime.class),
                rs.getString("release_reason"));
    }
}
