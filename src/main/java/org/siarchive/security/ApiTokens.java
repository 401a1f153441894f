package org.siarchive.security;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditTrail;
import org.siarchive.crypto.Sm3;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Actor;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Scope;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scoped API tokens for machine clients (business systems, other departments). The token is shown
 * once; only its SM3 hash is stored. Each token carries business permissions only, an organisation
 * subtree and clearance, an expiry, and optionally the networks it may be used from.
 */
@Component
public class ApiTokens {

    static final String PREFIX = "sia_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Organisations organisations;

    ApiTokens(JdbcClient jdbc, AuditTrail audit, Organisations organisations) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.organisations = organisations;
    }

    /** A token as listed (never the token itself). */
    public record TokenInfo(
            long id,
            String client,
            String prefix,
            String orgCode,
            String scopes,
            int clearance,
            @Nullable String allowedNetworks,
            OffsetDateTime expiresAt,
            @Nullable OffsetDateTime revokedAt,
            String createdBy,
            OffsetDateTime createdAt,
            @Nullable OffsetDateTime lastUsedAt) {

        public boolean active(OffsetDateTime now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }
    }

    /** The new token (shown once) and its record. */
    public record Issued(String token, TokenInfo info) {}

    @Transactional
    public Issued issue(
            String client,
            long orgId,
            Set<String> scopes,
            int clearance,
            @Nullable String allowedNetworks,
            int validDays,
            Actor actor) {
        var v = new ArrayList<Violation>();
        if (client == null || !client.strip().matches("[\\p{L}\\p{N}._ -]{2,100}")) {
            v.add(Violation.of("client", "format"));
        }
        var allowed = Role.tokenScopes();
        if (scopes.isEmpty()) {
            v.add(Violation.of("scopes", "required"));
        }
        for (String s : scopes) {
            if (!allowed.contains(s)) {
                v.add(Violation.of("scopes", "scope", s));
            }
        }
        if (clearance < 1 || clearance > 3) {
            v.add(Violation.of("clearance", "range", 1, 3));
        }
        if (validDays < 1 || validDays > 366) {
            v.add(Violation.of("validDays", "range", 1, 366));
        }
        String networks = allowedNetworks == null || allowedNetworks.isBlank() ? null : allowedNetworks.strip();
        if (networks != null) {
            for (String cidr : networks.split(",")) {
                try {
                    new IpAddressMatcher(cidr.strip());
                } catch (IllegalArgumentException e) {
                    v.add(Violation.of("allowedNetworks", "cidr", cidr.strip()));
                }
            }
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        var org = organisations.require(orgId);
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String joined = String.join(",", new TreeSet<>(scopes));
        long id = jdbc.sql(
                        """
                insert into api_token (client, prefix, token_hash, org_id, scopes, clearance, allowed_networks,
                    expires_at, created_by)
                values (:client, :prefix, :hash, :org, :scopes, :clearance, :networks,
                    now() + make_interval(days => :days), :by)
                returning id
                """)
                .param("client", client.strip())
                .param("prefix", token.substring(0, 10))
                .param("hash", Sm3.digest(token))
                .param("org", orgId)
                .param("scopes", joined)
                .param("clearance", clearance)
                .param("networks", networks)
                .param("days", validDays)
                .param("by", actor.name())
                .query(Long.class)
                .single();
        audit.record(
                actor,
                "API_TOKEN",
                Long.toString(id),
                "ISSUE",
                null,
                client.strip() + " org " + org.code() + " scopes " + joined + " clearance " + clearance + " days "
                        + validDays);
        return new Issued(token, require(id));
    }

    @Transactional
    public void revoke(long id, String reason, Actor actor) {
        var t = require(id);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(Violation.of("reason", "required"));
        }
        jdbc.sql("update api_token set revoked_at = now() where id = :id and revoked_at is null")
                .param("id", id)
                .update();
        audit.record(actor, "API_TOKEN", Long.toString(id), "REVOKE", reason, t.client());
    }

    private static final String SELECT =
            """
            select t.id, t.client, t.prefix, o.code as org_code, t.scopes, t.clearance, t.allowed_networks,
                   t.expires_at, t.revoked_at, t.created_by, t.created_at, t.last_used_at
            from api_token t join org_unit o on o.id = t.org_id
            """;

    public List<TokenInfo> list() {
        return jdbc.sql(SELECT + " order by t.id desc").query(TokenInfo.class).list();
    }

    public TokenInfo require(long id) {
        return jdbc.sql(SELECT + " where t.id = :id")
                .param("id", id)
                .query(TokenInfo.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("API_TOKEN", Long.toString(id)));
    }

    /** Why a presented token was refused. */
    enum Refusal {
        UNKNOWN,
        EXPIRED,
        REVOKED,
        NETWORK
    }

    /** The principal of a valid token, or the reason it is refused. */
    record Checked(@Nullable Principal principal, @Nullable Refusal refusal, @Nullable String client) {}

    @Transactional
    Checked check(String token, String address) {
        if (!token.startsWith(PREFIX) || token.length() > 100) {
            return new Checked(null, Refusal.UNKNOWN, null);
        }
        record Row(
                long id,
                String client,
                String orgCode,
                String orgName,
                String orgPath,
                String scopes,
                int clearance,
                @Nullable String allowedNetworks,
                OffsetDateTime expiresAt,
                @Nullable OffsetDateTime revokedAt) {}
        Optional<Row> row = jdbc.sql(
                        """
                select t.id, t.client, o.code as org_code, o.name as org_name, o.path as org_path, t.scopes,
                       t.clearance, t.allowed_networks, t.expires_at, t.revoked_at
                from api_token t join org_unit o on o.id = t.org_id where t.token_hash = :h
                """)
                .param("h", Sm3.digest(token))
                .query(Row.class)
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
        jdbc.sql(
                        "update api_token set last_used_at = now() where id = :id and (last_used_at is null or last_used_at < now() - interval '1 minute')")
                .param("id", r.id())
                .update();
        var scopes = Set.of(r.scopes().split(","));
        var principal = new Principal(
                "client:" + r.client(),
                r.client(),
                null,
                r.orgCode(),
                r.orgName(),
                new Scope(r.orgPath(), null, r.clearance()),
                scopes,
                Set.of());
        return new Checked(principal, null, r.client());
    }
}
