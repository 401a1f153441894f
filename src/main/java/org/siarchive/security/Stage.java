package org.siarchive.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Where a login stands. Until the last stage the session holds only the stage authority, which opens
 * nothing but the next step of the login.
 */
enum Stage {
    /** Password accepted; a TOTP code is due. */
    TOTP,
    /** Password accepted; the account must enrol an authenticator first. */
    ENROL,
    /** Logged in, but the password must be changed (first login, reset or expiry) before anything else. */
    PASSWORD_CHANGE,
    /** Fully logged in. */
    DONE;

    String authority() {
        return "STAGE_" + name();
    }

    List<GrantedAuthority> authorities(Principal p) {
        var out = new ArrayList<GrantedAuthority>();
        out.add(new SimpleGrantedAuthority(authority()));
        if (this == DONE) {
            p.permissions().forEach(s -> out.add(new SimpleGrantedAuthority(s)));
            p.roles().forEach(r -> out.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
        }
        return out;
    }
}
