package org.siarchive.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Login and public verification are rate limited with the defaults (30 logins per address, 10 per
 * account, 30 verifications per address, each per minute): past the allowance the answer is 429 with
 * Retry-After and a problem detail. Each test knocks from a loopback address of its own (127.0.0.x).
 */
class RateLimitsIT extends IntegrationTest {

    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;

    private final int run = ThreadLocalRandom.current().nextInt(100_000, 999_999);

    /** A loopback address no other test run uses at the same time. */
    private String address(int test) {
        return "127.0." + (10 + test) + "." + (1 + run % 250);
    }

    @Test
    void loginsFromOneAddressArePacedWhateverTheAccount() {
        var client = new RawHttp(port, address(1));
        for (int i = 0; i < 30; i++) {
            var r = client.send("POST", "/login", FORM, "username=spray" + run + "x" + i + "&password=x");
            assertThat(r.status()).as("attempt %d", i + 1).isNotEqualTo(429);
        }

        var refused = client.send("POST", "/login", FORM, "username=spray" + run + "y&password=x");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("请求过于频繁");
        assertThat(audit.forObject(AuditedObject.ACCOUNT, "spray" + run + "y"))
                .as("a refused attempt is never checked")
                .isEmpty();
    }

    @Test
    void loginsToOneAccountArePacedWhateverTheAddress() {
        String account = "target" + run;
        for (int i = 0; i < 10; i++) {
            var r = new RawHttp(port, address(2 + i % 3)).send("POST", "/login", FORM, "username=" + account);
            assertThat(r.status()).as("attempt %d", i + 1).isNotEqualTo(429);
        }

        var refused = new RawHttp(port, address(5))
                .send(
                        "POST",
                        "/login",
                        Map.of("Content-Type", FORM.get("Content-Type"), "Cookie", "siarchive-lang=en"),
                        "username=" + account.toUpperCase());

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(refused.body()).contains("Too many requests");
    }

    @Test
    void publicVerificationIsPacedPerAddressForGetAndPost() {
        var client = new RawHttp(port, address(6));
        for (int i = 0; i < 15; i++) {
            assertThat(client.get("/verify/NOCODE" + i, Map.of()).status()).isNotEqualTo(429);
            assertThat(client.send("POST", "/verify/NOCODE" + i, FORM, "").status())
                    .isNotEqualTo(429);
        }

        assertThat(client.get("/verify/NOCODE", Map.of()).status()).isEqualTo(429);
        assertThat(client.send("POST", "/verify/NOCODE", FORM, "").status()).isEqualTo(429);
        assertThat(new RawHttp(port, address(7)).get("/verify/NOCODE", Map.of()).status())
                .as("another address has its own allowance")
                .isNotEqualTo(429);
    }
}
