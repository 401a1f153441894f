package org.siarchive.audit;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes and reads audit entries. Writing requires an open transaction: the caller's own. */
@Component
public class AuditTrail {

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One recorded action. */
    public record Entry(
            long id,
            OffsetDateTime at,
            String actor,
            @Nullable String ip,
            @Nullable String client,
            String objectType,
            String objectId,
            String operation,
            String result,
            @Nullable String reason,
            @Nullable String detail) {}

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(
            Actor actor,
            String objectType,
            String objectId,
            String operation,
            @Nullable String reason,
            @Nullable String detail) {
        jdbc.sql(
                        """
                insert into audit_entry (actor, ip, client, object_type, object_id, operation, result, reason, detail)
                values (:actor, :ip, :client, :objectType, :objectId, :operation, 'SUCCESS', :reason, :detail)
                """)
                .param("actor", actor.name())
                .param("ip", actor.ip())
                .param("client", truncate(actor.client(), 200))
                .param("objectType", objectType)
                .param("objectId", objectId)
                .param("operation", operation)
                .param("reason", truncate(reason, 500))
                .param("detail", detail)
                .update();
    }

    public List<Entry> forObject(String objectType, String objectId) {
        return jdbc.sql(
                        """
                select id, at, actor, ip, client, object_type, object_id, operation, result, reason, detail
                from audit_entry where object_type = :type and object_id = :id order by id
                """)
                .param("type", objectType)
                .param("id", objectId)
                .query(Entry.class)
                .list();
    }

    public List<Entry> latest(int limit) {
        return jdbc.sql(
                        """
                select id, at, actor, ip, client, object_type, object_id, operation, result, reason, detail
                from audit_entry order by id desc limit :limit
                """)
                .param("limit", limit)
                .query(Entry.class)
                .list();
    }

    private static @Nullable String truncate(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
