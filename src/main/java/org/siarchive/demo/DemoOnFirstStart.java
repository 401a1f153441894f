package org.siarchive.demo;

import org.siarchive.catalog.Catalog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * With {@code siarchive.demo.enabled}, an empty catalogue gets a small demo set before the console
 * announces itself, and the city agency gets a benefit snapshot and a death list to compare (issue 17); an
 * archive that already holds items is never touched.
 */
@Component
class DemoOnFirstStart implements ApplicationRunner {

    static final long SEED = 20240510L;

    private final DemoLoader loader;
    private final DemoComparisonData comparison;
    private final DemoOrganisation organisation;
    private final org.siarchive.shared.ReadableTime time;
    private final Catalog catalog;
    private final org.siarchive.portal.PortalAccounts portal;
    private final boolean enabled;
    private final int persons;

    DemoOnFirstStart(
            DemoLoader loader,
            DemoComparisonData comparison,
            DemoOrganisation organisation,
            org.siarchive.shared.ReadableTime time,
            Catalog catalog,
            org.siarchive.portal.PortalAccounts portal,
            @Value("${siarchive.demo.enabled:false}") boolean enabled,
            @Value("${siarchive.demo.persons:30}") int persons) {
        this.loader = loader;
        this.comparison = comparison;
        this.organisation = organisation;
        this.time = time;
        this.catalog = catalog;
        this.portal = portal;
        this.enabled = enabled;
        this.persons = persons;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        var logins = organisation.ensure();
        String portalLogin = null;
        if (catalog.counts(org.siarchive.shared.Scope.EVERYTHING).items() == 0) {
            loader.load(persons, SEED);
            portalLogin = portalPerson();
            // the city agency's benefit snapshot and death list: a comparison shows 死亡冒领 warnings (issue 17)
            comparison.load(persons, SEED, organisation.city(), time.today(), "archivist");
        }
        if (!logins.isEmpty()) {
            var sb = new StringBuilder("\n")
                    .append("==================================================================\n")
                    .append(" 演示账户 / demo accounts (只显示这一次 / shown only now)\n");
            for (var l : logins) {
                sb.append(String.format(
                        "   %-10s %-12s %-10s %s, 密级≤%d%n",
                        l.username(), l.password(), l.role(), l.org(), l.clearance()));
            }
            sb.append(" approver 首次登录需绑定身份验证器（TOTP）/ enrols an authenticator at first login\n");
            if (portalLogin != null) {
                sb.append(" 网上服务 /portal (online service), 演示参保人 / demo insured person:\n")
                        .append(portalLogin)
                        .append('\n');
            }
            sb.append("==================================================================\n");
            System.out.println(sb);
        }
    }

    /** A portal account (fallback sign-in) for the first demo person, so the online service can be tried. */
    private @org.jspecify.annotations.Nullable String portalPerson() {
        var person = loader.firstPerson(persons, SEED);
        if (person.isEmpty()) {
            return null;
        }
        var actor = org.siarchive.shared.Actor.SYSTEM;
        String cert = java.util.Objects.requireNonNull(person.get().certNo());
        long id = portal.ensure(
                org.siarchive.portal.PortalUser.Kind.PERSON,
                java.util.Objects.requireNonNull(person.get().name()),
                cert,
                null,
                actor);
        String password = DemoPasswords.random();
        portal.setPassword(id, password, actor);
        return String.format("   身份号码 / ID number %s   密码 / password %s", cert, password);
    }
}
