package org.siarchive.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Page;
import org.siarchive.shared.Scope;
import org.siarchive.shared.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 密级到期审查 (docs/adr/0064): items whose 保密期限 has passed, and the decision on one — 解密 (to 公开),
 * 降密 (one level down) or 维持 (keep the level until a new day). An item's period is its own
 * {@code secrecy_until}, or, when none was recorded, the default years of its level counted like a
 * retention term from the year after its formation. The change, its audit entry and its event commit
 * together.
 */
@Component
public class ItemSecrecy {

    /** The lowest level: 公开 has no period and cannot go lower. */
    public static final int PUBLIC = 1;

    /** Message key prefix of a level's label ({@code disposition.secrecy.level.2} = 内部). */
    public static final String LEVEL_LABEL = "disposition.secrecy.level.";

    private static final String EFFECTIVE_UNTIL =
            """
            coalesce(i.secrecy_until, case i.security_level::int
                when 2 then make_date(i.year + cast(:years2 as int), 12, 31)
                when 3 then make_date(i.year + cast(:years3 as int), 12, 31) end)""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    ItemSecrecy(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    /** 解密, 降密 or 维持. */
    public enum Decision {
        DECLASSIFY,
        DOWNGRADE,
        KEEP
    }

    /** One item due for review; {@code dueOn} is its recorded or default 保密期限. */
    public record Due(
            UUID id,
            String archiveCode,
            String title,
            int year,
            int securityLevel,
            @Nullable LocalDate secrecyUntil,
            LocalDate dueOn,
            String fondsCode) {}

    /** What a decision did. */
    public record Change(UUID itemId, String archiveCode, int fromLevel, int toLevel, @Nullable LocalDate until) {}

    /**
     * A page of preserved items above 公开 whose period ended by {@code day}, earliest first.
     *
     * @param defaultYears years of secrecy per level when an item has no period of its own (absent: none)
     */
    public Page<Due> due(LocalDate day, Map<Integer, Integer> defaultYears, Scope scope, int page, int size) {
        var params = ItemQueries.scopeParams(scope);
        params.put("day", day);
        params.put("years2", defaultYears.get(2));
        params.put("years3", defaultYears.get(3));
        String from = " from item i join fonds f on f.id = i.fonds_id where i.status = 'PRESERVED'"
                + " and i.security_level::int > 1 and " + EFFECTIVE_UNTIL + " <= :day and "
                + ItemQueries.SCOPE_CLAUSE;
        long total = jdbc.sql("select count(*)" + from)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        var rows = jdbc.sql("select i.id, i.archive_code, i.title, i.year, i.security_level::int as security_level,"
                        + " i.secrecy_until, " + EFFECTIVE_UNTIL + " as due_on, f.code as fonds_code" + from
                        + " order by due_on, i.archive_code limit :limit offset :offset")
                .params(params)
                .query(Due.class)
                .list();
        return new Page<>(rows, page, size, total);
    }

    /**
     * Applies a decision on an item in the reader's scope (404 otherwise). 解密 sets 公开 and clears the
     * period; 降密 lowers the level by one and records {@code until} (required while above 公开); 维持
     * keeps the level and records {@code until}. 409 when the item is already 公开 or not preserved.
     */
    @Transactional
    public Change decide(UUID itemId, Decision decision, @Nullable LocalDate until, String reason, Access access) {
        var row = jdbc.sql("select i.archive_code, i.security_level::int as level, i.status from item i join fonds f"
                        + " on f.id = i.fonds_id where i.id = :id and " + ItemQueries.SCOPE_CLAUSE
                        + " for update of i")
                .params(scoped(itemId, access.scope()))
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getString(3)})
                .optional()
                .orElseThrow(() -> new NotFoundException("item", itemId.toString()));
        String code = (String) row[0];
        int from = (Integer) row[1];
        if (!ItemState.PRESERVED.name().equals(row[2])) {
            throw new ConflictException("conflict.itemNotPreserved", code);
        }
        if (from <= PUBLIC) {
            throw new ConflictException("conflict.secrecyAlreadyPublic", code);
        }
        int to =
                switch (decision) {
                    case DECLASSIFY -> PUBLIC;
                    case DOWNGRADE -> from - 1;
                    case KEEP -> from;
                };
        if (to > PUBLIC && until == null) {
            throw new InvalidInputException(List.of(Violation.of("until", "required")));
        }
        LocalDate newUntil = to == PUBLIC ? null : until;
        jdbc.sql("update item set security_level = :to, secrecy_until = :until, updated_at = now() where id = :id")
                .param("to", String.valueOf(to))
                .param("until", newUntil)
                .param("id", itemId)
                .update();
        audit.record(
                access.actor(),
                AuditedObject.ITEM,
                itemId.toString(),
                AuditOperation.REVIEW_SECRECY,
                reason,
                AuditDetail.of(
                                "audit.detail.secrecy." + decision.name(),
                                code,
                                AuditDetail.label(LEVEL_LABEL + from),
                                AuditDetail.label(LEVEL_LABEL + to),
                                newUntil == null ? "" : newUntil)
                        .encoded());
        events.publishEvent(new ItemSecrecyChanged(itemId, code, from, to, newUntil));
        return new Change(itemId, code, from, to, newUntil);
    }

    private static Map<String, Object> scoped(UUID itemId, Scope scope) {
        var params = ItemQueries.scopeParams(scope);
        params.put("id", itemId);
        return params;
    }
}
