package org.siarchive.reporting;

import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;

import java.util.List;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/**
 * The annual statistics report is made and submitted by archivists (statistics:report); the data scope (unit
 * subtree) is applied by the services.
 */
@Component
class ReportingAccessRules implements AccessRules {

    static final String REPORT = "statistics:report";

    @Override
    public List<Rule> rules() {
        return List.of(
                get(
                                "/statistics/annual-reports",
                                "/statistics/annual-reports/*",
                                "/statistics/annual-reports/*/xlsx",
                                "/statistics/annual-reports/*/pdf")
                        .requires(REPORT),
                post(
                                "/statistics/annual-reports",
                                "/statistics/annual-reports/*/manual",
                                "/statistics/annual-reports/*/submit")
                        .requires(REPORT));
    }
}
