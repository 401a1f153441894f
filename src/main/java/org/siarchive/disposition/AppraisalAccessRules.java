package org.siarchive.disposition;

import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;

import java.util.List;
import org.siarchive.security.Permission;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/**
 * Who may use appraisal batches (鉴定): archivists propose and run the group's work, members record their
 * own opinions, the principal leader approves or returns, archivists execute extensions. 三员 hold none.
 */
@Component
class AppraisalAccessRules implements AccessRules {

    private static final String PROPOSE = Permission.DISPOSITION_PROPOSE;
    private static final String APPRAISE = Permission.DISPOSITION_APPRAISE;
    private static final String APPROVE = Permission.DISPOSITION_APPROVE;
    private static final String EXECUTE = Permission.DISPOSITION_EXECUTE;

    @Override
    public List<Rule> rules() {
        return List.of(
                get("/disposition/batches", "/disposition/batches/*", "/disposition/batches/*/documents/*")
                        .requires(PROPOSE, APPRAISE, APPROVE),
                // the API documents one permission per operation: every role of appraisal holds APPRAISE
                get(
                                "/api/v1/disposition/batches",
                                "/api/v1/disposition/batches/*",
                                "/api/v1/disposition/batches/*/items",
                                "/api/v1/disposition/batches/*/documents/*")
                        .requires(APPRAISE),
                post(
                                "/disposition/batches",
                                "/disposition/batches/*/members",
                                "/disposition/batches/*/members/*/remove",
                                "/disposition/batches/*/decisions",
                                "/disposition/batches/*/complete",
                                "/api/v1/disposition/batches",
                                "/api/v1/disposition/batches/*/members",
                                "/api/v1/disposition/batches/*/members/*/remove",
                                "/api/v1/disposition/batches/*/decisions",
                                "/api/v1/disposition/batches/*/complete")
                        .requires(PROPOSE),
                post("/disposition/batches/*/opinions").requires(PROPOSE, APPRAISE),
                post("/api/v1/disposition/batches/*/opinions").requires(APPRAISE),
                post(
                                "/disposition/batches/*/approve",
                                "/disposition/batches/*/return",
                                "/api/v1/disposition/batches/*/approve",
                                "/api/v1/disposition/batches/*/return")
                        .requires(APPROVE),
                post("/disposition/batches/*/extensions", "/api/v1/disposition/batches/*/extensions")
                        .requires(EXECUTE));
    }
}
