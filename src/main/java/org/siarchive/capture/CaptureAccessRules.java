package org.siarchive.capture;

import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;

import java.util.List;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/** Who may capture (console and API) and see the start-up reconciliation (docs/adr/0041). */
@Component
class CaptureAccessRules implements AccessRules {

    static final String CREATE = "capture:create";
    static final String RECONCILE = "capture:reconcile";

    @Override
    public List<Rule> rules() {
        return List.of(
                get("/capture", "/capture/materials").requires(CREATE),
                post("/capture").requires(CREATE),
                get("/reconciliation").requires(RECONCILE),
                post("/api/v1/captures", "/api/v1/captures/batch").requires(CREATE));
    }
}
