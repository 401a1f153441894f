package org.siarchive.sharing;

import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;

import java.util.List;
import org.siarchive.security.Permission;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/**
 * Who may do what in sharing: client tokens verify (and nothing else), the security administrator keeps the
 * clients, the auditor reads and exports the exchange register.
 */
@Component
class SharingAccessRules implements AccessRules {

    @Override
    public List<Rule> rules() {
        return List.of(
                post("/api/v1/sharing/verifications").requires(Permission.SHARING_VERIFY),
                get("/admin/sharing-clients", "/admin/sharing-clients/*").requires(Permission.SHARING_CLIENT_MANAGE),
                post(
                                "/admin/sharing-clients",
                                "/admin/sharing-clients/*",
                                "/admin/sharing-clients/*/suspend",
                                "/admin/sharing-clients/*/resume",
                                "/admin/sharing-clients/*/rotate")
                        .requires(Permission.SHARING_CLIENT_MANAGE),
                get("/audit/exchange", "/audit/exchange/lines").requires(Permission.EXCHANGE_READ),
                post(
                                "/audit/exchange/find",
                                "/audit/exchange/export",
                                "/audit/exchange/person",
                                "/audit/exchange/lines",
                                "/audit/exchange/about-person")
                        .requires(Permission.EXCHANGE_READ));
    }
}
