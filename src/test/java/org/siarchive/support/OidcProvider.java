package org.siarchive.support;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.catalina.startup.Tomcat;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.filter.DelegatingFilterProxy;

/**
 * The test suite's identity provider: a real Spring Authorization Server (OpenID Connect) in this JVM, on its own
 * port at {@code http://localhost:<port>} (a host name other than the platform's 127.0.0.1, so a client's cookies
 * for the two never mix). It stands in for the province's unified identity platform: its users sign in on its own
 * login page ({@code username}, {@code password}) and their ID tokens carry the claims {@code name}, {@value
 * #CERT_NO_CLAIM} and {@code phone_number}. A user may be made to misbehave (an ID token already expired, a nonce
 * not the client's) to show that the platform refuses such answers.
 *
 * <p>{@link #shared()} starts one for the JVM; {@code IntegrationTest} points {@code siarchive.portal.oidc.*} at it.
 * Client {@value #CLIENT_ID}, redirect URI {@code http://127.0.0.1:<any port>/portal/login/oauth2/code/province}.
 */
public final class OidcProvider {

    public static final String CLIENT_ID = "siarchive-portal";
    public static final String CLIENT_SECRET = "portal-secret-for-tests";
    public static final String REGISTRATION_ID = "province";
    public static final String CERT_NO_CLAIM = "cert_no";

    /** How a user's ID token differs from a good one. */
    public enum Misbehaviour {
        NONE,
        /** The ID token expired ten minutes before it was issued to the client. */
        EXPIRED_ID_TOKEN,
        /** The ID token's nonce is not the one the client sent. */
        WRONG_NONCE
    }

    /** A user of the provider; {@code certNo} and {@code phone} may be absent (no such claim). */
    public record User(
            String username,
            String password,
            String name,
            @Nullable String certNo,
            @Nullable String phone,
            Misbehaviour misbehaviour) {}

    private static @Nullable OidcProvider shared;

    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final AtomicInteger serial = new AtomicInteger();
    private final Tomcat tomcat = new Tomcat();
    private int port;

    private OidcProvider() {}

    /** The JVM's provider, started on first use. */
    public static synchronized OidcProvider shared() {
        if (shared == null) {
            var p = new OidcProvider();
            p.start();
            shared = p;
            Runtime.getRuntime().addShutdownHook(new Thread(p::stop, "stop-oidc-provider"));
        }
        return shared;
    }

    /** The issuer URI, as the platform's {@code siarchive.portal.oidc.issuer-uri}. */
    public String issuer() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** A new user with these claims (any may be null: no such claim). */
    public User user(String name, @Nullable String certNo, @Nullable String phone) {
        return user(name, certNo, phone, Misbehaviour.NONE);
    }

    public User user(String name, @Nullable String certNo, @Nullable String phone, Misbehaviour misbehaviour) {
        var u = new User(
                "oidc" + serial.incrementAndGet() + "-"
                        + UUID.randomUUID().toString().substring(0, 8),
                "pw-" + UUID.randomUUID(),
                name,
                certNo,
                phone,
                misbehaviour);
        users.put(u.username(), u);
        return u;
    }

    /**
     * Walks {@code browser} through a sign-in as {@code user}, following each redirect by hand: the portal's
     * button ({@code kind} PERSON or EMPLOYER), the provider's login page and form, its authorization endpoint.
     * Returns the provider's redirect back to the portal (the callback URL with code and state), not yet followed,
     * so a test can deliver it — and deliver it again.
     */
    public String authorize(PortalBrowser browser, User user, String kind) {
        var button = browser.get("/portal/login/oidc?kind=" + kind);
        var toProvider = browser.get(relative(require(button, 302).location()));
        var authorize = absolute(browser, require(toProvider, 302).location(), "GET", null);
        var page = absolute(browser, require(authorize, 302).location(), "GET", null);
        var m = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
                .matcher(require(page, 200).body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the provider's login page");
        }
        String form =
                "username=" + enc(user.username()) + "&password=" + enc(user.password()) + "&_csrf=" + enc(m.group(1));
        var loggedIn = absolute(browser, issuer() + "/login", "POST", form);
        var again = absolute(browser, require(loggedIn, 302).location(), "GET", null);
        return require(again, 302).location();
    }

    /** Delivers the provider's redirect (from {@link #authorize}) to the portal: the portal's answer. */
    public static ConsoleSession.Page deliver(PortalBrowser browser, String callback) {
        return browser.get(relative(callback));
    }

    private static ConsoleSession.Page require(ConsoleSession.Page page, int status) {
        if (page.status() != status || (status == 302 && page.location() == null)) {
            throw new IllegalStateException(
                    "expected " + status + " but got " + page.status() + " → " + page.location());
        }
        return page;
    }

    private ConsoleSession.Page absolute(PortalBrowser browser, String url, String method, @Nullable String form) {
        String full = url.startsWith("http") ? url : issuer() + url;
        var builder =
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(full)).header("Accept", "text/html");
        if (form == null) {
            builder.GET();
        } else {
            builder.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form));
        }
        return browser.send(builder);
    }

    private static String relative(String location) {
        if (location.startsWith("http")) {
            var uri = java.net.URI.create(location);
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
        return location;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private void start() {
        try {
            tomcat.setBaseDir(Files.createTempDirectory("oidc-provider").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tomcat.setPort(0);
        var connector = tomcat.getConnector();
        var context = tomcat.addContext("", null);
        context.setSessionCookieName("OIDCPROVIDER");
        var spring = new AnnotationConfigWebApplicationContext();
        spring.register(Provider.class);
        spring.addBeanFactoryPostProcessor(bf -> bf.registerSingleton("oidcProvider", this));
        context.addServletContainerInitializer(
                (classes, servletContext) -> {
                    spring.setServletContext(servletContext);
                    spring.refresh();
                    servletContext
                            .addFilter(
                                    "springSecurityFilterChain",
                                    new DelegatingFilterProxy("springSecurityFilterChain", spring))
                            .addMappingForUrlPatterns(null, false, "/*");
                    servletContext.addServlet("nothing", new NotFound()).addMapping("/");
                },
                null);
        try {
            tomcat.start();
        } catch (org.apache.catalina.LifecycleException e) {
            throw new IllegalStateException(e);
        }
        port = connector.getLocalPort();
    }

    private void stop() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (org.apache.catalina.LifecycleException e) {
            // the JVM is ending anyway
        }
    }

    private static final class NotFound extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.sendError(404);
        }
    }

    /**
     * The provider's Spring configuration: Spring Authorization Server with OpenID Connect, and a login page. Not
     * annotated {@code @Configuration}, so the platform's component scan never picks it up; registered by hand.
     */
    @EnableWebSecurity
    static class Provider {

        @Bean
        @Order(1)
        SecurityFilterChain endpoints(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(as -> {
                        http.securityMatcher(as.getEndpointsMatcher());
                        as.oidc(Customizer.withDefaults());
                    })
                    .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    .oauth2ResourceServer(r -> r.jwt(Customizer.withDefaults()))
                    .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain login(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService users(OidcProvider provider) {
            return username -> {
                var u = provider.users.get(username);
                if (u == null) {
                    throw new UsernameNotFoundException(username);
                }
                return org.springframework.security.core.userdetails.User.withUsername(u.username())
                        .password("{noop}" + u.password())
                        .roles("USER")
                        .build();
            };
        }

        @Bean
        RegisteredClientRepository clients() {
            var client = RegisteredClient.withId("portal")
                    .clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("http://127.0.0.1/portal/login/oauth2/code/" + REGISTRATION_ID)
                    .scope(OidcScopes.OPENID)
                    .scope(OidcScopes.PROFILE)
                    .scope(OidcScopes.PHONE)
                    .clientSettings(ClientSettings.builder()
                            .requireAuthorizationConsent(false)
                            .build())
                    .build();
            return new InMemoryRegisteredClientRepository(client);
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims(OidcProvider provider) {
            return ctx -> {
                if (!OidcParameterNames.ID_TOKEN.equals(ctx.getTokenType().getValue())) {
                    return;
                }
                var u = provider.users.get(ctx.getPrincipal().getName());
                if (u == null) {
                    return;
                }
                var claims = ctx.getClaims();
                claims.claim("name", u.name());
                if (u.certNo() != null) {
                    claims.claim(CERT_NO_CLAIM, u.certNo());
                }
                if (u.phone() != null) {
                    claims.claim("phone_number", u.phone());
                }
                switch (u.misbehaviour()) {
                    case EXPIRED_ID_TOKEN ->
                        claims.issuedAt(Instant.now().minusSeconds(3600))
                                .expiresAt(Instant.now().minusSeconds(600));
                    case WRONG_NONCE -> claims.claim("nonce", "not-the-clients-nonce");
                    case NONE -> {}
                }
            };
        }

        @Bean
        JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            var key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }
    }
}
