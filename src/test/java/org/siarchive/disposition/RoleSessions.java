package org.siarchive.disposition;

import java.util.Set;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.support.ConsoleSession;

/**
 * The people of a disposition walk, each an account made through the real services and logged in to the
 * console with password (and TOTP when enrolled): the archivist who proposes and executes, a clerk of the
 * business side in the group, the principal leader (审批人) who leads the group and approves, and two
 * supervisors (监销人) — an archivist and a second approver — with a second factor.
 */
record RoleSessions(
        TestAccounts.Login archivist,
        TestAccounts.Login clerk,
        TestAccounts.Login leader,
        TestAccounts.Login supervisorA,
        TestAccounts.Login supervisorB) {

    static RoleSessions create(Accounts accounts, long orgId, String run) {
        return new RoleSessions(
                TestAccounts.create(accounts, "xhdaguan" + run, orgId, Set.of(Role.ARCHIVIST), 3, false),
                TestAccounts.create(accounts, "xhywu" + run, orgId, Set.of(Role.CLERK), 3, false),
                TestAccounts.create(accounts, "xhlingdao" + run, orgId, Set.of(Role.APPROVER), 3, true),
                TestAccounts.create(accounts, "xhjianxiao" + run, orgId, Set.of(Role.ARCHIVIST), 3, true),
                TestAccounts.create(accounts, "xhjianxb" + run, orgId, Set.of(Role.APPROVER), 3, true));
    }

    static ConsoleSession login(int port, TestAccounts.Login who) {
        var s = new ConsoleSession(port);
        String landed = s.login(who.username(), who.password(), who.codes());
        if (landed.startsWith("/login")) {
            throw new IllegalStateException(who.username() + " did not log in: " + landed);
        }
        s.get("/"); // the CSRF token changes with the login: JSON calls send the session's new one
        return s;
    }
}
