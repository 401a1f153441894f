package org.siarchive.integrity;

import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;

import java.util.List;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/** Who may watch and repair fixity: sweeps, alerts, an item's preservation events (docs/adr/0041). */
@Component
class IntegrityAccessRules implements AccessRules {

    static final String FIXITY = "preservation:fixity";

    @Override
    public List<Rule> rules() {
        return List.of(
                get(
                                "/integrity",
                                "/integrity/sweeps/*",
                                "/integrity/sweeps/*/progress",
                                "/integrity/sweeps/*/export",
                                "/integrity/items/*")
                        .requires(FIXITY),
                post("/integrity/sweeps", "/integrity/alerts/*/acknowledge", "/integrity/items/*/repair")
                        .requires(FIXITY),
                get("/api/v1/items/*/preservation-events").requires(FIXITY));
    }
}
