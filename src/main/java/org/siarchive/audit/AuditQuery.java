package org.siarchive.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.ReadableTime;

/** Auditor's filter: time range (dates as people count them, {@link ReadableTime}), user, operation, object type/id, result. */
public record AuditQuery(
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        @Nullable String actor,
        @Nullable String operation,
        @Nullable String objectType,
        @Nullable String objectId,
        @Nullable String result,
        @Nullable List<String> objectIds) {

    /** A filter on the stored object id only. */
    public AuditQuery(
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable String actor,
            @Nullable String operation,
            @Nullable String objectType,
            @Nullable String objectId,
            @Nullable String result) {
        this(from, to, actor, operation, objectType, objectId, result, null);
    }

    /** The filter where the typed object also matches the objects of these ids (named as typed). */
    AuditQuery matching(List<String> ids) {
        return new AuditQuery(from, to, actor, operation, objectType, objectId, result, List.copyOf(ids));
    }

    String where(Map<String, Object> params, ReadableTime time) {
        var w = new ArrayList<String>();
        if (from != null) {
            w.add("at >= :from");
            params.put("from", time.startOf(from));
        }
        if (to != null) {
            w.add("at < :to");
            params.put("to", time.startOf(to.plusDays(1)));
        }
        add(w, params, "actor", actor);
        add(w, params, "operation", operation);
        add(w, params, "object_type", objectType);
        if (objectIds != null && !objectIds.isEmpty() && objectId != null) {
            w.add("(object_id = :object_id or object_id = any(:object_ids))");
            params.put("object_id", objectId.strip());
            params.put("object_ids", objectIds.toArray(String[]::new));
        } else {
            add(w, params, "object_id", objectId);
        }
        add(w, params, "result", result);
        return w.isEmpty() ? "true" : String.join(" and ", w);
    }

    private static void add(List<String> w, Map<String, Object> params, String column, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            w.add(column + " = :" + column);
            params.put(column, value.strip());
        }
    }

    /** The filter as an argument of a keyed detail ({@link AuditDetail}): labels for the codes, values as typed. */
    String describe() {
        var parts = new ArrayList<String>();
        if (from != null || to != null) {
            parts.add((from == null ? "" : from.toString()) + "～" + (to == null ? "" : to.toString()));
        }
        addPart(parts, actor, null);
        addPart(parts, operation, "audit.operation.");
        addPart(parts, objectType, "audit.object.");
        addPart(parts, objectId, null);
        addPart(parts, result, "audit.result.");
        return parts.isEmpty() ? AuditDetail.label("audit.filter.none") : String.join(AuditText.AND, parts);
    }

    private static void addPart(List<String> parts, @Nullable String value, @Nullable String labelPrefix) {
        if (value != null && !value.isBlank()) {
            String v = value.strip().replace(AuditText.AND, " ");
            parts.add(labelPrefix == null ? v : AuditDetail.label(labelPrefix + v));
        }
    }

    Map<String, Object> params() {
        return new HashMap<>();
    }
}
