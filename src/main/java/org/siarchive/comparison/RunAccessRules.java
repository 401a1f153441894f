package org.siarchive.comparison;

import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;

import java.util.List;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/** Comparison runs and the rule catalogue: holders of COMPARISON_RUN (archivists, clerks, approvers). */
@Component
class RunAccessRules implements AccessRules {

    /** security.Permission.COMPARISON_RUN (comparison does not depend on security). */
    static final String RUN = "comparison:run";

    @Override
    public List<Rule> rules() {
        return List.of(
                get("/comparison/runs", "/comparison/runs/*", "/comparison/rules")
                        .requires(RUN),
                post("/comparison/runs", "/comparison/rules/*").requires(RUN),
                get(
                                "/api/v1/comparison/runs",
                                "/api/v1/comparison/runs/*",
                                "/api/v1/comparison/rules",
                                "/api/v1/comparison/rules/*")
                        .requires(RUN),
                post("/api/v1/comparison/runs", "/api/v1/comparison/rules/*").requires(RUN));
    }
}
