package org.siarchive.security;

import static org.siarchive.security.Permission.*;
import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;

import java.util.List;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/**
 * The administrators' console, each button for the one of the three administrators (三员) whose duty it
 * is, and the operations endpoints: metrics for the system administrator, the API documentation for all.
 */
@Component
class AdminAccessRules implements AccessRules {

    @Override
    public List<Rule> rules() {
        return List.of(
                get("/admin/accounts", "/admin/accounts/*").requires(ACCOUNT_READ),
                post("/admin/accounts").requires(ACCOUNT_CREATE),
                post("/admin/accounts/*/disable", "/admin/accounts/*/enable").requires(ACCOUNT_DISABLE),
                post("/admin/accounts/*/reset-password", "/admin/accounts/*/reset-totp")
                        .requires(ACCOUNT_RESET),
                post("/admin/accounts/*/approve").requires(ACCOUNT_APPROVE),
                post("/admin/accounts/*/roles", "/admin/accounts/*/scope").requires(ACCOUNT_GRANT),
                get("/admin/organisations").requires(ACCOUNT_READ),
                post("/admin/organisations").requires(ORG_MANAGE),
                get("/admin/policy").requires(POLICY_MANAGE),
                post("/admin/policy").requires(POLICY_MANAGE),
                get("/admin/tokens").requires(TOKEN_MANAGE),
                post("/admin/tokens", "/admin/tokens/*/revoke").requires(TOKEN_MANAGE),
                // operations and API documentation
                get("/actuator/prometheus", "/actuator/info").requires(SYSTEM_SETTINGS),
                get("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll());
    }
}
