package org.siarchive.audit;

import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;

import java.util.List;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/** Who may use the auditor's console: the security auditor alone (三员分立; docs/adr/0041). */
@Component
class AuditAccessRules implements AccessRules {

    static final String READ = "audit:read";
    static final String EXPORT = "audit:export";
    static final String VERIFY = "audit:verify";

    @Override
    public List<Rule> rules() {
        return List.of(
                get("/audit").requires(READ),
                get("/audit/export").requires(EXPORT),
                post("/audit/verify").requires(VERIFY));
    }
}
