package org.siarchive.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.siarchive.organisation.Organisations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * First start: creates the three administrator accounts (系统管理员, 安全保密管理员, 安全审计员) with
 * one-time passwords printed once to the console and stored nowhere in clear. Each must change its
 * password and enrol an authenticator at its first login. Later starts change nothing.
 */
@Component
class SecurityBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SecurityBootstrap.class);

    private final Accounts accounts;
    private final Organisations organisations;

    SecurityBootstrap(Accounts accounts, Organisations organisations) {
        this.accounts = accounts;
        this.organisations = organisations;
    }

    @Override
    public void afterSingletonsInstantiated() {
        var created = new ArrayList<String[]>();
        long root = organisations.root().id();
        for (var admin : List.of(
                new String[] {"sysadmin", "系统管理员", Role.SYSADMIN.name()},
                new String[] {"secadmin", "安全保密管理员", Role.SECADMIN.name()},
                new String[] {"auditor", "安全审计员", Role.AUDITOR.name()})) {
            Role role = Role.valueOf(admin[2]);
            if (accounts.anyWithRole(role) || accounts.byUsername(admin[0]).isPresent()) {
                continue;
            }
            String otp = Passwords.oneTime();
            accounts.provision(admin[0], admin[1], root, Set.of(role), otp, true);
            created.add(new String[] {admin[0], admin[1], otp});
        }
        if (created.isEmpty()) {
            return;
        }
        var sb = new StringBuilder("\n")
                .append("==================================================================\n")
                .append(" 首次启动：已创建三员账户（一次性密码，仅显示这一次）\n")
                .append(" First start: the three administrator accounts (one-time passwords,\n")
                .append(" shown only now). Change the password and enrol TOTP at first login.\n");
        for (String[] c : created) {
            sb.append(String.format("   %-10s %-10s %s%n", c[0], c[2], c[1]));
        }
        sb.append("==================================================================\n");
        System.out.println(sb);
        log.info(
                "Created administrator accounts {}",
                created.stream().map(c -> c[0]).toList());
    }
}
