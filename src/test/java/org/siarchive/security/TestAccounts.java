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

    /** One Chinese character per letter, so that every login gets its own name a zh-CN reader can read. */
    private static final String LETTERS = "安白陈丁鄂方高洪伊江康林孟宁欧潘秦任宋唐乌魏吴夏杨张";

    /**
     * The display name a test account goes by (显示名), as people read it: 测试 and one Chinese character per
     * letter of the login, then its digits — {@code labclerk123456} is 测试林安白陈林鄂任康123456. Pages show
     * this name, never the login (issue 14).
     */
    public static String displayName(String username) {
        var out = new StringBuilder("测试");
        for (char c : username.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                out.append(LETTERS.charAt(c - 'a'));
            } else if (c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.length() > 100 ? out.substring(0, 100) : out.toString();
    }

    public static Login create(
            Accounts accounts, String username, long orgId, Set<Role> roles, int clearance, boolean enrolTotp) {
        String password = "Test-" + username + "-9x";
        var a = accounts.provision(username, displayName(username), orgId, roles, password, false);
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
