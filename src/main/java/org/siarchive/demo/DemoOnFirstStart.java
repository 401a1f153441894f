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
    private final boolean enabled;
    private final int persons;

    DemoOnFirstStart(
            DemoLoader loader,
            DemoComparisonData comparison,
            DemoOrganisation organisation,
            org.siarchive.shared.ReadableTime time,
            Catalog catalog,
            @Value("${siarchive.demo.enabled:false}") boolean enabled,
            @Value("${siarchive.demo.persons:30}") int persons) {
        this.loader = loader;
        this.comparison = comparison;
        this.organisation = organisation;
        this.time = time;
        this.catalog = catalog;
        this.enabled = enabled;
        this.persons = persons;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        var logins = organisation.ensure();
        if (catalog.counts(org.siarchive.shared.Scope.EVERYTHING).items() == 0) {
            loader.load(persons, SEED);
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
            sb.append(" approver 首次登录需绑定身份验证器（TOTP）/ enrols an authenticator at first login\n")
                    .append("==================================================================\n");
            System.out.println(sb);
        }
    }
}
