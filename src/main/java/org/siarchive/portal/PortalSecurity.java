package org.siarchive.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

/**
 * The online service's own filter chain, ahead of the staff chains: every {@code /portal} request and
 * nothing else. Its sessions are the portal cookie's ({@link PortalSessions}), never a servlet session; its
 * CSRF token is a cookie of its own path; its users hold only {@code PORTAL_PERSON} or
 * {@code PORTAL_EMPLOYER}, so no console page admits them and no staff session is read here
 * (docs/adr/0100). Sign-in, registration and the identity provider's return are open; the rest needs a
 * portal user.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PortalSecurity {

    /** Paths open without a portal session: sign-in, registration, the identity provider's round trip. */
    static final String[] OPEN = {
        "/portal/login", "/portal/login/**", "/portal/register", "/portal/register/**", "/portal/oauth2/**"
    };

    static CookieCsrfTokenRepository csrfTokens() {
        var tokens = new CookieCsrfTokenRepository();
        tokens.setCookieName("SIAPORTAL-XSRF");
        tokens.setCookiePath("/portal");
        tokens.setCookieCustomizer(c -> c.httpOnly(true).sameSite("Lax"));
        return tokens;
    }

    @Bean
    @Order(0)
    SecurityFilterChain portalChain(
            HttpSecurity http,
            PortalSessions sessions,
            PortalOidc oidc,
            PortalOidcRequests requests,
            PortalOidcLogin oidcLogin,
            PortalSignIn signIn)
            throws Exception {
        var login = new LoginUrlAuthenticationEntryPoint("/portal/login");
        login.setFavorRelativeUris(true);
        http.securityMatcher("/portal", "/portal/**")
                .securityContext(c -> c.securityContextRepository(new PortalContexts(sessions)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(c -> c.disable())
                .csrf(c -> c.csrfTokenRepository(csrfTokens()))
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.logoutUrl("/portal/logout")
                        .addLogoutHandler((request, response, auth) -> {
                            sessions.current(request).ifPresent(u -> signIn.loggedOut(u.accountId(), request));
                            sessions.close(request, response);
                        })
                        .logoutSuccessUrl("/portal/login?logout"))
                .exceptionHandling(e -> e.authenticationEntryPoint(login))
                .authorizeHttpRequests(a -> a.requestMatchers(OPEN)
                        .permitAll()
                        .anyRequest()
                        .hasAnyAuthority(PortalAuthentication.PERSON, PortalAuthentication.EMPLOYER));
        if (oidc.enabled()) {
            // the identity provider's round trip, its state kept in PostgreSQL, no servlet session (docs/adr/0101)
            http.oauth2Login(o -> o.loginPage("/portal/login")
                    .clientRegistrationRepository(oidc.clients())
                    .authorizedClientRepository(new NoAuthorizedClients())
                    .authorizationEndpoint(a -> a.baseUri(PortalOidc.AUTHORIZATION_BASE)
                            .authorizationRequestRepository(requests)
                            .authorizationRequestResolver(oidcLogin.resolver()))
                    .redirectionEndpoint(r -> r.baseUri(PortalOidc.CALLBACK))
                    .loginProcessingUrl(PortalOidc.CALLBACK)
                    .successHandler(oidcLogin)
                    .failureHandler(oidcLogin));
        }
        return http.build();
    }

    /** The provider's tokens are not kept: the portal needs them for nothing after the sign-in. */
    private static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {

        @Override
        public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(
                String registrationId, @Nullable Authentication principal, HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(
                OAuth2AuthorizedClient client,
                @Nullable Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {
            // not kept
        }

        @Override
        public void removeAuthorizedClient(
                String registrationId,
                @Nullable Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {
            // nothing kept
        }
    }
}
