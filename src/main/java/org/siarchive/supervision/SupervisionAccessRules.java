package org.siarchive.supervision;

import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;

import java.util.List;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/**
 * Who may use 监督考核: plans, scores and exports need supervision:inspect (archivists, approvers);
 * rectification items are read by the units that work them (supervision:rectify: archivists, clerks) and by
 * inspectors; a unit reports with rectify, an inspector accepts or returns with inspect. The data scope
 * (unit subtree) is applied by the services.
 */
@Component
class SupervisionAccessRules implements AccessRules {

    static final String INSPECT = "supervision:inspect";
    static final String RECTIFY = "supervision:rectify";

    @Override
    public List<Rule> rules() {
        return List.of(
                get("/supervision/plans", "/supervision/plans/*", "/supervision/plans/*/export")
                        .requires(INSPECT),
                post(
                                "/supervision/plans",
                                "/supervision/plans/*/update",
                                "/supervision/plans/*/start",
                                "/supervision/plans/*/compute",
                                "/supervision/plans/*/score",
                                "/supervision/plans/*/evaluate",
                                "/supervision/plans/*/close",
                                "/supervision/plans/*/rectifications")
                        .requires(INSPECT),
                get("/supervision/rectifications", "/supervision/rectifications/*")
                        .requires(RECTIFY, INSPECT),
                post("/supervision/rectifications/*/submit").requires(RECTIFY),
                post("/supervision/rectifications/*/accept", "/supervision/rectifications/*/return")
                        .requires(INSPECT));
    }
}
