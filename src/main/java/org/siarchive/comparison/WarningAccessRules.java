package org.siarchive.comparison;

import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;

import java.util.List;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/**
 * Who may work the 预警 worklist: reading, taking, routing and deciding need comparison:warning:handle
 * (archivists, clerks); closing needs comparison:warning:close (archivists, approvers), who also read the
 * console's pages; the API names one permission per operation, so its reads need handle; the ID number in
 * clear needs personal:unmask. The data scope (unit subtree) is applied by the services.
 */
@Component
class WarningAccessRules implements AccessRules {

    static final String HANDLE = "comparison:warning:handle";
    static final String CLOSE = "comparison:warning:close";

    @Override
    public List<Rule> rules() {
        return List.of(
                get(
                                "/comparison/warnings",
                                "/comparison/warnings/*",
                                "/comparison/warnings/statistics/export",
                                "/comparison/payment-instructions")
                        .requires(HANDLE, CLOSE),
                get(
                                "/api/v1/comparison/warnings",
                                "/api/v1/comparison/warnings/*",
                                "/api/v1/comparison/payment-instructions",
                                "/api/v1/comparison/warning-statistics",
                                "/api/v1/comparison/warning-statistics/export")
                        .requires(HANDLE),
                post(
                                "/comparison/warnings/*/take",
                                "/comparison/warnings/*/assign",
                                "/comparison/warnings/*/confirm",
                                "/comparison/warnings/*/exclude",
                                "/api/v1/comparison/warnings/*/take",
                                "/api/v1/comparison/warnings/*/assign",
                                "/api/v1/comparison/warnings/*/confirm",
                                "/api/v1/comparison/warnings/*/exclude")
                        .requires(HANDLE),
                post("/comparison/warnings/*/close", "/api/v1/comparison/warnings/*/close")
                        .requires(CLOSE),
                post("/comparison/warnings/*/file").requires(HANDLE, CLOSE),
                post("/api/v1/comparison/warnings/*/file").requires(HANDLE),
                post("/comparison/warnings/*/unmask", "/api/v1/comparison/warnings/*/unmask")
                        .requires(Warnings.UNMASK));
    }
}
