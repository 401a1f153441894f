package org.siarchive.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.siarchive.quality.CitizenIdNumber;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * What the portal does with the identity provider's answer. Accepted: the ID token's claims name a real person
 * whose 公民身份号码 passes its check → that person's account of the kind chosen before leaving (person, or an
 * employer's agent) is found or created, a session opened and the login audited. Refused — state unknown, used
 * or expired, code already used, nonce wrong, ID token expired or badly signed, identity claims missing or
 * invalid — back to the sign-in page with a message saying which, and the refusal audited.
 */
@Component
class PortalOidcLogin implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final String KIND = "portal_kind";

    private final PortalOidc oidc;
    private final PortalAccounts accounts;
    private final PortalSignIn signIn;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final org.siarchive.shared.ReadableTime time;

    PortalOidcLogin(
            org.siarchive.shared.ReadableTime time,
            PortalOidc oidc,
            PortalAccounts accounts,
            PortalSignIn signIn,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.time = time;
        this.oidc = oidc;
        this.accounts = accounts;
        this.signIn = signIn;
        this.jdbc = jdbc;
    }

    /** Authorization requests with PKCE and the kind of account chosen on the sign-in page. */
    DefaultOAuth2AuthorizationRequestResolver resolver() {
        var resolver = new DefaultOAuth2AuthorizationRequestResolver(oidc.clients(), PortalOidc.AUTHORIZATION_BASE);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce()
                .andThen(b -> b.attributes(a -> a.put(KIND, kindOf(currentKind())))));
        return resolver;
    }

    private static @Nullable String currentKind() {
        var attrs = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        if (attrs instanceof org.springframework.web.context.request.ServletRequestAttributes s) {
            return s.getRequest().getParameter("kind");
        }
        return null;
    }

    static String kindOf(@Nullable String raw) {
        return PortalUser.Kind.EMPLOYER.name().equals(raw)
                ? PortalUser.Kind.EMPLOYER.name()
                : PortalUser.Kind.PERSON.name();
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException {
        if (!(auth.getPrincipal() instanceof OidcUser user)) {
            refuse(request, response, "invalid", "not an OpenID user");
            return;
        }
        String name = user.getClaimAsString(oidc.nameClaim());
        String rawCert = user.getClaimAsString(oidc.certNoClaim());
        String phone = user.getClaimAsString(oidc.phoneClaim());
        if (rawCert == null || CitizenIdNumber.problem(rawCert, time.today()).isPresent()) {
            refuse(request, response, "identity", rawCert == null ? "no citizen id claim" : "citizen id invalid");
            return;
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            refuse(request, response, "identity", "no name claim");
            return;
        }
        String certNo = CitizenIdNumber.normalize(rawCert);
        var taken = (OAuth2AuthorizationRequest) request.getAttribute(PortalOidcRequests.TAKEN);
        var kind = PortalUser.Kind.valueOf(
                kindOf(taken == null ? null : (String) taken.getAttributes().get(KIND)));
        long id = accounts.ensure(
                kind,
                name.strip(),
                certNo,
                phone == null || phone.length() > 20 ? null : phone,
                PortalSignIn.actor(request, null));
        link(id, user);
        signIn.succeeded(id, PortalSignIn.Step.oidc, request, response);
        response.sendRedirect(request.getContextPath() + "/portal");
    }

    /** Remembers the provider's subject on the account, unless another account already carries it. */
    private void link(long id, OidcUser user) {
        String issuer = user.getIssuer() == null ? "" : user.getIssuer().toString();
        jdbc.sql(
                        """
                update portal_account set oidc_issuer = :i, oidc_subject = :s
                where id = :a and oidc_subject is null
                  and not exists (select 1 from portal_account where oidc_issuer = :i and oidc_subject = :s)""")
                .param("i", issuer)
                .param("s", user.getSubject())
                .param("a", id)
                .update();
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String code = exception instanceof OAuth2AuthenticationException o
                ? o.getError().getErrorCode()
                : "unknown";
        String shown =
                switch (code) {
                    case "authorization_request_not_found" -> "expired";
                    case "access_denied" -> "denied";
                    default -> "invalid";
                };
        refuse(request, response, shown, code);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String shown, String reason)
            throws IOException {
        signIn.refused("oidc:" + oidc.registrationId(), reason, null, request);
        response.sendRedirect(request.getContextPath() + "/portal/login?error=" + shown);
    }
}
