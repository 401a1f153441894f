package org.siarchive.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.siarchive.audit.AuditTrail;
import org.siarchive.shared.AccessRules;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The HTTP security chains. Each module names its own endpoints with the permission they need (an
 * {@link AccessRules} bean, docs/adr/0041); anything no module names is denied, so a new endpoint is closed
 * until someone decides who may use it. Console pages
 * use a session (form login, TOTP, CSRF); {@code /api/} also accepts API tokens, without a session.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    /**
     * Sessions live in PostgreSQL (Spring Session JDBC, docs/adr/0138), so any node serves any session and a node can
     * die mid-session; "one session per account" is counted over them all.
     */
    @Bean
    SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<? extends Session> sessions) {
        return new SpringSessionBackedSessionRegistry<>(sessions);
    }

    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    /** Requests the firewall refuses (path tricks, bad encodings) get a 400 problem, not an error page. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(SecurityProblems problems) {
        return (request, response, e) ->
                problems.write(request, response, org.springframework.http.HttpStatus.BAD_REQUEST, "bad-request");
    }

    private static AccessDeniedHandlerImpl deniedPage() {
        var page = new AccessDeniedHandlerImpl();
        page.setErrorPage("/denied");
        return page;
    }

    /** The login page as a relative Location: never an address built from the request's Host header. */
    private static LoginUrlAuthenticationEntryPoint loginPage() {
        var page = new LoginUrlAuthenticationEntryPoint("/login");
        page.setFavorRelativeUris(true);
        return page;
    }

    /**
     * No Micrometer observation around each security filter, authentication and authorisation: on every API request
     * they cost about a tenth of the server's CPU (PersonFileBenchmark profile, issue 20) and nothing reads them.
     * Requests are still timed as a whole ({@code http.server.requests}) and every refusal is audited.
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    AuthenticationManager authenticationManager(PasswordStep step) {
        return new ProviderManager(List.of(step));
    }

    /**
     * Bearer requests on {@code /api/}: the token authenticates each request on its own. No session is
     * created or read (a session cookie sent beside the token is ignored), so no concurrent-session
     * control applies and clients sharing a token never end each other; no CSRF, as no cookie
     * authenticates (docs/adr/0032).
     */
    @Bean
    @Order(1)
    SecurityFilterChain tokenChain(
            HttpSecurity http,
            SecurityProblems problems,
            TokenCheck tokens,
            AuditTrail audit,
            RateLimits limits,
            AccessRuleBook rules)
            throws Exception {
        RequestMatcher bearerOnApi = (HttpServletRequest request) ->
                request.getRequestURI().startsWith("/api/") && ApiTokenFilter.bearer(request);
        http.securityMatcher(bearerOnApi)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(c -> c.disable())
                .csrf(c -> c.disable())
                .addFilterBefore(new ApiTokenFilter(tokens, audit, problems, limits), AuthorizationFilter.class)
                .addFilterBefore(new DeniedAccessAudit(audit), ExceptionTranslationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return withRules(http, rules).build();
    }

    /** Console sessions (and API calls made from the console with its session and CSRF token). */
    @Bean
    @Order(2)
    SecurityFilterChain filterChain(
            HttpSecurity http,
            AuthenticationManager manager,
            SecurityContextRepository contexts,
            SessionRegistry sessions,
            LoginHandlers handlers,
            SecurityProblems problems,
            AccessRuleBook rules,
            org.springframework.beans.factory.ObjectProvider<HandlerMapping> controllers,
            AuditTrail audit)
            throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith("/api/");
        http.authenticationManager(manager)
                .addFilterBefore(new DeniedAccessAudit(audit), ExceptionTranslationFilter.class)
                .securityContext(c -> c.securityContextRepository(contexts))
                .formLogin(f -> f.loginPage("/login")
                        .loginProcessingUrl("/login")
                        .successHandler(handlers)
                        .failureHandler(handlers)
                        .permitAll())
                .logout(l -> l.logoutUrl("/logout")
                        .addLogoutHandler(handlers)
                        .logoutSuccessUrl("/login?logout")
                        .deleteCookies("SESSION", "JSESSIONID"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId())
                        .maximumSessions(1)
                        .sessionRegistry(sessions)
                        .expiredUrl("/login?expired"))
                // every session request carries its CSRF token, whatever other headers it has
                .csrf(Customizer.withDefaults())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(problems, api)
                        .defaultAuthenticationEntryPointFor(loginPage(), request -> true)
                        .defaultAccessDeniedHandlerFor(problems, api)
                        .defaultAccessDeniedHandlerFor(
                                new UnmappedNotFound(deniedPage(), controllers), request -> true));
        return withRules(http, rules).build();
    }

    /** Every module's URL rules, checked and ordered once at start-up (docs/adr/0041). */
    @Bean
    AccessRuleBook accessRuleBook(List<AccessRules> contributions) {
        return new AccessRuleBook(contributions);
    }

    /** Security headers and the rules of every endpoint, the same for both chains. */
    private static HttpSecurity withRules(HttpSecurity http, AccessRuleBook rules) throws Exception {
        return withHeaders(http).authorizeHttpRequests(a -> {
            rules.apply(a);
            // anything no module named is closed until someone decides who may use it
            a.anyRequest().denyAll();
        });
    }

    private static HttpSecurity withHeaders(HttpSecurity http) throws Exception {
        return http.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
                                + " base-uri 'self'; form-action 'self'; frame-ancestors 'self'"))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(f -> f.sameOrigin())
                .addHeaderWriter(new StaticHeadersWriter(
                        "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")));
    }
}
