package org.siarchive.monitoring;

import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;

import java.util.List;
import org.siarchive.security.Permission;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/**
 * Alerts, their entries, acknowledgement and the daily summary: monitoring:alert (security administrator and
 * auditor); the rules page is read with either permission and changed with monitoring:policy (security
 * administrator only). The data scope is applied by the services.
 */
@Component
class MonitoringAccessRules implements AccessRules {

    @Override
    public List<Rule> rules() {
        return List.of(
                get("/monitoring/alerts", "/monitoring/alerts/*", "/monitoring/summary")
                        .requires(Permission.MONITORING_ALERT),
                post("/monitoring/alerts/*/acknowledgement").requires(Permission.MONITORING_ALERT),
                get("/monitoring/rules").requires(Permission.MONITORING_ALERT, Permission.MONITORING_POLICY),
                post("/monitoring/rules/*").requires(Permission.MONITORING_POLICY));
    }
}
