package org.siarchive.portal;

import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;

import java.util.List;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/**
 * The staff console's pages of the online service: employers' binding requests (decided by the staff who
 * handle employers) and the submission inbox (clerks who capture). The portal's own pages are guarded by
 * its own chain ({@link PortalSecurity}), not by these rules.
 */
@Component
class PortalAccessRules implements AccessRules {

    static final String BINDING_DECIDE = "portal:binding:decide";
    static final String CAPTURE = "capture:create";

    @Override
    public List<Rule> rules() {
        return List.of(
                get("/portal-bindings").requires(BINDING_DECIDE),
                post("/portal-bindings/*/decide").requires(BINDING_DECIDE),
                get("/submissions", "/submissions/*", "/submissions/*/files/*").requires(CAPTURE),
                post("/submissions/*/accept", "/submissions/*/return").requires(CAPTURE));
    }
}
