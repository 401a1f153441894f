package org.siarchive.disposition;

import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;

import java.util.List;
import org.siarchive.security.Permission;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/** Who may execute a destruction (销毁人) and read destruction records (docs/adr/0041). */
@Component
class DestructionAccessRules implements AccessRules {

    @Override
    public List<Rule> rules() {
        return List.of(
                get("/disposition/batches/*/destruction").requires(Permission.DISPOSITION_EXECUTE),
                post("/disposition/batches/*/destruction").requires(Permission.DISPOSITION_EXECUTE),
                post("/api/v1/disposition/batches/*/destruction").requires(Permission.DISPOSITION_EXECUTE),
                get("/api/v1/disposition/items/*/destruction").requires(Permission.ITEM_READ));
    }
}
