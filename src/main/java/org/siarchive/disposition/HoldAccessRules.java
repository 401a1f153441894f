package org.siarchive.disposition;

import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;

import java.util.List;
import org.siarchive.security.Permission;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/** Who may see and manage legal holds (冻结): holders of HOLD_MANAGE (archivists and approvers). */
@Component
class HoldAccessRules implements AccessRules {

    @Override
    public List<Rule> rules() {
        return List.of(
                get("/disposition/holds", "/disposition/holds/*").requires(Permission.HOLD_MANAGE),
                post("/disposition/holds", "/disposition/holds/find", "/disposition/holds/*/release")
                        .requires(Permission.HOLD_MANAGE),
                get("/api/v1/disposition/holds", "/api/v1/disposition/holds/*", "/api/v1/disposition/holds/*/items")
                        .requires(Permission.HOLD_MANAGE),
                post(
                                "/api/v1/disposition/holds",
                                "/api/v1/disposition/holds/search",
                                "/api/v1/disposition/holds/*/release")
                        .requires(Permission.HOLD_MANAGE));
    }
}
