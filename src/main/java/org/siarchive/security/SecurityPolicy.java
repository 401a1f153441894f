package org.siarchive.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Actor;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Security policy. Defaults come from {@code siarchive.security.policy.*} settings; the security
 * administrator overrides them in the console, each change audited. Values are read per use, so a
 * change applies to the next login or password change without a restart.
 */
@Component
public class SecurityPolicy {

    /** Every policy key with its default, lower bound and upper bound. */
    enum Key {
        PASSWORD_MIN_LENGTH("password.min-length", 8, 8, 64),
        PASSWORD_MIN_CLASSES("password.min-classes", 3, 3, 4),
        PASSWORD_MAX_AGE_DAYS("password.max-age-days", 90, 0, 365),
        PASSWORD_HISTORY("password.history", 5, 0, 24),
        LOCKOUT_THRESHOLD("lockout.threshold", 5, 3, 10),
        LOCKOUT_MINUTES("lockout.minutes", 15, 10, 1440),
        SESSION_IDLE_MINUTES("session.idle-minutes", 30, 5, 30);

        final String name;
        final int fallback;
        final int min;
        final int max;

        Key(String name, int fallback, int min, int max) {
            this.name = name;
            this.fallback = fallback;
            this.min = min;
            this.max = max;
        }
    }

    static final String TOTP_ROLES = "totp.roles";

    private final JdbcClient jdbc;
    private final Environment env;
    private final AuditTrail audit;

    SecurityPolicy(JdbcClient jdbc, Environment env, AuditTrail audit) {
        this.jdbc = jdbc;
        this.env = env;
        this.audit = audit;
    }

    int get(Key key) {
        var stored = jdbc.sql("select value from security_setting where key = :k")
                .param("k", key.name)
                .query(String.class)
                .optional();
        String raw = stored.orElseGet(() -> env.getProperty("siarchive.security.policy." + key.name));
        try {
            return raw == null ? key.fallback : Math.max(key.min, Math.min(key.max, Integer.parseInt(raw.strip())));
        } catch (NumberFormatException e) {
            return key.fallback;
        }
    }

    /** How long a session may stay idle (the policy's 会话空闲超时); the online service follows it too. */
    public java.time.Duration idleTimeout() {
        return java.time.Duration.ofMinutes(get(Key.SESSION_IDLE_MINUTES));
    }

    /** Business roles that must log in with a second factor besides approvers. */
    Set<Role> totpRoles() {
        String raw = jdbc.sql("select value from security_setting where key = :k")
                .param("k", TOTP_ROLES)
                .query(String.class)
                .optional()
                .orElseGet(() -> env.getProperty("siarchive.security.policy." + TOTP_ROLES, ""));
        var roles = EnumSet.noneOf(Role.class);
        Arrays.stream(raw.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .forEach(s -> {
                    try {
                        roles.add(Role.valueOf(s));
                    } catch (IllegalArgumentException ignored) {
                        // an unknown role name in the setting is ignored
                    }
                });
        return roles;
    }

    boolean requiresTotp(Set<Role> roles) {
        var extra = totpRoles();
        return roles.stream().anyMatch(r -> r.requiresSecondFactor() || extra.contains(r));
    }

    /** Current values, for the policy page. */
    Map<String, String> current() {
        var out = new LinkedHashMap<String, String>();
        for (var k : Key.values()) {
            out.put(k.name, Integer.toString(get(k)));
        }
        out.put(TOTP_ROLES, totpRoles().stream().map(Enum::name).collect(Collectors.joining(",")));
        return out;
    }

    /**
     * Changes several settings at once: every value is checked first and all violations are reported
     * together; only when all pass is anything written (one transaction, one audit entry per change).
     */
    @Transactional
    void setAll(Map<String, String> changes, Actor actor) {
        var v = new java.util.ArrayList<Violation>();
        var normalised = new LinkedHashMap<String, String>();
        changes.forEach((name, value) -> {
            try {
                normalised.put(name, normalise(name, value));
            } catch (InvalidInputException e) {
                v.addAll(e.violations());
            }
        });
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        normalised.forEach((name, value) -> write(name, value, actor));
    }

    @Transactional
    void set(String name, String value, Actor actor) {
        write(name, normalise(name, value), actor);
    }

    private static String normalise(String name, String value) {
        if (name.equals(TOTP_ROLES)) {
            var roles = Arrays.stream(value.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
            for (String r : roles) {
                try {
                    if (!Role.business().contains(Role.valueOf(r))) {
                        throw new IllegalArgumentException();
                    }
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(Violation.of(name, "code"));
                }
            }
            return String.join(",", roles);
        }
        var key = Arrays.stream(Key.values())
                .filter(k -> k.name.equals(name))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(Violation.of("key", "code")));
        int v;
        try {
            v = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(Violation.of(name, "integer"));
        }
        if (v < key.min || v > key.max) {
            throw new InvalidInputException(Violation.of(name, "range", key.min, key.max));
        }
        return Integer.toString(v);
    }

    private void write(String name, String normalised, Actor actor) {
        String before = current().get(name);
        jdbc.sql(
                        """
                insert into security_setting (key, value, updated_by) values (:k, :v, :by)
                on conflict (key) do update set value = excluded.value, updated_by = excluded.updated_by,
                    updated_at = now()
                """)
                .param("k", name)
                .param("v", normalised)
                .param("by", actor.name())
                .update();
        audit.record(actor, AuditedObject.POLICY, name, AuditOperation.UPDATE, null, before + " → " + normalised);
    }
}
