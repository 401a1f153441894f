package org.siarchive.disposition;

import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;

import java.util.List;
import org.siarchive.security.Permission;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/**
 * Who may use the expiry worklist and the secrecy review (docs/adr/0064): the worklist is for archivists
 * who propose appraisal; the secrecy review for those who decide 解密/降密.
 */
@Component
class WorklistAccessRules implements AccessRules {

    @Override
    public List<Rule> rules() {
        return List.of(
                get("/disposition/expiring", "/disposition/expiring/export", "/api/v1/disposition/expiring")
                        .requires(Permission.DISPOSITION_PROPOSE),
                get("/disposition/secrecy", "/api/v1/disposition/secrecy").requires(Permission.SECRECY_REVIEW),
                post("/disposition/secrecy/*", "/api/v1/disposition/secrecy/*").requires(Permission.SECRECY_REVIEW));
    }
}
