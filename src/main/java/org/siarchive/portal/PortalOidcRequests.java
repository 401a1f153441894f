package org.siarchive.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.crypto.Sm3;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authorization requests sent to the identity provider, kept in {@code portal_oidc_request} by the SM3 digest of
 * their state instead of a servlet session (docs/adr/0101): the state, nonce and PKCE verifier of each sign-in
 * wait there {@link #LIFETIME} at most, and the provider's answer takes its row away in one statement, so an
 * answer replayed, or one whose state was never sent or has expired, finds nothing and is refused. The request
 * taken is left on the servlet request ({@link #TAKEN}) for the success and failure handlers.
 */
@Component
class PortalOidcRequests implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final String TAKEN = PortalOidcRequests.class.getName() + ".taken";
    /**
     * The cookie binding a sign-in to the browser that started it (only its digest is kept with the request): an
     * answer delivered in another browser — someone else's sign-in pushed on a victim — finds no request.
     */
    static final String BINDING = "SIAPORTAL-OIDC";

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    PortalOidcRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public @Nullable OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        String state = request.getParameter(OAuth2ParameterNames.STATE);
        if (state == null || state.isEmpty() || state.length() > 200) {
            return null;
        }
        return jdbc.sql(
                        """
                select request::text from portal_oidc_request
                 where state_hash = :h and expires_at > now() and request->>'browser' = :b""")
                .param("h", Sm3.digest(state))
                .param("b", browserDigest(request))
                .query(String.class)
                .optional()
                .map(PortalOidcRequests::read)
                .orElse(null);
    }

    @Override
    public void saveAuthorizationRequest(
            @Nullable OAuth2AuthorizationRequest authorizationRequest,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (authorizationRequest == null) {
            removeAuthorizationRequest(request, response);
            return;
        }
        jdbc.sql("delete from portal_oidc_request where expires_at < now()").update();
        String browser = binding(request);
        if (browser == null) {
            byte[] raw = new byte[32];
            RANDOM.nextBytes(raw);
            browser = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        }
        response.addHeader(
                "Set-Cookie",
                org.springframework.http.ResponseCookie.from(BINDING, browser)
                        .path("/portal/login/oauth2")
                        .httpOnly(true)
                        .secure(request.isSecure())
                        .sameSite("Lax")
                        .maxAge(LIFETIME)
                        .build()
                        .toString());
        jdbc.sql(
                        """
                insert into portal_oidc_request (state_hash, request, expires_at)
                values (:h, cast(:r as jsonb), now() + make_interval(secs => :s))""")
                .param("h", Sm3.digest(authorizationRequest.getState()))
                .param("r", write(authorizationRequest, browser))
                .param("s", LIFETIME.toSeconds())
                .update();
    }

    @Override
    public @Nullable OAuth2AuthorizationRequest removeAuthorizationRequest(
            HttpServletRequest request, HttpServletResponse response) {
        String state = request.getParameter(OAuth2ParameterNames.STATE);
        if (state == null || state.isEmpty() || state.length() > 200) {
            return null;
        }
        var taken = jdbc.sql(
                        """
                delete from portal_oidc_request where state_hash = :h and request->>'browser' = :b
                returning request::text, expires_at > now()""")
                .param("h", Sm3.digest(state))
                .param("b", browserDigest(request))
                .query((rs, n) -> rs.getBoolean(2) ? read(rs.getString(1)) : null)
                .optional()
                .orElse(null);
        if (taken != null) {
            request.setAttribute(TAKEN, taken);
        }
        return taken;
    }

    /** The browser binding cookie's value, when it has the shape this class gives it. */
    private static @Nullable String binding(HttpServletRequest request) {
        var cookies = request.getCookies();
        if (cookies != null) {
            for (var c : cookies) {
                if (BINDING.equals(c.getName())
                        && c.getValue() != null
                        && c.getValue().matches("[A-Za-z0-9_-]{43}")) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    /** What the row keeps of the binding: its SM3 digest in hex ("-" without a cookie, which no row holds). */
    private static String browserDigest(HttpServletRequest request) {
        String b = binding(request);
        return b == null ? "-" : java.util.HexFormat.of().formatHex(Sm3.digest(b));
    }

    static String write(OAuth2AuthorizationRequest r, String browser) {
        var m = new LinkedHashMap<String, Object>();
        m.put("browser", java.util.HexFormat.of().formatHex(Sm3.digest(browser)));
        m.put("authorizationUri", r.getAuthorizationUri());
        m.put("clientId", r.getClientId());
        m.put("redirectUri", r.getRedirectUri());
        m.put("scopes", List.copyOf(r.getScopes()));
        m.put("state", r.getState());
        m.put("additionalParameters", strings(r.getAdditionalParameters()));
        m.put("attributes", strings(r.getAttributes()));
        m.put("authorizationRequestUri", r.getAuthorizationRequestUri());
        return JSON.writeValueAsString(m);
    }

    @SuppressWarnings("unchecked")
    static OAuth2AuthorizationRequest read(String json) {
        Map<String, Object> m = JSON.readValue(json, Map.class);
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri((String) m.get("authorizationUri"))
                .clientId((String) m.get("clientId"))
                .redirectUri((String) m.get("redirectUri"))
                .scopes(new LinkedHashSet<>((List<String>) m.get("scopes")))
                .state((String) m.get("state"))
                .additionalParameters((Map<String, Object>) m.get("additionalParameters"))
                .attributes((Map<String, Object>) m.get("attributes"))
                .authorizationRequestUri((String) m.get("authorizationRequestUri"))
                .build();
    }

    /** The parameters and attributes are strings (nonce, PKCE, registration id, kind); others are not kept. */
    private static Map<String, String> strings(Map<String, Object> in) {
        var out = new LinkedHashMap<String, String>();
        in.forEach((k, v) -> {
            if (v instanceof String s) {
                out.put(k, s);
            }
        });
        return out;
    }
}
