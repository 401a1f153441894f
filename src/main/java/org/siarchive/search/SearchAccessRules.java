package org.siarchive.search;

import static org.siarchive.shared.AccessRules.anyMethod;
import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;

import java.util.List;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/** Who may search (console and API); what a search finds is then bounded by data scope (docs/adr/0041). */
@Component
class SearchAccessRules implements AccessRules {

    static final String SEARCH = "search:query";
    static final String SYSTEM_SETTINGS = "system:settings";

    @Override
    public List<Rule> rules() {
        return List.of(
                anyMethod("/search", "/search/export").requires(SEARCH),
                get("/search/rebuild/progress").requires(SEARCH),
                get("/admin/search-index", "/admin/search-index/progress").requires(SYSTEM_SETTINGS),
                post("/admin/search-index/rebuild").requires(SYSTEM_SETTINGS),
                get("/api/v1/search").requires(SEARCH),
                post("/api/v1/search").requires(SEARCH));
    }
}
