package org.siarchive.security;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.siarchive.shared.Actor;

/**
 * Accounts for tests, made through the real services: a known password, the roles, data scope and,
 * when asked, an enrolled TOTP secret whose codes the test computes like an authenticator app would.
 */
public final class TestAccounts {

    /** An account a test can log in with. */
    public record Login(long id, String username, String password, String totpSecret) {

        /** The next code: later than any used before for this secret (one step ahead at most). */
        public Supplier<String> codes() {
            return () -> nextCode(totpSecret);
        }
    }

    private static final Map<String, Long> LAST = new ConcurrentHashMap<>();

    static synchronized String nextCode(String secret) {
        long now = Totp.step(System.currentTimeMillis() / 1000);
        long step = LAST.merge(secret, now, (old, n) -> Math.max(old + 1, n));
        if (step > now + 1) {
            try {
                Thread.sleep((step - 1 - now) * Totp.PERIOD_SECONDS * 1000L + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Totp.code(secret, step);
    }

    public static String code(String secret) {
        return nextCode(secret);
    }

    private TestAccounts() {}

    public static Login create(
            Accounts accounts, String username, long orgId, Set<Role> roles, int clearance, boolean enrolTotp) {
        String password = "Test-" + username + "-9x";
        var a = accounts.provision(username, username, orgId, roles, password, false);
        boolean business = roles.stream().anyMatch(r -> !r.administrator());
        if (business) {
            accounts.setScope(a.id(), orgId, null, clearance, null, false, Actor.SYSTEM);
        }
        String secret = "";
        if (enrolTotp) {
            secret = accounts.startTotpEnrolment(a.id());
            if (!accounts.verifyTotp(a.id(), nextCode(secret), true, Actor.SYSTEM)) {
                throw new IllegalStateException("TOTP enrolment failed for " + username);
            }
        }
        return new Login(a.id(), username, password, secret);
    }
}
