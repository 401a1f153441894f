package org.siarchive.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.organisation.Organisations;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The lockout holds against parallel guessing: however many wrong passwords or codes arrive at once,
 * no more than the policy's threshold of them is ever checked before the account locks.
 */
class LockoutUnderConcurrencyIT extends IntegrationTest {

    private static final int PARALLEL = 20;

    /** The burst used up the account's login allowance (10 a minute): one more comes after 6 s. */
    private static final long LOGIN_REFILL_MILLIS = 6_500;

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    AuditTrail audit;

    @Autowired
    SecurityPolicy policy;

    private final String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));

    @Test
    void parallelWrongPasswordsAreCheckedNoMoreThanTheThresholdAllows() throws Exception {
        var reader =
                TestAccounts.create(accounts, "race" + run, organisations.root().id(), Set.of(Role.READER), 2, false);
        var sessions = sessions(PARALLEL);

        var landed = inParallel(sessions, s -> s.post(
                        "/login", Map.of("username", reader.username(), "password", "wrong-" + s.hashCode()))
                .location());

        assertThat(checkedFailures(reader.username()))
                .as("wrong passwords checked (landed on %s)", landed)
                .isLessThanOrEqualTo(threshold());
        assertThat(operations(reader.username(), "LOCK")).isEqualTo(1);
        Thread.sleep(LOGIN_REFILL_MILLIS);
        assertThat(new ConsoleSession(port).login(reader.username(), reader.password(), () -> ""))
                .as("the right password while locked")
                .isEqualTo("/login?error=locked");
    }

    @Test
    void parallelWrongCodesAreCheckedNoMoreThanTheThresholdAllows() throws Exception {
        var approver = TestAccounts.create(
                accounts, "racetotp" + run, organisations.root().id(), Set.of(Role.APPROVER), 2, true);
        // one session per account: the parallel codes share the session that passed the password step
        var session = new ConsoleSession(port);
        session.get("/login");
        assertThat(session.post("/login", Map.of("username", approver.username(), "password", approver.password()))
                        .location())
                .endsWith("/login/totp");
        session.get("/login/totp");
        var sessions = java.util.Collections.nCopies(PARALLEL, session);

        inParallel(
                sessions, s -> s.post("/login/totp", Map.of("code", "000000")).location());

        assertThat(checkedFailures(approver.username()))
                .as("wrong codes checked")
                .isLessThanOrEqualTo(threshold());
        assertThat(operations(approver.username(), "LOCK")).isEqualTo(1);
        assertThat(new ConsoleSession(port).login(approver.username(), approver.password(), approver.codes()))
                .as("the right password and code while locked")
                .isEqualTo("/login?error=locked");
    }

    private int threshold() {
        return policy.get(SecurityPolicy.Key.LOCKOUT_THRESHOLD);
    }

    private List<ConsoleSession> sessions(int n) {
        var sessions = new ArrayList<ConsoleSession>();
        for (int i = 0; i < n; i++) {
            var s = new ConsoleSession(port);
            s.get("/login");
            sessions.add(s);
        }
        return sessions;
    }

    /** Each session's request at the same moment; the pages they landed on. */
    private static List<String> inParallel(List<ConsoleSession> sessions, Function<ConsoleSession, String> request)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(sessions.size());
        try {
            var start = new CountDownLatch(1);
            var futures = new ArrayList<Future<String>>();
            for (var s : sessions) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.apply(s);
                }));
            }
            start.countDown();
            var landed = new ArrayList<String>();
            for (var f : futures) {
                landed.add(String.valueOf(f.get()));
            }
            return landed;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Failed attempts that were actually checked: each leaves one LOGIN FAILURE entry. */
    private long checkedFailures(String username) {
        return audit.forObject(AuditedObject.ACCOUNT, username).stream()
                .filter(e -> e.operation().equals("LOGIN") && e.result().equals(AuditTrail.FAILURE))
                .count();
    }

    private long operations(String username, String operation) {
        return audit.forObject(AuditedObject.ACCOUNT, username).stream()
                .filter(e -> e.operation().equals(operation))
                .count();
    }
}
