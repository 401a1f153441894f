package org.siarchive.security;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.siarchive.audit.AuditedObject;
import org.siarchive.audit.ObjectNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Accounts (as objects and as actors) in the audit log by display name and login name: 张三（zhangsan）. */
@Component
class AccountAuditNames implements ObjectNames {

    private final JdbcClient jdbc;

    AccountAuditNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<AuditedObject> types() {
        return Set.of(AuditedObject.ACCOUNT);
    }

    @Override
    public Map<String, String> names(AuditedObject type, Collection<String> ids) {
        var out = new HashMap<String, String>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("select username, display_name from account where username = any(:names)")
                .param("names", ids.toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2) + "（" + rs.getString(1) + "）"))
                .list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
