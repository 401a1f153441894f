package org.siarchive.portal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.siarchive.crypto.Sm3;
import org.siarchive.security.SecurityPolicy;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The online service's sessions: a random token in the portal's own cookie ({@value #COOKIE}, path
 * {@code /portal}, HttpOnly, SameSite=Lax), kept in PostgreSQL by its SM3 digest only — no servlet session,
 * so the staff console's session never mixes with it and any node can serve the next request. A session
 * ends after the security policy's idle timeout or {@link #ABSOLUTE} after it began, whichever comes first;
 * signing in again replaces every earlier session of the account (one session per account, as for staff).
 */
@Component
public class PortalSessions {

    /** The portal's session cookie; the staff console's is {@code JSESSIONID}. */
    public static final String COOKIE = "SIAPORTAL";

    static final Duration ABSOLUTE = Duration.ofHours(8);
    /** A session's last use is written at most this often (a page of polls is not a write per request). */
    static final Duration TOUCH = Duration.ofSeconds(60);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final SecurityPolicy policy;

    PortalSessions(JdbcClient jdbc, SecurityPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    /**
     * Starts a session for the account (ending its earlier ones) and sets the cookie on the response. The
     * caller has authenticated the account and audits the login.
     */
    public void open(long accountId, HttpServletRequest request, HttpServletResponse response) {
        String token = open(accountId, request.getRemoteAddr());
        response.addHeader(
                "Set-Cookie", cookie(token, request.isSecure(), ABSOLUTE).toString());
    }

    /** Starts a session and returns the cookie's value (what {@link #open(long, HttpServletRequest, HttpServletResponse)} sets). */
    public String open(long accountId, String clientAddress) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        jdbc.sql("delete from portal_session where account_id = :a or expires_at < now()")
                .param("a", accountId)
                .update();
        jdbc.sql(
                        """
                insert into portal_session (token_hash, account_id, expires_at, client_address)
                values (:h, :a, now() + make_interval(secs => :s), :ip)""")
                .param("h", Sm3.digest(token))
                .param("a", accountId)
                .param("s", ABSOLUTE.toSeconds())
                .param("ip", clientAddress.length() > 64 ? clientAddress.substring(0, 64) : clientAddress)
                .update();
        return token;
    }

    /** The signed-in user of the request's cookie, if its session is alive and its account active. */
    public Optional<PortalUser> current(HttpServletRequest request) {
        String token = token(request);
        if (token == null) {
            return Optional.empty();
        }
        byte[] hash = Sm3.digest(token);
        var row = jdbc.sql(
                        """
                select s.account_id, s.last_seen_at, a.kind, a.display_name
                  from portal_session s join portal_account a on a.id = s.account_id
                 where s.token_hash = :h and s.expires_at > now() and a.state = 'ACTIVE'
                   and s.last_seen_at > now() - make_interval(secs => :idle)""")
                .param("h", hash)
                .param("idle", policy.idleTimeout().toSeconds())
                .query((rs, n) -> new Object[] {
                    rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4)
                })
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        long account = (Long) row.get()[0];
        if (((OffsetDateTime) row.get()[1]).isBefore(OffsetDateTime.now().minus(TOUCH))) {
            jdbc.sql("update portal_session set last_seen_at = now() where token_hash = :h")
                    .param("h", hash)
                    .update();
        }
        var codes = new HashSet<>(
                jdbc.sql("select credit_code from employer_binding where account_id = :a and state = 'APPROVED'")
                        .param("a", account)
                        .query(String.class)
                        .list());
        return Optional.of(
                new PortalUser(account, PortalUser.Kind.valueOf((String) row.get()[2]), (String) row.get()[3], codes));
    }

    /** Ends the request's session and clears the cookie. */
    public void close(HttpServletRequest request, HttpServletResponse response) {
        String token = token(request);
        if (token != null) {
            jdbc.sql("delete from portal_session where token_hash = :h")
                    .param("h", Sm3.digest(token))
                    .update();
        }
        response.addHeader(
                "Set-Cookie", cookie("", request.isSecure(), Duration.ZERO).toString());
    }

    /** Ends every session of an account (disabled, password changed). */
    public void closeAll(long accountId) {
        jdbc.sql("delete from portal_session where account_id = :a")
                .param("a", accountId)
                .update();
    }

    static @Nullable String token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName())
                    && c.getValue() != null
                    && c.getValue().length() == 43) {
                return c.getValue();
            }
        }
        return null;
    }

    static ResponseCookie cookie(String value, boolean secure, Duration maxAge) {
        return ResponseCookie.from(COOKIE, value)
                .path("/portal")
                .httpOnly(true)
                .secure(secure)
                .sameSite("Lax")
                .maxAge(maxAge)
                .build();
    }
}
