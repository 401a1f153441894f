package org.siarchive.checks;

import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;

import java.util.List;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/** Who may run and read 四性检测 (four-property checks) and set their items (docs/adr/0041). */
@Component
class ChecksAccessRules implements AccessRules {

    static final String FIXITY = "preservation:fixity";

    @Override
    public List<Rule> rules() {
        return List.of(
                get("/checks", "/checks/export", "/checks/runs/*", "/checks/runs/*/progress", "/checks/runs/*/export")
                        .requires(FIXITY),
                post("/checks/runs", "/checks/items/*").requires(FIXITY));
    }
}
