package org.siarchive.security;

import static org.siarchive.shared.AccessRules.anyMethod;
import static org.siarchive.shared.AccessRules.get;

import java.util.List;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/**
 * The public paths (login page, static resources, liveness, error pages) and the steps of a login: each
 * step opens only to a session at that stage, everything else waits for {@link Stage#DONE}.
 */
@Component
class LoginAccessRules implements AccessRules {

    @Override
    public List<Rule> rules() {
        return List.of(
                anyMethod("/login", "/css/**", "/webjars/**", "/favicon.ico", "/error", "/denied")
                        .permitAll(),
                get("/favicon.svg", "/js/console.js").permitAll(),
                get("/actuator/health", "/actuator/health/**").permitAll(),
                anyMethod("/login/totp").requires(Stage.TOTP.authority()),
                anyMethod("/login/enrol", "/login/enrol/qr").requires(Stage.ENROL.authority()),
                anyMethod("/account/password").requires(Stage.PASSWORD_CHANGE.authority(), Stage.DONE.authority()),
                anyMethod("/", "/account", "/account/**").requires(Stage.DONE.authority()));
    }
}
