package org.siarchive.security;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads accounts with their roles, fonds and organisation unit. The unit (code, name, path) comes from
 * {@link Organisations}, never from its table: security reads only its own tables.
 */
@Component
class AccountRows {

    private static final String SELECT =
            """
            select id, username, display_name, org_id, status, all_fonds, clearance, allowed_networks, totp_enabled,
                   totp_required, must_change, password_changed_at, failed_logins, locked_until, created_at,
                   created_by, approved_by, last_login_at, last_login_ip
            from account
            """;

    private final JdbcClient jdbc;
    private final Organisations organisations;

    AccountRows(JdbcClient jdbc, Organisations organisations) {
        this.jdbc = jdbc;
        this.organisations = organisations;
    }

    /** One row of {@code account}, before its roles, fonds and unit are added. */
    record Row(
            long id,
            String username,
            String displayName,
            long orgId,
            String status,
            boolean allFonds,
            int clearance,
            @Nullable String allowedNetworks,
            boolean totpEnabled,
            boolean totpRequired,
            boolean mustChange,
            OffsetDateTime passwordChangedAt,
            int failedLogins,
            @Nullable OffsetDateTime lockedUntil,
            OffsetDateTime createdAt,
            String createdBy,
            @Nullable String approvedBy,
            @Nullable OffsetDateTime lastLoginAt,
            @Nullable String lastLoginIp) {

        Account account(OrgUnit org, Set<Role> roles, List<Long> fondsIds) {
            return new Account(
                    id,
                    username,
                    displayName,
                    orgId,
                    org.code(),
                    org.name(),
                    org.path(),
                    status,
                    Set.copyOf(roles),
                    allFonds,
                    List.copyOf(fondsIds),
                    clearance,
                    allowedNetworks,
                    totpEnabled,
                    totpRequired,
                    mustChange,
                    passwordChangedAt,
                    failedLogins,
                    lockedUntil,
                    createdAt,
                    createdBy,
                    approvedBy,
                    lastLoginAt,
                    lastLoginIp);
        }
    }

    List<Account> list() {
        return load(SELECT + " order by username", Map.of());
    }

    Optional<Account> byId(long id) {
        return load(SELECT + " where id = :id", Map.of("id", id)).stream().findFirst();
    }

    Optional<Account> byUsername(String username) {
        return load(SELECT + " where username = :u", Map.of("u", username)).stream()
                .findFirst();
    }

    Account require(long id) {
        return byId(id).orElseThrow(() -> new NotFoundException("ACCOUNT", Long.toString(id)));
    }

    boolean anyWithRole(Role role) {
        return jdbc.sql("select exists (select 1 from account_role where role = :r)")
                .param("r", role.name())
                .query(Boolean.class)
                .single();
    }

    private List<Account> load(String sql, Map<String, ?> params) {
        var rows = jdbc.sql(sql).params(params).query(Row.class).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        var ids = rows.stream().map(Row::id).toList();
        var roles = rolesOf(ids);
        var fonds = fondsOf(ids);
        var orgs = unitsOf(rows);
        return rows.stream()
                .map(r -> r.account(
                        orgs.get(r.orgId()),
                        roles.getOrDefault(r.id(), Set.of()),
                        fonds.getOrDefault(r.id(), List.of())))
                .toList();
    }

    private Map<Long, Set<Role>> rolesOf(List<Long> ids) {
        var roles = new HashMap<Long, Set<Role>>();
        jdbc.sql("select account_id, role from account_role where account_id in (:ids)")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list()
                .forEach(e -> roles.computeIfAbsent(e.getKey(), k -> EnumSet.noneOf(Role.class))
                        .add(Role.valueOf(e.getValue())));
        return roles;
    }

    private Map<Long, List<Long>> fondsOf(List<Long> ids) {
        var fonds = new HashMap<Long, List<Long>>();
        jdbc.sql("select account_id, fonds_id from account_fonds where account_id in (:ids) order by fonds_id")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .list()
                .forEach(e -> fonds.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return fonds;
    }

    /** The units of the rows: one look-up for one account, the whole (small) tree for a list. */
    private Map<Long, OrgUnit> unitsOf(List<Row> rows) {
        var orgIds = rows.stream().map(Row::orgId).collect(Collectors.toSet());
        if (orgIds.size() == 1) {
            long only = orgIds.iterator().next();
            return Map.of(only, organisations.require(only));
        }
        return organisations.all().stream()
                .filter(o -> orgIds.contains(o.id()))
                .collect(Collectors.toMap(OrgUnit::id, Function.identity()));
    }
}
