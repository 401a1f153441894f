package org.siarchive.supervision;

import java.util.Set;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.Scope;
import org.siarchive.support.ConsoleSession;

/**
 * The people and units of a supervision test, each class with its own run: a city with two counties, the
 * city's inspector (an archivist), a clerk in each county who works rectifications, and an inspector of
 * another city who must never see them.
 */
final class SupervisionFixture {

    final String run;
    final OrgUnit city;
    final OrgUnit east;
    final OrgUnit west;
    final OrgUnit otherCity;
    final TestAccounts.Login inspector;
    final TestAccounts.Login eastClerk;
    final TestAccounts.Login westClerk;
    final TestAccounts.Login stranger;

    SupervisionFixture(Organisations organisations, Accounts accounts, String run, String letters) {
        this.run = run;
        var root = organisations.root();
        city = organisations.create(root.id(), letters + "C" + run, "考核市社保中心" + run, "CITY", Actor.SYSTEM);
        east = organisations.create(city.id(), letters + "E" + run, "考核东县社保中心" + run, "COUNTY", Actor.SYSTEM);
        west = organisations.create(city.id(), letters + "W" + run, "考核西县社保中心" + run, "COUNTY", Actor.SYSTEM);
        otherCity = organisations.create(root.id(), letters + "O" + run, "考核他市社保中心" + run, "CITY", Actor.SYSTEM);
        String l = letters.toLowerCase(java.util.Locale.ROOT);
        inspector = TestAccounts.create(accounts, l + "kh" + run, city.id(), Set.of(Role.ARCHIVIST), 3, false);
        eastClerk = TestAccounts.create(accounts, l + "dz" + run, east.id(), Set.of(Role.CLERK), 3, false);
        westClerk = TestAccounts.create(accounts, l + "xz" + run, west.id(), Set.of(Role.CLERK), 3, false);
        stranger = TestAccounts.create(accounts, l + "tw" + run, otherCity.id(), Set.of(Role.APPROVER), 3, true);
    }

    static Access access(TestAccounts.Login who, OrgUnit org, String... permissions) {
        return new Access(
                new Actor(who.username(), org.code(), "127.0.0.1", "test"),
                new Scope(org.path(), null, 3),
                Set.of(permissions));
    }

    Access inspectorAccess() {
        return access(inspector, city, "supervision:inspect", "supervision:rectify");
    }

    static ConsoleSession login(int port, TestAccounts.Login who) {
        var s = new ConsoleSession(port);
        String landed = s.login(who.username(), who.password(), who.codes());
        if (landed.startsWith("/login")) {
            throw new IllegalStateException(who.username() + " did not log in: " + landed);
        }
        s.get("/");
        return s;
    }
}
