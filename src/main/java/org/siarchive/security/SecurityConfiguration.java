package org.siarchive.security;

import static org.siarchive.security.Permission.*;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.siarchive.audit.AuditTrail;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
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

/**
 * The HTTP security rules. Every endpoint is named here with the permission it needs; anything not
 * named is denied, so a new endpoint is closed until someone decides who may use it. Console pages
 * use a session (form login, TOTP, CSRF); {@code /api/} also accepts API tokens, without a session.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    static final String DONE = "STAGE_DONE";

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
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
            HttpSecurity http, SecurityProblems problems, ApiTokens tokens, AuditTrail audit, RateLimits limits)
            throws Exception {
        RequestMatcher bearerOnApi = (HttpServletRequest request) ->
                request.getRequestURI().startsWith("/api/") && ApiTokenFilter.bearer(request);
        http.securityMatcher(bearerOnApi)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(c -> c.disable())
                .csrf(c -> c.disable())
                .addFilterBefore(new ApiTokenFilter(tokens, audit, problems, limits), AuthorizationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return withRules(http).build();
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
            SecurityProblems problems)
            throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith("/api/");
        http.authenticationManager(manager)
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
                        .defaultAccessDeniedHandlerFor(deniedPage(), request -> true));
        return withRules(http).build();
    }

    /** Security headers and the rules of every endpoint, the same for both chains. */
    private static HttpSecurity withRules(HttpSecurity http) throws Exception {
        return http.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
                                        + " base-uri 'self'; form-action 'self'; frame-ancestors 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.sameOrigin())
                        .addHeaderWriter(new StaticHeadersWriter(
                                "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")))
                .authorizeHttpRequests(a -> a
                        // public: login, static resources, liveness, error pages
                        .requestMatchers("/login", "/css/**", "/webjars/**", "/favicon.ico", "/error", "/denied")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
                        .permitAll()
                        // the steps of a login
                        .requestMatchers("/login/totp")
                        .hasAuthority(Stage.TOTP.authority())
                        .requestMatchers("/login/enrol", "/login/enrol/qr")
                        .hasAuthority(Stage.ENROL.authority())
                        .requestMatchers("/account/password")
                        .hasAnyAuthority(Stage.PASSWORD_CHANGE.authority(), DONE)
                        .requestMatchers("/", "/account", "/account/**")
                        .hasAuthority(DONE)
                        // console: business
                        .requestMatchers(HttpMethod.GET, "/capture", "/capture/materials")
                        .hasAuthority(CAPTURE_CREATE)
                        .requestMatchers(HttpMethod.POST, "/capture")
                        .hasAuthority(CAPTURE_CREATE)
                        .requestMatchers(HttpMethod.GET, "/reconciliation")
                        .hasAuthority(CAPTURE_RECONCILE)
                        .requestMatchers(HttpMethod.GET, "/items/*")
                        .hasAuthority(ITEM_READ)
                        .requestMatchers(HttpMethod.POST, "/persons/*/unmask")
                        .hasAuthority(UNMASK)
                        .requestMatchers(HttpMethod.GET, "/persons", "/persons/*", "/employers", "/employers/*")
                        .hasAuthority(PARTY_READ)
                        .requestMatchers(HttpMethod.POST, "/persons", "/employers")
                        .hasAuthority(PARTY_READ)
                        .requestMatchers("/search")
                        .hasAuthority(SEARCH)
                        // console: digitisation
                        .requestMatchers(
                                HttpMethod.GET,
                                "/scan-batches",
                                "/scan-batches/*",
                                "/scan-batches/*/progress",
                                "/scan-batches/*/items/*",
                                "/scan-batches/*/pages/*")
                        .hasAuthority(SCAN)
                        .requestMatchers(HttpMethod.POST, "/scan-batches", "/scan-batches/from-folder")
                        .hasAuthority(SCAN)
                        .requestMatchers(
                                HttpMethod.POST,
                                "/scan-batches/*/items/*/review",
                                "/scan-batches/*/items/*/confirm",
                                "/scan-batches/*/items/*/duplicate", // issue 12 (correct): duplicate decision
                                "/scan-batches/*/decision")
                        .hasAuthority(SCAN_QC)
                        // console: preservation
                        .requestMatchers(HttpMethod.GET, "/integrity", "/integrity/sweeps/*", "/integrity/items/*")
                        .hasAuthority(FIXITY)
                        .requestMatchers(
                                HttpMethod.POST,
                                "/integrity/sweeps",
                                "/integrity/alerts/*/acknowledge",
                                "/integrity/items/*/repair")
                        .hasAuthority(FIXITY)
                        // console: certificates (出证); verification is public
                        .requestMatchers(HttpMethod.GET, "/certificates", "/certificates/*", "/certificates/*/file")
                        .hasAuthority(CERTIFY)
                        .requestMatchers(HttpMethod.POST, "/certificates")
                        .hasAuthority(CERTIFY)
                        .requestMatchers(HttpMethod.GET, "/verify", "/verify/*")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/verify/*")
                        .permitAll()
                        // console: lending (利用)
                        .requestMatchers(HttpMethod.GET, "/lending", "/lending/requests/*")
                        .hasAnyAuthority(LOAN_REQUEST, LOAN_APPROVE)
                        .requestMatchers(HttpMethod.POST, "/lending/requests", "/lending/requests/*/withdraw")
                        .hasAuthority(LOAN_REQUEST)
                        .requestMatchers(
                                HttpMethod.GET,
                                "/lending/requests/*/items/*",
                                "/lending/requests/*/items/*/pages/*/*",
                                "/lending/requests/*/items/*/files/*")
                        .hasAuthority(LOAN_REQUEST)
                        .requestMatchers(HttpMethod.POST, "/lending/requests/*/decision")
                        .hasAuthority(LOAN_APPROVE)
                        .requestMatchers(
                                HttpMethod.GET, "/lending/physical", "/lending/physical/*", "/lending/register")
                        .hasAuthority(LOAN_MANAGE)
                        .requestMatchers(
                                HttpMethod.POST,
                                "/lending/physical",
                                "/lending/physical/*/extend",
                                "/lending/physical/*/return")
                        .hasAuthority(LOAN_MANAGE)
                        .requestMatchers(HttpMethod.GET, "/transfers")
                        .hasAuthority(TRANSFER)
                        .requestMatchers(HttpMethod.POST, "/transfers/exports", "/transfers/receipts")
                        .hasAuthority(TRANSFER)
                        .requestMatchers(HttpMethod.GET, "/checks", "/checks/runs/*", "/checks/runs/*/export")
                        .hasAuthority(FIXITY)
                        .requestMatchers(HttpMethod.POST, "/checks/runs", "/checks/items/*")
                        .hasAuthority(FIXITY)
                        // console: administrators
                        .requestMatchers(HttpMethod.GET, "/admin/accounts", "/admin/accounts/*")
                        .hasAuthority(ACCOUNT_READ)
                        .requestMatchers(HttpMethod.POST, "/admin/accounts")
                        .hasAuthority(ACCOUNT_CREATE)
                        .requestMatchers(HttpMethod.POST, "/admin/accounts/*/disable", "/admin/accounts/*/enable")
                        .hasAuthority(ACCOUNT_DISABLE)
                        .requestMatchers(
                                HttpMethod.POST, "/admin/accounts/*/reset-password", "/admin/accounts/*/reset-totp")
                        .hasAuthority(ACCOUNT_RESET)
                        .requestMatchers(HttpMethod.POST, "/admin/accounts/*/approve")
                        .hasAuthority(ACCOUNT_APPROVE)
                        .requestMatchers(HttpMethod.POST, "/admin/accounts/*/roles", "/admin/accounts/*/scope")
                        .hasAuthority(ACCOUNT_GRANT)
                        .requestMatchers(HttpMethod.GET, "/admin/organisations")
                        .hasAnyAuthority(ACCOUNT_READ)
                        .requestMatchers(HttpMethod.POST, "/admin/organisations")
                        .hasAuthority(ORG_MANAGE)
                        .requestMatchers(HttpMethod.GET, "/admin/policy")
                        .hasAuthority(POLICY_MANAGE)
                        .requestMatchers(HttpMethod.POST, "/admin/policy")
                        .hasAuthority(POLICY_MANAGE)
                        .requestMatchers(HttpMethod.GET, "/admin/tokens")
                        .hasAuthority(TOKEN_MANAGE)
                        .requestMatchers(HttpMethod.POST, "/admin/tokens", "/admin/tokens/*/revoke")
                        .hasAuthority(TOKEN_MANAGE)
                        // console: auditor
                        .requestMatchers(HttpMethod.GET, "/audit")
                        .hasAuthority(AUDIT_READ)
                        .requestMatchers(HttpMethod.GET, "/audit/export")
                        .hasAuthority(AUDIT_EXPORT)
                        .requestMatchers(HttpMethod.POST, "/audit/verify")
                        .hasAuthority(AUDIT_VERIFY)
                        // API
                        .requestMatchers(HttpMethod.POST, "/api/v1/captures")
                        .hasAuthority(CAPTURE_CREATE)
                        .requestMatchers(HttpMethod.GET, "/api/v1/items/*/related")
                        .hasAuthority(ITEM_READ)
                        .requestMatchers(HttpMethod.GET, "/api/v1/items/*/preservation-events")
                        .hasAuthority(FIXITY)
                        .requestMatchers(HttpMethod.GET, "/api/v1/items/*/files/*", "/api/v1/items/*/access.pdf")
                        .hasAuthority(FILE_READ)
                        .requestMatchers(HttpMethod.POST, "/api/v1/items/*/corrections")
                        .hasAuthority(ITEM_CORRECT)
                        .requestMatchers(HttpMethod.GET, "/api/v1/items/by-archive-code", "/api/v1/items/*")
                        .hasAuthority(ITEM_READ)
                        .requestMatchers(HttpMethod.POST, "/api/v1/persons/*/unmask")
                        .hasAuthority(UNMASK)
                        .requestMatchers(HttpMethod.POST, "/api/v1/persons/lookup")
                        .hasAuthority(PARTY_READ)
                        .requestMatchers(HttpMethod.GET, "/api/v1/employers/*/items")
                        .hasAuthority(PARTY_READ)
                        .requestMatchers(HttpMethod.GET, "/api/v1/classification", "/api/v1/reference/**")
                        .hasAuthority(REFERENCE_READ)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/reference/**")
                        .hasAuthority(REFERENCE_MANAGE)
                        .requestMatchers(HttpMethod.POST, "/api/v1/volumes", "/api/v1/boxes", "/api/v1/boxes/*/items")
                        .hasAuthority(CONTAINER_MANAGE)
                        .requestMatchers(HttpMethod.GET, "/api/v1/volumes/*")
                        .hasAuthority(ITEM_READ)
                        .requestMatchers(HttpMethod.POST, "/api/v1/transfers/exports", "/api/v1/transfers/receipts")
                        .hasAuthority(TRANSFER)
                        .requestMatchers(HttpMethod.GET, "/api/v1/transfers/receipts", "/api/v1/transfers/key")
                        .hasAuthority(TRANSFER)
                        .requestMatchers(HttpMethod.GET, "/api/v1/search")
                        .hasAuthority(SEARCH)
                        .requestMatchers(HttpMethod.POST, "/api/v1/search")
                        .hasAuthority(SEARCH)
                        .requestMatchers(HttpMethod.GET, "/api/v1/labels")
                        .hasAuthority(ITEM_READ)
                        .requestMatchers(HttpMethod.GET, "/api/v1/cover-sheets")
                        .hasAuthority(SCAN)
                        // operations and API documentation
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus", "/actuator/info")
                        .hasAuthority(SYSTEM_SETTINGS)
                        .requestMatchers(
                                HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .anyRequest()
                        .denyAll());
    }
}
