package org.siarchive.federation;

import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;

import java.util.List;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/**
 * A county posts its catalogue feed as a transfer (its token holds preservation:transfer, the permission packages
 * are received with); the counties' catalogues are searched with the search permission, within data scope.
 */
@Component
class FederationAccessRules implements AccessRules {

    static final String TRANSFER = "preservation:transfer";
    static final String SEARCH = "search:query";

    @Override
    public List<Rule> rules() {
        return List.of(
                post("/api/v1/federation/feed").requires(TRANSFER),
                get("/api/v1/federation/catalogue").requires(SEARCH));
    }
}
