package org.siarchive.security;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.crypto.Sm3;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Actor;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
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
        String networks = AllowedNetworks.normalise(allowedNetworks);
        var v = violations(client, scopes, clearance, validDays);
        v.addAll(AllowedNetworks.check(networks));
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        var org = organisations.require(orgId);
        String token = newToken();
        String joined = String.join(",", new TreeSet<>(scopes));
        long id = insert(token, client.strip(), orgId, joined, clearance, networks, validDays, actor);
        audit.record(
                actor,
                AuditedObject.API_TOKEN,
                Long.toString(id),
                AuditOperation.ISSUE,
                null,
                AuditDetail.of("audit.detail.tokenIssued", client.strip(), org.name(), joined, clearance, validDays)
                        .encoded());
        return new Issued(token, require(id));
    }

    /** Every rule a request for a token breaks, all at once, without issuing anything. */
    List<Violation> problems(
            String client, Set<String> scopes, int clearance, @Nullable String allowedNetworks, int validDays) {
        var v = violations(client, scopes, clearance, validDays);
        v.addAll(AllowedNetworks.check(AllowedNetworks.normalise(allowedNetworks)));
        return v;
    }

    /** What is wrong with a request for a token, networks apart: a token carries business scopes only. */
    private static List<Violation> violations(String client, Set<String> scopes, int clearance, int validDays) {
        var v = new ArrayList<Violation>();
        if (client == null || !client.strip().matches("[\\p{L}\\p{N}._ -]{2,100}")) {
            v.add(Violation.of("client", "format"));
        }
        if (scopes.isEmpty()) {
            v.add(Violation.of("scopes", "required"));
        }
        var allowed = Role.tokenScopes();
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
        return v;
    }

    /** 256 random bits behind the recognisable prefix. */
    private static String newToken() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private long insert(
            String token,
            String client,
            long orgId,
            String scopes,
            int clearance,
            @Nullable String networks,
            int validDays,
            Actor actor) {
        return jdbc.sql(
                        """
                insert into api_token (client, prefix, token_hash, org_id, scopes, clearance, allowed_networks,
                    expires_at, created_by)
                values (:client, :prefix, :hash, :org, :scopes, :clearance, :networks,
                    now() + make_interval(days => :days), :by)
                returning id
                """)
                .param("client", client)
                .param("prefix", token.substring(0, 10))
                .param("hash", Sm3.digest(token))
                .param("org", orgId)
                .param("scopes", scopes)
                .param("clearance", clearance)
                .param("networks", networks)
                .param("days", validDays)
                .param("by", actor.name())
                .query(Long.class)
                .single();
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
        audit.record(actor, AuditedObject.API_TOKEN, Long.toString(id), AuditOperation.REVOKE, reason, t.client());
    }

    private static final String SELECT =
            """
            select id, client, prefix, org_id, scopes, clearance, allowed_networks, expires_at, revoked_at,
                   created_by, created_at, last_used_at
            from api_token
            """;

    /** One row of {@code api_token}; the unit's code comes from {@link Organisations}. */
    private record Row(
            long id,
            String client,
            String prefix,
            long orgId,
            String scopes,
            int clearance,
            @Nullable String allowedNetworks,
            OffsetDateTime expiresAt,
            @Nullable OffsetDateTime revokedAt,
            String createdBy,
            OffsetDateTime createdAt,
            @Nullable OffsetDateTime lastUsedAt) {

        TokenInfo info(OrgUnit org) {
            return new TokenInfo(
                    id,
                    client,
                    prefix,
                    org.code(),
                    scopes,
                    clearance,
                    allowedNetworks,
                    expiresAt,
                    revokedAt,
                    createdBy,
                    createdAt,
                    lastUsedAt);
        }
    }

    public List<TokenInfo> list() {
        var units = organisations.all().stream().collect(Collectors.toMap(OrgUnit::id, Function.identity()));
        return jdbc.sql(SELECT + " order by id desc").query(Row.class).list().stream()
                .map(r -> r.info(units.get(r.orgId())))
                .toList();
    }

    /** The id of a presented token (found by its SM3 hash), for modules that bind their records to a token. */
    public java.util.Optional<Long> idOf(String token) {
        return jdbc.sql("select id from api_token where token_hash = :h")
                .param("h", Sm3.digest(token))
                .query(Long.class)
                .optional();
    }

    public TokenInfo require(long id) {
        var row = jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(Row.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("API_TOKEN", Long.toString(id)));
        return row.info(organisations.require(row.orgId()));
    }
}
