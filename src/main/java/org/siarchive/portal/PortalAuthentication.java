package org.siarchive.portal;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A portal request's authentication: the {@link PortalUser} and one authority naming its kind
 * ({@value #PERSON} or {@value #EMPLOYER}). Carries no staff permission, so no console rule admits it.
 */
public final class PortalAuthentication extends AbstractAuthenticationToken {

    public static final String PERSON = "PORTAL_PERSON";
    public static final String EMPLOYER = "PORTAL_EMPLOYER";

    private final PortalUser user;

    public PortalAuthentication(PortalUser user) {
        super(List.of(new SimpleGrantedAuthority(user.person() ? PERSON : EMPLOYER)));
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public PortalUser getPrincipal() {
        return user;
    }
}
