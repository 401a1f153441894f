package org.siarchive.continuation;

import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;

import java.util.List;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/**
 * Who may work 转移接续 cases (经办: archivist, clerk), deliver messages (API tokens with continuation:exchange —
 * the peers), keep the peers (security administrator) and the working-day calendar (system administrator).
 */
@Component
class ContinuationAccessRules implements AccessRules {

    static final String CASE = "continuation:case";
    static final String EXCHANGE = "continuation:exchange";
    static final String PEERS = "continuation:peer:manage";
    static final String CALENDAR = "system:calendar";

    @Override
    public List<Rule> rules() {
        return List.of(
                get("/continuation", "/continuation/new", "/continuation/cases/*", "/continuation/cases/*/messages/*")
                        .requires(CASE),
                post("/continuation/cases", "/continuation/cases/*/*", "/continuation/messages")
                        .requires(CASE),
                get(
                                "/api/v1/continuation/cases",
                                "/api/v1/continuation/cases/*",
                                "/api/v1/continuation/cases/*/messages/*")
                        .requires(CASE),
                post("/api/v1/continuation/cases", "/api/v1/continuation/cases/*/*")
                        .requires(CASE),
                post("/api/v1/continuation/messages").requires(EXCHANGE),
                get("/api/v1/continuation/certificate").requires(EXCHANGE, PEERS),
                get("/admin/continuation-peers", "/admin/continuation-peers/certificate")
                        .requires(PEERS),
                post("/admin/continuation-peers").requires(PEERS),
                get("/admin/calendar", "/api/v1/calendar/*").requires(CALENDAR),
                post("/admin/calendar", "/api/v1/calendar/days").requires(CALENDAR));
    }
}
