package org.siarchive.security;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.siarchive.organisation.Organisations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who is to be told (issue 18, notifications): the active accounts whose roles grant a permission and whose unit's
 * subtree covers an organisation path — the approvers of a unit, its lending managers, its rectifiers, the
 * security administrators and auditors over an alert's unit. An account's data scope is its unit's subtree (and
 * its fonds, and its clearance, which the caller filters on when the matter needs it); for the administrator roles,
 * which hold no business data scope, the unit they belong to plays that part. The path {@code /} (an unknown
 * organisation) is covered only by accounts of the root unit. Accounts carry no phone number or e-mail address:
 * the notification module keeps the contact details people give it.
 */
@Component
public class Recipients {

    /** An active account as a recipient: its login, name, unit path, fonds (null: all) and clearance. */
    public record Holder(
            String username,
            String displayName,
            String orgPath,
            @Nullable List<Long> fondsIds,
            int clearance,
            boolean administrator) {

        /** Whether this account's subtree (and fonds, when given) covers the matter. */
        public boolean covers(String path, @Nullable Long fondsId) {
            boolean org = path.startsWith(orgPath) && !"/".equals(path);
            boolean fonds = fondsId == null || fondsIds == null || fondsIds.contains(fondsId);
            return org && fonds;
        }
    }

    private final JdbcClient jdbc;
    private final Organisations organisations;

    Recipients(JdbcClient jdbc, Organisations organisations) {
        this.jdbc = jdbc;
        this.organisations = organisations;
    }

    /** Active accounts whose roles grant {@code permission} and whose subtree covers {@code orgPath}. */
    public List<Holder> withPermissionOver(String permission, String orgPath) {
        return withPermissionOver(permission, orgPath, null);
    }

    /** As {@link #withPermissionOver(String, String)}, also within the accounts' fonds when a fonds is named. */
    public List<Holder> withPermissionOver(String permission, String orgPath, @Nullable Long fondsId) {
        var roles = Arrays.stream(Role.values())
                .filter(r -> r.permissions().contains(permission))
                .map(Role::name)
                .toList();
        if (roles.isEmpty()) {
            return List.of();
        }
        String root = organisations.root().path();
        String path = "/".equals(orgPath) ? root : orgPath;
        boolean rootOnly = "/".equals(orgPath);
        return load(
                        """
                        where a.status = 'ACTIVE' and exists (select 1 from account_role r
                            where r.account_id = a.id and r.role in (:roles)) order by a.username""",
                        Map.of("roles", roles))
                .stream()
                .filter(h -> rootOnly ? h.orgPath().equals(root) : h.covers(path, fondsId))
                .toList();
    }

    /** The active account of this login, if there is one. */
    public Optional<Holder> active(String username) {
        return load("where a.status = 'ACTIVE' and a.username = :u", Map.of("u", username)).stream()
                .findFirst();
    }

    private List<Holder> load(String where, Map<String, ?> params) {
        record Row(long id, String username, String displayName, long orgId, int clearance, boolean allFonds) {}
        var rows = jdbc.sql(
                        "select a.id, a.username, a.display_name, a.org_id, a.clearance, a.all_fonds from account a "
                                + where)
                .params(params)
                .query(Row.class)
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        var ids = rows.stream().map(Row::id).toList();
        var admins = new HashMap<Long, Boolean>();
        jdbc.sql("select account_id, role from account_role where account_id in (:ids)")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), Role.valueOf(rs.getString(2))))
                .list()
                .forEach(e -> admins.merge(e.getKey(), e.getValue().administrator(), Boolean::logicalOr));
        var fonds = new HashMap<Long, List<Long>>();
        jdbc.sql("select account_id, fonds_id from account_fonds where account_id in (:ids) order by fonds_id")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .list()
                .forEach(e -> fonds.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>())
                        .add(e.getValue()));
        var units = new HashMap<Long, String>();
        organisations.all().forEach(o -> units.put(o.id(), o.path()));
        return rows.stream()
                .filter(r -> units.containsKey(r.orgId()))
                .map(r -> new Holder(
                        r.username(),
                        r.displayName(),
                        units.get(r.orgId()),
                        r.allFonds() ? null : List.copyOf(fonds.getOrDefault(r.id(), List.of())),
                        r.clearance(),
                        admins.getOrDefault(r.id(), false)))
                .toList();
    }
}
