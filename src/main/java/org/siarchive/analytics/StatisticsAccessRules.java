package org.siarchive.analytics;

import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;

import java.util.List;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/**
 * Who may read the dashboards (统计分析): statistics:view (archivists, approvers), on the console and the API; the
 * data scope (unit subtree) is applied when the unit is selected. The chart script is a static file like the style
 * sheet.
 */
@Component
class StatisticsAccessRules implements AccessRules {

    static final String VIEW = "statistics:view";
    static final String REPORT = "statistics:report";

    @Override
    public List<Rule> rules() {
        return List.of(
                get("/statistics", "/statistics/*", "/statistics/*/*.xlsx").requires(VIEW),
                get("/api/v1/statistics/dashboards", "/api/v1/statistics/dashboards/*")
                        .requires(VIEW),
                post("/statistics/holdings/rebuild").requires(REPORT),
                get("/js/statistics-charts.js").permitAll());
    }
}
