package org.siarchive.security;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.siarchive.crypto.Sm3;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The check of a token presented with a request: known by its SM3 hash, neither revoked nor expired,
 * used from an allowed network. A valid token becomes a principal with the token's scopes as
 * permissions and its unit's subtree and clearance as data scope.
 */
@Component
class TokenCheck {

    private final JdbcClient jdbc;
    private final Organisations organisations;

    TokenCheck(JdbcClient jdbc, Organisations organisations) {
        this.jdbc = jdbc;
        this.organisations = organisations;
    }

    /** Why a presented token was refused. */
    enum Refusal {
        UNKNOWN,
        EXPIRED,
        REVOKED,
        NETWORK
    }

    /** An API token row as presented. */
    record Presented(
            long id,
            String client,
            long orgId,
            String scopes,
            int clearance,
            @Nullable String allowedNetworks,
            OffsetDateTime expiresAt,
            @Nullable OffsetDateTime revokedAt,
            @Nullable OffsetDateTime lastUsedAt) {}

    /**
     * Mapped by hand: a by-class mapper asks the driver for camelCase names first, and each miss costs an exception
     * on every API request (docs/benchmarks.md, issue 20 person files).
     */
    private static Presented presented(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Presented(
                rs.getLong("id"),
                rs.getString("client"),
                rs.getLong("org_id"),
                rs.getString("scopes"),
                rs.getInt("clearance"),
                rs.getString("allowed_networks"),
                rs.getObject("expires_at", OffsetDateTime.class),
                rs.getObject("revoked_at", OffsetDateTime.class),
                rs.getObject("last_used_at", OffsetDateTime.class));
    }

    /** Records the token's use, to the minute: the row is written only when its last use is older than that. */
    private void touch(Presented r) {
        if (r.lastUsedAt() != null
                && r.lastUsedAt().isAfter(OffsetDateTime.now().minusMinutes(1))) {
            return;
        }
        jdbc.sql(
                        "update api_token set last_used_at = now() where id = :id and (last_used_at is null or last_used_at < now() - interval '1 minute')")
                .param("id", r.id())
                .update();
    }

    /** The principal of a valid token, or the reason it is refused. */
    record Checked(@Nullable Principal principal, @Nullable Refusal refusal, @Nullable String client) {}

    /**
     * No transaction of its own: one read, and the last-use time written at most once a minute by a statement of its
     * own (issue 20: a transaction and an update on every API request cost two round trips and PostgreSQL's CPU).
     */
    Checked check(String token, String address) {
        if (!token.startsWith(ApiTokens.PREFIX) || token.length() > 100) {
            return new Checked(null, Refusal.UNKNOWN, null);
        }
        Optional<Presented> row = jdbc.sql(
                        """
                select id, client, org_id, scopes, clearance, allowed_networks, expires_at, revoked_at, last_used_at
                from api_token where token_hash = :h
                """)
                .param("h", Sm3.digest(token))
                .query(TokenCheck::presented)
                .optional();
        if (row.isEmpty()) {
            return new Checked(null, Refusal.UNKNOWN, null);
        }
        var r = row.get();
        if (r.revokedAt() != null) {
            return new Checked(null, Refusal.REVOKED, r.client());
        }
        if (!r.expiresAt().isAfter(OffsetDateTime.now())) {
            return new Checked(null, Refusal.EXPIRED, r.client());
        }
        if (r.allowedNetworks() != null
                && Arrays.stream(r.allowedNetworks().split(","))
                        .noneMatch(c -> new IpAddressMatcher(c.strip()).matches(address))) {
            return new Checked(null, Refusal.NETWORK, r.client());
        }
        touch(r);
        var scopes = Set.of(r.scopes().split(","));
        var org = organisations.require(r.orgId());
        var principal = new Principal(
                "client:" + r.client(),
                r.client(),
                null,
                org.code(),
                org.name(),
                new Scope(org.path(), null, r.clearance()),
                scopes,
                Set.of());
        return new Checked(principal, null, r.client());
    }
}
