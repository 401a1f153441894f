package org.siarchive.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.ReadableTime;
import org.springframework.stereotype.Component;

/**
 * Entries as people read them, the same on the screen and in the audit extract register: labels for the
 * operation, object type and result, objects, actors and organisations by the names people know them by
 * (through every module's {@link ObjectNames}), details in the reader's language ({@link AuditText}).
 */
@Component
class AuditRows {

    /** One entry as read; every field is display text. */
    record Row(
            String seq,
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
            String detailHtml,
            boolean objectIsData) {}

    /** The results an entry can have, in the order of the filter. */
    static final List<String> RESULTS = List.of(AuditTrail.SUCCESS, AuditTrail.FAILURE, AuditTrail.DENIED);

    private final List<ObjectNames> names;
    private final AuditText text;
    private final ReadableTime time;

    AuditRows(List<ObjectNames> names, AuditText text, ReadableTime time) {
        this.names = names;
        this.text = text;
        this.time = time;
    }

    List<Row> rows(List<AuditTrail.Entry> entries, Locale locale) {
        var known = new HashMap<String, Map<String, String>>();
        var byType = new HashMap<String, Set<String>>();
        for (var e : entries) {
            byType.computeIfAbsent(e.objectType(), t -> new LinkedHashSet<>()).add(e.objectId());
            byType.computeIfAbsent(AuditedObject.ACCOUNT.name(), t -> new LinkedHashSet<>())
                    .add(e.actor());
            if (e.org() != null) {
                byType.computeIfAbsent(AuditedObject.ORG_UNIT.name(), t -> new LinkedHashSet<>())
                        .add(e.org());
            }
        }
        byType.forEach((type, ids) -> known.put(type, lookUp(type, ids)));
        var out = new ArrayList<Row>(entries.size());
        for (var e : entries) {
            out.add(row(e, known, locale));
        }
        return out;
    }

    private Row row(AuditTrail.Entry e, Map<String, Map<String, String>> known, Locale locale) {
        var accounts = known.getOrDefault(AuditedObject.ACCOUNT.name(), Map.of());
        var orgs = known.getOrDefault(AuditedObject.ORG_UNIT.name(), Map.of());
        return new Row(
                e.seq() == null ? "" : e.seq().toString(),
                time.format(e.at(), ReadableTime.SECONDS),
                actor(e.actor(), accounts, locale),
                e.org() == null ? "" : orgs.getOrDefault(e.org(), e.org()),
                nz(e.ip()),
                text.label("audit.object." + e.objectType(), e.objectType(), locale),
                object(e, known.getOrDefault(e.objectType(), Map.of()), locale),
                text.label("audit.operation." + e.operation(), e.operation(), locale),
                text.label("audit.result." + e.result(), e.result(), locale),
                e.result(),
                text.render(e.reason(), locale),
                text.render(e.detail(), locale),
                text.html(e.detail(), locale),
                // a refused request is named by its method and address: data, like a 档号
                e.objectType().equals(AuditedObject.REQUEST.name())
                        || known.getOrDefault(e.objectType(), Map.of()).containsKey(e.objectId()));
    }

    /** The filter with the ids of the objects named as the person typed them in the 对象 field (a 档号 in part). */
    AuditQuery resolved(AuditQuery q) {
        if (q.objectId() == null || q.objectId().isBlank()) {
            return q;
        }
        var ids = new ArrayList<String>();
        for (var n : names) {
            for (var type : n.types()) {
                if (q.objectType() == null
                        || q.objectType().isBlank()
                        || q.objectType().equals(type.name())) {
                    ids.addAll(n.find(type, q.objectId().strip()));
                }
            }
        }
        return ids.isEmpty() ? q : q.matching(ids.subList(0, Math.min(ids.size(), MAX_MATCHES)));
    }

    /** The most objects one typed name may stand for in a filter. */
    static final int MAX_MATCHES = 1_000;

    /** The names people read for some actors' login names, in the given order. */
    Map<String, String> actors(Collection<String> logins, Locale locale) {
        var accounts = lookUp(AuditedObject.ACCOUNT.name(), logins);
        var out = new java.util.LinkedHashMap<String, String>();
        logins.forEach(l -> out.put(l, actor(l, accounts, locale)));
        return out;
    }

    private String actor(String login, Map<String, String> accounts, Locale locale) {
        String name = accounts.get(login);
        if (name != null) {
            return name;
        }
        String system = text.labelOrNull("audit.actor." + login, locale);
        if (system != null) {
            return system;
        }
        if (login.startsWith("client:")) {
            return text.label("audit.actor.client", "", locale) + " " + login.substring("client:".length());
        }
        return login;
    }

    private String object(AuditTrail.Entry e, Map<String, String> names, Locale locale) {
        String id = e.objectId();
        if (id.equals("-")) {
            return "";
        }
        if (id.equals("*")) {
            return text.label("audit.object.everything", id, locale);
        }
        String name = names.get(id);
        if (name != null) {
            return name;
        }
        if (e.objectType().equals(AuditedObject.POLICY.name())) {
            return text.label("policy." + id, id, locale);
        }
        String numbered = text.labelOrNull("audit.objectName." + e.objectType(), locale, id);
        return numbered != null ? numbered : id;
    }

    private Map<String, String> lookUp(String type, Collection<String> ids) {
        AuditedObject typed;
        try {
            typed = AuditedObject.valueOf(type);
        } catch (IllegalArgumentException gone) {
            return Map.of();
        }
        var out = new HashMap<String, String>();
        for (var n : names) {
            if (n.types().contains(typed)) {
                out.putAll(n.names(typed, ids));
            }
        }
        return out;
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }
}
