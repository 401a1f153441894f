package org.siarchive.comparison;

import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;

import java.util.List;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/** Who may import and withdraw reference data: holders of COMPARISON_DATA (archivists and clerks). */
@Component
class ReferenceAccessRules implements AccessRules {

    /** security.Permission.COMPARISON_DATA (comparison does not depend on security). */
    static final String DATA = "comparison:data";

    @Override
    public List<Rule> rules() {
        return List.of(
                get(
                                "/comparison/datasets",
                                "/comparison/datasets/*",
                                "/comparison/datasets/*/errors.xlsx",
                                "/comparison/datasets/templates/*")
                        .requires(DATA),
                post("/comparison/datasets", "/comparison/datasets/*/withdraw").requires(DATA),
                get(
                                "/api/v1/comparison/datasets",
                                "/api/v1/comparison/datasets/*",
                                "/api/v1/comparison/datasets/*/errors.xlsx",
                                "/api/v1/comparison/datasets/templates/*")
                        .requires(DATA),
                post(
                                "/api/v1/comparison/datasets",
                                "/api/v1/comparison/datasets/rows",
                                "/api/v1/comparison/datasets/*/withdraw")
                        .requires(DATA));
    }
}
