package org.siarchive.mining;

import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;

import java.util.List;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/**
 * The 数据挖掘 page, its runs and downloads: holders of STATISTICS_VIEW (archivists, approvers). The chart script is
 * the statistics console's ({@code /js/statistics-charts.js}, analytics' rules).
 */
@Component
class MiningAccessRules implements AccessRules {

    /** security.Permission.STATISTICS_VIEW (mining does not depend on security). */
    static final String VIEW = "statistics:view";

    @Override
    public List<Rule> rules() {
        return List.of(
                get(
                                "/statistics/mining",
                                "/statistics/mining/runs/*",
                                "/statistics/mining/runs/*/export",
                                "/js/mining-charts.js")
                        .requires(VIEW),
                post("/statistics/mining/runs").requires(VIEW));
    }
}
