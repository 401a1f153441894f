package org.siarchive.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.siarchive.catalog.Catalog;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.shared.Actor;
import org.springframework.stereotype.Component;

/**
 * The demo's organisation tree and accounts: under the installation's root (taken as the province
 * agency) a city agency and two county agencies, each county with its own fonds, and one business
 * account per role placed so that data scope can be seen at work. Passwords are random and printed.
 */
@Component
class DemoOrganisation {

    /** County code (as in the demo identities) → the fonds its records go to. */
    static final Map<String, String> COUNTY_FONDS = Map.of("510104", "0002", "510105", "0003");

    private final Organisations organisations;
    private final Accounts accounts;
    private final Catalog catalog;

    DemoOrganisation(Organisations organisations, Accounts accounts, Catalog catalog) {
        this.organisations = organisations;
        this.accounts = accounts;
        this.catalog = catalog;
    }

    /** A demo login: username, password, role and where it sits. */
    record Login(String username, String password, Role role, String org, int clearance) {}

    /** Builds the tree, the county fonds and the accounts unless they exist; returns new logins. */
    List<Login> ensure() {
        var root = organisations.root();
        OrgUnit city = organisations
                .byCode("CD")
                .orElseGet(() -> organisations.create(root.id(), "CD", "成都市社会保险事业管理局", "CITY", Actor.SYSTEM));
        OrgUnit jinjiang = organisations
                .byCode("CD-JJ")
                .orElseGet(() -> organisations.create(city.id(), "CD-JJ", "锦江区社会保险事业管理中心", "COUNTY", Actor.SYSTEM));
        OrgUnit qingyang = organisations
                .byCode("CD-QY")
                .orElseGet(() -> organisations.create(city.id(), "CD-QY", "青羊区社会保险事业管理中心", "COUNTY", Actor.SYSTEM));
        catalog.ensureFonds("0002", "锦江区社会保险业务档案", jinjiang.name(), jinjiang.id(), Actor.SYSTEM);
        catalog.ensureFonds("0003", "青羊区社会保险业务档案", qingyang.name(), qingyang.id(), Actor.SYSTEM);
        var logins = new ArrayList<Login>();
        add(logins, "archivist", "档案管理员（演示）", Role.ARCHIVIST, root, 3);
        add(logins, "approver", "审批人（演示）", Role.APPROVER, city, 3);
        add(logins, "clerk", "经办人（演示）", Role.CLERK, jinjiang, 2);
        add(logins, "reader", "查阅人（演示）", Role.READER, qingyang, 2);
        return logins;
    }

    private void add(List<Login> logins, String username, String name, Role role, OrgUnit org, int clearance) {
        if (accounts.byUsername(username).isPresent()) {
            return;
        }
        String password = DemoPasswords.random();
        var account = accounts.provision(username, name, org.id(), Set.of(role), password, false);
        accounts.setScope(account.id(), org.id(), null, clearance, null, false, Actor.SYSTEM);
        logins.add(new Login(username, password, role, org.name(), clearance));
    }

    /** The demo's city agency (成都市社会保险事业管理局), once {@link #ensure()} built it; else the root. */
    OrgUnit city() {
        return organisations.byCode("CD").orElseGet(organisations::root);
    }

    static String fondsOf(String countyCode, String defaultFonds) {
        return COUNTY_FONDS.getOrDefault(countyCode, defaultFonds);
    }
}
