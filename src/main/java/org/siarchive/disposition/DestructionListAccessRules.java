package org.siarchive.disposition;

import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;

import java.util.List;
import org.siarchive.security.Permission;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/**
 * Who may use the 销毁清册: everyone taking part in disposition reads it in the console (the API reads need the proposer's permission); the archivist who proposes generates
 * and files it; the executing archivist confirms the physical destruction. 三员 administrators hold none.
 */
@Component
class DestructionListAccessRules implements AccessRules {

    static final String[] READERS = {
        Permission.DISPOSITION_PROPOSE,
        Permission.DISPOSITION_APPRAISE,
        Permission.DISPOSITION_APPROVE,
        Permission.DISPOSITION_EXECUTE,
        Permission.DISPOSITION_SUPERVISE
    };

    @Override
    public List<Rule> rules() {
        return List.of(
                get("/disposition/lists/*", "/disposition/lists/*/export.xlsx", "/disposition/lists/*/export.pdf")
                        .requires(READERS),
                post("/disposition/batches/*/list", "/disposition/lists/*/filing")
                        .requires(Permission.DISPOSITION_PROPOSE),
                post("/disposition/lists/*/physical").requires(Permission.DISPOSITION_EXECUTE),
                // the API names one permission per operation (OpenApiContractIT): the archivist's
                get(
                                "/api/v1/disposition/lists/*",
                                "/api/v1/disposition/lists/*/export.xlsx",
                                "/api/v1/disposition/lists/*/export.pdf")
                        .requires(Permission.DISPOSITION_PROPOSE),
                post("/api/v1/disposition/batches/*/list", "/api/v1/disposition/lists/*/filing")
                        .requires(Permission.DISPOSITION_PROPOSE),
                post("/api/v1/disposition/lists/*/physical").requires(Permission.DISPOSITION_EXECUTE));
    }
}
