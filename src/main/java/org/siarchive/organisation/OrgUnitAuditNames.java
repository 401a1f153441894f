package org.siarchive.organisation;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.siarchive.audit.AuditedObject;
import org.siarchive.audit.ObjectNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Organisations in the audit log by name, not by code (the trail stores codes: SC, CD-QY). */
@Component
class OrgUnitAuditNames implements ObjectNames {

    private final JdbcClient jdbc;

    OrgUnitAuditNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<AuditedObject> types() {
        return Set.of(AuditedObject.ORG_UNIT);
    }

    @Override
    public Map<String, String> names(AuditedObject type, Collection<String> ids) {
        var out = new HashMap<String, String>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("select code, name from org_unit where code = any(:codes)")
                .param("codes", ids.toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
