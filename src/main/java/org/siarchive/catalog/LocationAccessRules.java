package org.siarchive.catalog;

import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;

import java.util.List;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/** Who may read the location register (those who read items) and who registers and places (container managers). */
@Component
class LocationAccessRules implements AccessRules {

    @Override
    public List<Rule> rules() {
        return List.of(
                get("/locations").requires(CatalogAccessRules.ITEM_READ),
                post("/locations", "/boxes/*/location", "/volumes/*/location")
                        .requires(CatalogAccessRules.CONTAINER_MANAGE),
                get("/api/v1/locations").requires(CatalogAccessRules.ITEM_READ),
                post("/api/v1/locations", "/api/v1/boxes/*/location", "/api/v1/volumes/*/location")
                        .requires(CatalogAccessRules.CONTAINER_MANAGE));
    }
}
