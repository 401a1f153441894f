package org.siarchive.monitoring;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.siarchive.audit.AuditedObject;
import org.siarchive.audit.ObjectNames;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the audit page calls a monitoring rule (its name) and a security alert (its rule and account). */
@Component
class MonitoringAuditNames implements ObjectNames {

    private final MessageSource messages;
    private final JdbcClient jdbc;

    MonitoringAuditNames(MessageSource messages, JdbcClient jdbc) {
        this.messages = messages;
        this.jdbc = jdbc;
    }

    @Override
    public Set<AuditedObject> types() {
        return Set.of(AuditedObject.MONITORING_RULE, AuditedObject.SECURITY_ALERT);
    }

    @Override
    public Map<String, String> names(AuditedObject type, Collection<String> ids) {
        var out = new HashMap<String, String>();
        var locale = LocaleContextHolder.getLocale();
        if (type == AuditedObject.MONITORING_RULE) {
            for (var c : RuleCode.values()) {
                if (ids.contains(c.name())) {
                    out.put(c.name(), messages.getMessage(c.labelKey(), null, c.name(), locale));
                }
            }
            return out;
        }
        var uuids = ids.stream()
                .filter(s -> s.length() == 36)
                .map(s -> {
                    try {
                        return UUID.fromString(s);
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                })
                .filter(java.util.Objects::nonNull)
                .limit(1_000)
                .toArray(UUID[]::new);
        if (uuids.length == 0) {
            return out;
        }
        jdbc.sql("select id, rule_code, actor from monitoring_alert where id = any(:ids)")
                .param("ids", uuids)
                .query((rs, n) -> {
                    String rule = messages.getMessage(
                            "monitoring.rule.name." + rs.getString(2), null, rs.getString(2), locale);
                    out.put(rs.getString(1), rule + " · " + rs.getString(3));
                    return null;
                })
                .list();
        return out;
    }
}
