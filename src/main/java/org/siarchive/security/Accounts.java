package org.siarchive.security;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditTrail;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts and their life cycle under 三员分立: the system administrator creates, disables and resets
 * accounts; the security administrator approves them, grants roles and data scope; nobody grants to
 * themselves; every change is audited in its own transaction.
 */
@Component
public class Accounts {

    static final String TOTP_CONTEXT = "account.totp_secret";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Passwords passwords;
    private final SecurityPolicy policy;
    private final FieldCipher cipher;
    private final Organisations organisations;

    Accounts(
            JdbcClient jdbc,
            AuditTrail audit,
            Passwords passwords,
            SecurityPolicy policy,
            FieldCipher cipher,
            Organisations organisations) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.passwords = passwords;
        this.policy = policy;
        this.cipher = cipher;
        this.organisations = organisations;
    }

    /** A new account and its one-time password, which is shown once and never stored in clear. */
    public record Created(Account account, String oneTimePassword) {}

    private static final String SELECT =
            """
            select a.id, a.username, a.display_name, a.org_id, o.code as org_code, o.name as org_name,
                   o.path as org_path, a.status, a.all_fonds, a.clearance, a.allowed_networks, a.totp_enabled,
                   a.totp_required, a.must_change, a.password_changed_at, a.failed_logins, a.locked_until,
                   a.created_at, a.created_by, a.approved_by, a.last_login_at, a.last_login_ip
            from account a join org_unit o on o.id = a.org_id
            """;

    public List<Account> list() {
        return load(SELECT + " order by a.username", Map.of());
    }

    public Optional<Account> byId(long id) {
        return load(SELECT + " where a.id = :id", Map.of("id", id)).stream().findFirst();
    }

    public Optional<Account> byUsername(String username) {
        return load(SELECT + " where a.username = :u", Map.of("u", username)).stream()
                .findFirst();
    }

    public Account require(long id) {
        return byId(id).orElseThrow(() -> new NotFoundException("ACCOUNT", Long.toString(id)));
    }

    private List<Account> load(String sql, Map<String, ?> params) {
        var rows = jdbc.sql(sql)
                .params(params)
                .query((rs, n) -> {
                    var m = new HashMap<String, Object>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        m.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    m.put("password_changed_at", rs.getObject("password_changed_at", OffsetDateTime.class));
                    m.put("locked_until", rs.getObject("locked_until", OffsetDateTime.class));
                    m.put("created_at", rs.getObject("created_at", OffsetDateTime.class));
                    m.put("last_login_at", rs.getObject("last_login_at", OffsetDateTime.class));
                    return m;
                })
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        var ids = rows.stream().map(r -> ((Number) r.get("id")).longValue()).toList();
        var roles = new HashMap<Long, Set<Role>>();
        jdbc.sql("select account_id, role from account_role where account_id in (:ids)")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list()
                .forEach(e -> roles.computeIfAbsent(e.getKey(), k -> EnumSet.noneOf(Role.class))
                        .add(Role.valueOf(e.getValue())));
        var fonds = new HashMap<Long, List<Long>>();
        jdbc.sql("select account_id, fonds_id from account_fonds where account_id in (:ids) order by fonds_id")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .list()
                .forEach(e -> fonds.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return rows.stream()
                .map(r -> {
                    long id = ((Number) r.get("id")).longValue();
                    return new Account(
                            id,
                            (String) r.get("username"),
                            (String) r.get("display_name"),
                            ((Number) r.get("org_id")).longValue(),
                            (String) r.get("org_code"),
                            (String) r.get("org_name"),
                            (String) r.get("org_path"),
                            (String) r.get("status"),
                            Set.copyOf(roles.getOrDefault(id, EnumSet.noneOf(Role.class))),
                            (Boolean) r.get("all_fonds"),
                            List.copyOf(fonds.getOrDefault(id, List.of())),
                            ((Number) r.get("clearance")).intValue(),
                            (String) r.get("allowed_networks"),
                            (Boolean) r.get("totp_enabled"),
                            (Boolean) r.get("totp_required"),
                            (Boolean) r.get("must_change"),
                            (OffsetDateTime) r.get("password_changed_at"),
                            ((Number) r.get("failed_logins")).intValue(),
                            (OffsetDateTime) r.get("locked_until"),
                            (OffsetDateTime) r.get("created_at"),
                            (String) r.get("created_by"),
                            (String) r.get("approved_by"),
                            (OffsetDateTime) r.get("last_login_at"),
                            (String) r.get("last_login_ip"));
                })
                .toList();
    }

    // ---- system administrator -------------------------------------------------------------------

    /** Creates an account awaiting the security administrator's approval, with a one-time password. */
    @Transactional
    public Created create(String username, String displayName, long orgId, Actor actor) {
        String u = username == null ? "" : username.strip();
        var v = new ArrayList<Violation>();
        if (!u.matches("[A-Za-z][A-Za-z0-9._-]{2,63}")) {
            v.add(Violation.of("username", "username"));
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
            v.add(Violation.of("displayName", "required"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        organisations.require(orgId);
        if (byUsername(u).isPresent()) {
            throw new ConflictException("conflict.usernameTaken", u);
        }
        String otp = Passwords.oneTime();
        long id = insert(u, displayName.strip(), orgId, passwords.hash(otp), "PENDING", actor.name());
        audit.record(
                actor,
                "ACCOUNT",
                u,
                "CREATE",
                null,
                "org " + organisations.require(orgId).code());
        return new Created(require(id), otp);
    }

    /**
     * Provisioning by the platform itself (first start, demo): an active account with its roles, audited
     * as the system. Never reachable from a request.
     */
    @Transactional
    public Account provision(
            String username, String displayName, long orgId, Set<Role> roles, String password, boolean mustChange) {
        long id = insert(username, displayName, orgId, passwords.hash(password), "ACTIVE", Actor.SYSTEM.name());
        jdbc.sql("update account set must_change = :m, approved_by = 'system' where id = :id")
                .param("m", mustChange)
                .param("id", id)
                .update();
        for (Role r : roles) {
            jdbc.sql("insert into account_role (account_id, role, granted_by) values (:id, :r, 'system')")
                    .param("id", id)
                    .param("r", r.name())
                    .update();
        }
        audit.record(Actor.SYSTEM, "ACCOUNT", username, "PROVISION", null, "roles " + roles);
        return require(id);
    }

    public boolean anyWithRole(Role role) {
        return jdbc.sql("select exists (select 1 from account_role where role = :r)")
                .param("r", role.name())
                .query(Boolean.class)
                .single();
    }

    long insert(String username, String displayName, long orgId, String hash, String status, String createdBy) {
        long id = jdbc.sql(
                        """
                insert into account (username, display_name, org_id, password_hash, status, created_by, must_change)
                values (:u, :d, :o, :h, :s, :by, true) returning id
                """)
                .param("u", username)
                .param("d", displayName)
                .param("o", orgId)
                .param("h", hash)
                .param("s", status)
                .param("by", createdBy)
                .query(Long.class)
                .single();
        jdbc.sql("insert into password_history (account_id, password_hash) values (:id, :h)")
                .param("id", id)
                .param("h", hash)
                .update();
        return id;
    }

    @Transactional
    public void disable(long id, String reason, Actor actor) {
        var a = require(id);
        requireReason(reason);
        notSelf(a, actor);
        jdbc.sql("update account set status = 'DISABLED' where id = :id")
                .param("id", id)
                .update();
        audit.record(actor, "ACCOUNT", a.username(), "DISABLE", reason, null);
    }

    @Transactional
    public void enable(long id, String reason, Actor actor) {
        var a = require(id);
        requireReason(reason);
        notSelf(a, actor);
        if (!"DISABLED".equals(a.status())) {
            throw new ConflictException("conflict.accountNotDisabled", a.username());
        }
        jdbc.sql("update account set status = 'ACTIVE', failed_logins = 0, locked_until = null where id = :id")
                .param("id", id)
                .update();
        audit.record(actor, "ACCOUNT", a.username(), "ENABLE", reason, null);
    }

    /** A new one-time password; the account must change it at the next login. Clears a lockout. */
    @Transactional
    public String resetPassword(long id, String reason, Actor actor) {
        var a = require(id);
        requireReason(reason);
        notSelf(a, actor);
        String otp = Passwords.oneTime();
        String hash = passwords.hash(otp);
        jdbc.sql(
                        """
                update account set password_hash = :h, must_change = true, password_changed_at = now(),
                    failed_logins = 0, locked_until = null where id = :id
                """)
                .param("h", hash)
                .param("id", id)
                .update();
        audit.record(actor, "ACCOUNT", a.username(), "RESET_PASSWORD", reason, null);
        return otp;
    }

    // ---- security administrator -----------------------------------------------------------------

    @Transactional
    public void approve(long id, Actor actor) {
        var a = require(id);
        notSelf(a, actor);
        if (!"PENDING".equals(a.status())) {
            throw new ConflictException("conflict.accountNotPending", a.username());
        }
        if (a.createdBy().equals(actor.name())) {
            throw new ConflictException("conflict.approveOwnCreation", a.username());
        }
        jdbc.sql("update account set status = 'ACTIVE', approved_by = :by where id = :id")
                .param("by", actor.name())
                .param("id", id)
                .update();
        audit.record(actor, "ACCOUNT", a.username(), "APPROVE", null, null);
    }

    /** Grants a role, enforcing 三员分立: one administrator role at most, never with a business role. */
    @Transactional
    public void grant(long id, Role role, Actor actor) {
        var a = require(id);
        notSelf(a, actor);
        if (a.roles().contains(role)) {
            return;
        }
        for (Role held : a.roles()) {
            if (held.administrator() && role.administrator()) {
                throw new ConflictException("conflict.twoAdministratorRoles", a.username(), held.name(), role.name());
            }
            if (held.administrator() != role.administrator()) {
                throw new ConflictException("conflict.adminAndBusinessRole", a.username(), held.name(), role.name());
            }
        }
        jdbc.sql("insert into account_role (account_id, role, granted_by) values (:id, :r, :by)")
                .param("id", id)
                .param("r", role.name())
                .param("by", actor.name())
                .update();
        audit.record(actor, "ACCOUNT", a.username(), "GRANT_ROLE", null, role.name());
    }

    @Transactional
    public void revoke(long id, Role role, Actor actor) {
        var a = require(id);
        notSelf(a, actor);
        int n = jdbc.sql("delete from account_role where account_id = :id and role = :r")
                .param("id", id)
                .param("r", role.name())
                .update();
        if (n > 0) {
            audit.record(actor, "ACCOUNT", a.username(), "REVOKE_ROLE", null, role.name());
        }
    }

    /** Data scope: organisation subtree (by the account's unit), fonds (null = all) and clearance. */
    @Transactional
    public void setScope(
            long id,
            long orgId,
            @Nullable List<Long> fondsIds,
            int clearance,
            @Nullable String allowedNetworks,
            boolean totpRequired,
            Actor actor) {
        var a = require(id);
        notSelf(a, actor);
        var v = new ArrayList<Violation>();
        if (clearance < 1 || clearance > 3) {
            v.add(Violation.of("clearance", "range", 1, 3));
        }
        String networks = allowedNetworks == null || allowedNetworks.isBlank() ? null : allowedNetworks.strip();
        if (networks != null) {
            if (networks.length() > 500) {
                v.add(Violation.of("allowedNetworks", "maxLength", 500));
            }
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
        jdbc.sql(
                        """
                update account set org_id = :org, all_fonds = :all, clearance = :c, allowed_networks = :n,
                    totp_required = :t where id = :id
                """)
                .param("org", orgId)
                .param("all", fondsIds == null)
                .param("c", clearance)
                .param("n", networks)
                .param("t", totpRequired)
                .param("id", id)
                .update();
        jdbc.sql("delete from account_fonds where account_id = :id")
                .param("id", id)
                .update();
        if (fondsIds != null) {
            for (Long f : fondsIds) {
                jdbc.sql("insert into account_fonds (account_id, fonds_id) values (:id, :f) on conflict do nothing")
                        .param("id", id)
                        .param("f", f)
                        .update();
            }
        }
        audit.record(
                actor,
                "ACCOUNT",
                a.username(),
                "SET_SCOPE",
                null,
                "org " + org.code() + ", fonds " + (fondsIds == null ? "all" : fondsIds) + ", clearance " + clearance
                        + ", networks " + (networks == null ? "any" : networks) + ", totp " + totpRequired);
    }

    // ---- the account itself ---------------------------------------------------------------------

    @Transactional
    public void changePassword(long id, String current, String next, Actor actor) {
        var a = require(id);
        String hash = passwordHash(id);
        if (current == null || !passwords.matches(current, hash)) {
            throw new InvalidInputException(Violation.of("currentPassword", "passwordWrong"));
        }
        var v = new ArrayList<>(Passwords.check(
                next == null ? "" : next,
                a.username(),
                policy.get(SecurityPolicy.Key.PASSWORD_MIN_LENGTH),
                policy.get(SecurityPolicy.Key.PASSWORD_MIN_CLASSES)));
        if (v.isEmpty()) {
            int history = Math.max(1, policy.get(SecurityPolicy.Key.PASSWORD_HISTORY));
            var previous = jdbc.sql(
                            "select password_hash from password_history where account_id = :id order by set_at desc limit :n")
                    .param("id", id)
                    .param("n", history)
                    .query(String.class)
                    .list();
            if (passwords.matches(next, hash) || previous.stream().anyMatch(p -> passwords.matches(next, p))) {
                v.add(Violation.of("newPassword", "passwordReused", history));
            }
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        String newHash = passwords.hash(next);
        jdbc.sql(
                        "update account set password_hash = :h, must_change = false, password_changed_at = now() where id = :id")
                .param("h", newHash)
                .param("id", id)
                .update();
        jdbc.sql("insert into password_history (account_id, password_hash) values (:id, :h)")
                .param("id", id)
                .param("h", newHash)
                .update();
        audit.record(actor, "ACCOUNT", a.username(), "CHANGE_PASSWORD", null, null);
    }

    String passwordHash(long id) {
        return jdbc.sql("select password_hash from account where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    /** Starts TOTP enrolment: a new secret, stored encrypted, active once a first code is confirmed. */
    @Transactional
    public String startTotpEnrolment(long id) {
        String secret = Totp.newSecret();
        jdbc.sql("update account set totp_secret = :s, totp_enabled = false, totp_last_step = 0 where id = :id")
                .param("s", cipher.encrypt(secret, TOTP_CONTEXT))
                .param("id", id)
                .update();
        return secret;
    }

    @Nullable
    String totpSecret(long id) {
        byte[] stored = jdbc.sql("select totp_secret from account where id = :id")
                .param("id", id)
                .query(byte[].class)
                .optional()
                .orElse(null);
        return cipher.decrypt(stored, TOTP_CONTEXT);
    }

    /** Checks a code (no code is accepted twice); on the first success of an enrolment, enables TOTP. */
    @Transactional
    public boolean verifyTotp(long id, String code, boolean enrolling, Actor actor) {
        String secret = totpSecret(id);
        var a = require(id);
        if (secret == null) {
            return false;
        }
        long last = jdbc.sql("select totp_last_step from account where id = :id for update")
                .param("id", id)
                .query(Long.class)
                .single();
        long step = Totp.matchingStep(secret, code, System.currentTimeMillis() / 1000, last);
        if (step < 0) {
            return false;
        }
        jdbc.sql("update account set totp_last_step = :s, totp_enabled = true where id = :id")
                .param("s", step)
                .param("id", id)
                .update();
        if (enrolling) {
            audit.record(actor, "ACCOUNT", a.username(), "ENROL_TOTP", null, null);
        }
        return true;
    }

    /** Removes a TOTP enrolment (lost phone): the account enrols again at its next login. */
    @Transactional
    public void resetTotp(long id, String reason, Actor actor) {
        var a = require(id);
        requireReason(reason);
        notSelf(a, actor);
        jdbc.sql("update account set totp_secret = null, totp_enabled = false, totp_last_step = 0 where id = :id")
                .param("id", id)
                .update();
        audit.record(actor, "ACCOUNT", a.username(), "RESET_TOTP", reason, null);
    }

    public Set<String> permissions(Account a) {
        return a.roles().stream().flatMap(r -> r.permissions().stream()).collect(Collectors.toSet());
    }

    boolean passwordExpired(Account a, OffsetDateTime now) {
        int days = policy.get(SecurityPolicy.Key.PASSWORD_MAX_AGE_DAYS);
        return days > 0 && a.passwordChangedAt().plusDays(days).isBefore(now);
    }

    private static void requireReason(@Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(Violation.of("reason", "required"));
        }
        if (reason.length() > 500) {
            throw new InvalidInputException(Violation.of("reason", "maxLength", 500));
        }
    }

    private static void notSelf(Account a, Actor actor) {
        if (a.username().equals(actor.name())) {
            throw new ConflictException("conflict.ownAccount", a.username());
        }
    }
}
