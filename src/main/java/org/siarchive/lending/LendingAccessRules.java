package org.siarchive.lending;

import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;

import java.util.List;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/**
 * Who may use lending (利用): readers request and view what was granted, approvers decide, archivists
 * run physical loans and the register (docs/adr/0041).
 */
@Component
class LendingAccessRules implements AccessRules {

    static final String REQUEST = "lending:request";
    static final String APPROVE = "lending:approve";
    static final String MANAGE = "lending:manage";

    @Override
    public List<Rule> rules() {
        return List.of(
                get("/lending", "/lending/requests/*").requires(REQUEST, APPROVE),
                post("/lending/requests", "/lending/requests/*/withdraw").requires(REQUEST),
                get(
                                "/lending/requests/*/items/*",
                                "/lending/requests/*/items/*/pages/*/*",
                                "/lending/requests/*/items/*/files/*")
                        .requires(REQUEST),
                get("/lending/requests/*/items/*/record").requires(REQUEST, APPROVE),
                post("/lending/requests/*/decision").requires(APPROVE),
                get(
                                "/lending/physical",
                                "/lending/physical/*",
                                "/lending/register",
                                "/lending/register/export",
                                "/lending/physical/register/export")
                        .requires(MANAGE),
                post("/lending/physical", "/lending/physical/*/extend", "/lending/physical/*/return")
                        .requires(MANAGE));
    }
}
