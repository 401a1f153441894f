package org.siarchive.security;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Violation;
import org.springframework.stereotype.Component;

/**
 * The staff rules for credentials, offered to other modules that keep accounts of their own (the online
 * service's fallback login): Argon2id password hashes, the password policy, the lockout threshold and
 * duration, and RFC 6238 one-time codes. Values are read from the policy on each call, so an administrator's
 * change applies to these accounts too.
 */
@Component
public class Credentials {

    private static final String ISSUER = "SIArchive";

    private final Passwords passwords;
    private final SecurityPolicy policy;
    private final String dummy;

    Credentials(Passwords passwords, SecurityPolicy policy) {
        this.passwords = passwords;
        this.policy = policy;
        this.dummy = passwords.hash(Passwords.oneTime());
    }

    public String hash(String raw) {
        return passwords.hash(raw);
    }

    /** Whether {@code raw} matches; with no hash a dummy one is checked, so the answer takes as long. */
    public boolean matches(@Nullable String raw, @Nullable String hash) {
        if (raw == null || raw.isEmpty()) {
            return false;
        }
        boolean ok = passwords.matches(raw, hash == null ? dummy : hash);
        return hash != null && ok;
    }

    /** What the password policy finds wrong with {@code raw}, each named {@code field}. */
    public List<Violation> passwordProblems(String raw, String field, String name) {
        return Passwords.check(
                        raw,
                        name,
                        policy.get(SecurityPolicy.Key.PASSWORD_MIN_LENGTH),
                        policy.get(SecurityPolicy.Key.PASSWORD_MIN_CLASSES))
                .stream()
                .map(v -> new Violation(field, v.rule(), v.messageKey(), v.args()))
                .toList();
    }

    /** Failed attempts that lock an account (the policy's 登录失败锁定阈值). */
    public int lockoutThreshold() {
        return policy.get(SecurityPolicy.Key.LOCKOUT_THRESHOLD);
    }

    /** How long a locked account stays locked. */
    public Duration lockoutDuration() {
        return Duration.ofMinutes(policy.get(SecurityPolicy.Key.LOCKOUT_MINUTES));
    }

    /** A new TOTP secret (Base32). */
    public String newTotpSecret() {
        return Totp.newSecret();
    }

    /** The time step {@code code} belongs to (now ±1, after {@code lastStep}), or -1 when it does not match. */
    public long totpStep(String secret, @Nullable String code, long lastStep) {
        return code == null ? -1 : Totp.matchingStep(secret, code.strip(), System.currentTimeMillis() / 1000, lastStep);
    }

    /** The code of {@code secret} for the current time step (tests, and an authenticator of one's own). */
    public String totpCode(String secret) {
        return Totp.code(secret, Totp.step(System.currentTimeMillis() / 1000));
    }

    /** The otpauth URI an authenticator app reads. */
    public String totpUri(String account, String secret) {
        return Totp.uri(ISSUER, account, secret);
    }
}
