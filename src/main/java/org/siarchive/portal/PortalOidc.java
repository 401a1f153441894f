package org.siarchive.portal;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.stereotype.Component;

/**
 * The identity provider of the online service (the province's unified identity / 电子社保卡 platform), from
 * {@code siarchive.portal.oidc.*}: its issuer, this platform's client id and secret, the scopes asked for and
 * the names of the claims that carry the real name, the 公民身份号码 and the phone. Without a client id there is
 * no provider: the sign-in page shows no button and the portal chain has no OpenID login. The provider's
 * metadata is read from its issuer on first use (not at start, so the platform starts while the provider is
 * down), and read again after a failure.
 */
@Component
public class PortalOidc {

    static final String PREFIX = "siarchive.portal.oidc.";
    /** The portal's paths of the round trip: {@code /portal/oauth2/authorization/{id}} and back. */
    static final String AUTHORIZATION_BASE = "/portal/oauth2/authorization";

    static final String CALLBACK = "/portal/login/oauth2/code/*";
    private static final Logger LOG = LoggerFactory.getLogger(PortalOidc.class);

    private final Environment env;
    private volatile @Nullable ClientRegistration registration;

    PortalOidc(Environment env) {
        this.env = env;
    }

    /** Whether a provider is configured (a client id is set). */
    public boolean enabled() {
        String client = env.getProperty(PREFIX + "client-id");
        return client != null && !client.isBlank();
    }

    /** The registration's id, the last segment of the portal's paths. */
    public String registrationId() {
        return env.getProperty(PREFIX + "registration-id", "province");
    }

    String claim(String which, String fallback) {
        return env.getProperty(PREFIX + "claims." + which, fallback);
    }

    String nameClaim() {
        return claim("name", "name");
    }

    String certNoClaim() {
        return claim("cert-no", "cert_no");
    }

    String phoneClaim() {
        return claim("phone", "phone_number");
    }

    /** The registration, its provider's metadata read from the issuer; null while the provider cannot be reached. */
    @Nullable
    ClientRegistration registration() {
        var r = registration;
        if (r != null || !enabled()) {
            return r;
        }
        synchronized (this) {
            if (registration == null) {
                try {
                    registration = build();
                } catch (RuntimeException e) {
                    LOG.warn("identity provider not reachable: {}", e.toString());
                    return null;
                }
            }
            return registration;
        }
    }

    private ClientRegistration build() {
        String issuer = env.getRequiredProperty(PREFIX + "issuer-uri");
        Set<String> scopes = Arrays.stream(env.getProperty(PREFIX + "scopes", "openid,profile,phone")
                        .split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        return ClientRegistrations.fromIssuerLocation(issuer)
                .registrationId(registrationId())
                .clientId(env.getRequiredProperty(PREFIX + "client-id"))
                .clientSecret(env.getProperty(PREFIX + "client-secret", ""))
                .scope(scopes)
                .redirectUri("{baseUrl}/portal/login/oauth2/code/{registrationId}")
                .build();
    }

    /** The registrations the portal chain knows: this one, looked up lazily. */
    ClientRegistrationRepository clients() {
        return id -> registrationId().equals(id) ? registration() : null;
    }
}
