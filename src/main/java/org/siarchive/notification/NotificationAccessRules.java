package org.siarchive.notification;

import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;

import java.util.List;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/**
 * The inbox needs no permission: every account that finished logging in has its own (the stage authority every
 * completed login holds). What each one sees is its own lines only, which the services decide.
 */
@Component
class NotificationAccessRules implements AccessRules {

    static final String LOGGED_IN = "STAGE_DONE";

    @Override
    public List<Rule> rules() {
        return List.of(
                get("/notifications", "/notifications/bell").requires(LOGGED_IN),
                post(
                                "/notifications/*/read",
                                "/notifications/*/open",
                                "/notifications/read-all",
                                "/notifications/contact")
                        .requires(LOGGED_IN));
    }
}
