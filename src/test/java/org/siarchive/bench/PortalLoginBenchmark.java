package org.siarchive.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.portal.PortalAccounts;
import org.siarchive.portal.PortalUser;
import org.siarchive.security.Credentials;
import org.siarchive.shared.Actor;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.PortalBrowser;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Portal sign-in under load (issue 19): N portal users ({@code -Dbench.users}, default 200) with fallback accounts
 * (name, 公民身份号码, phone, one Argon2id password hash) are created up front; then C concurrent clients
 * ({@code -Dbench.clients}, default 8) take the users in turn, each over HTTP like a browser: the sign-in page (for
 * its CSRF cookie), the password sign-in (timed: Argon2id check, lockout bookkeeping, session row, audit entry) and
 * the listing of their own items, {@code GET /portal/items} (timed: session lookup, the person by ID number, the
 * withholding rule, one page of items, the audit entry of the listing). Each user has {@code -Dbench.items} items
 * (default 5) captured up front through the ordinary capture path. Prints p50/p95 of each, the throughput and the JVM's
 * peak heap, and writes target/bench/portal-login.txt.
 */
@Tag("bench")
class PortalLoginBenchmark extends IntegrationTest {

    private static final int USERS = Integer.getInteger("bench.users", 200);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    private static final String PASSWORD = "Bench#2026pw";
    private static final String LISTING = System.getProperty("bench.listing", "/portal/items");
    private static final int ITEMS = Integer.getInteger("bench.items", 5);

    @Autowired
    org.siarchive.capture.Captures captures;

    @LocalServerPort
    int port;

    @Autowired
    PortalAccounts accounts;

    @Autowired
    Credentials credentials;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoHundredUsersSignInAndListTheirItems() throws Exception {
        var out = new StringBuilder();
        long t0 = System.nanoTime();
        String hash = credentials.hash(PASSWORD);
        var certs = new ArrayList<String>();
        for (int i = 0; i < USERS; i++) {
            String cert = Samples.citizenId(1950 + i % 50);
            long id = accounts.ensure(
                    PortalUser.Kind.PERSON, "基准用户" + i, cert, "1380000" + String.format("%04d", i), Actor.SYSTEM);
            jdbc.sql("update portal_account set password_hash = :h where id = :a")
                    .param("h", hash)
                    .param("a", id)
                    .update();
            certs.add(cert);
            for (int k = 0; k < ITEMS; k++) {
                captures.capture(
                        Samples.personEnrolment(Samples.acceptanceNo(), cert, "基准用户" + i),
                        List.of(
                                org.siarchive.capture.Upload.ofBytes("a.png", Samples.png(900_000L + i * 10L + k)),
                                org.siarchive.capture.Upload.ofBytes("b.pdf", Samples.pdf("bench " + i + " " + k))),
                        null,
                        Actor.SYSTEM);
            }
        }
        line(
                out,
                "setup: %d fallback accounts with %d items each in %.1f s",
                USERS,
                ITEMS,
                (System.nanoTime() - t0) / 1e9);

        // warm-up: a few sign-ins that are not timed (JIT, connection pool, templates)
        for (int i = 0; i < Math.min(10, USERS); i++) {
            signIn(certs.get(i), new long[2]);
        }

        var heap = PeakHeap.watch();
        var logins = new ConcurrentLinkedQueue<Long>();
        var listings = new ConcurrentLinkedQueue<Long>();
        var pool = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (String cert : certs) {
            done.add(pool.submit(() -> {
                var ms = new long[2];
                signIn(cert, ms);
                logins.add(ms[0]);
                listings.add(ms[1]);
            }));
        }
        for (var f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        String heapLine = heap.line();
        heap.close();

        line(out, "| request | p50 ms | p95 ms | max ms | count |");
        line(out, "|---|---|---|---|---|");
        long loginP95 = row(out, "POST /portal/login (password)", logins);
        long listingP95 = row(out, "GET " + LISTING + " (signed in)", listings);
        line(
                out,
                "%d users by %d concurrent clients in %.1f s: %.1f sign-ins (with listing) per second",
                USERS,
                CLIENTS,
                seconds,
                USERS / seconds);
        line(out, "%s", heapLine);
        System.out.print(out);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/portal-login.txt"), out.toString());
        assertThat(logins).hasSize(USERS);
        assertThat(loginP95).isPositive();
        assertThat(listingP95).isPositive();
    }

    /** One user's sign-in and listing over HTTP; {@code ms} gets the two timings. */
    private void signIn(String cert, long[] ms) {
        var browser = new PortalBrowser(port);
        assertThat(browser.get("/portal/login").status()).isEqualTo(200);
        long t = System.nanoTime();
        var in = browser.post(
                "/portal/login", Map.of("kind", "PERSON", "certNo", cert, "password", PASSWORD, "totp", ""));
        ms[0] = (System.nanoTime() - t) / 1_000_000;
        assertThat(in.status()).as(cert).isEqualTo(302);
        assertThat(in.location()).endsWith("/portal");
        t = System.nanoTime();
        var page = browser.get(LISTING);
        ms[1] = (System.nanoTime() - t) / 1_000_000;
        assertThat(page.status()).isEqualTo(200);
        if (LISTING.equals("/portal/items") && ITEMS > 0) {
            assertThat(page.body()).as("the user's own items are listed").contains("基准用户");
        }
    }

    private static long row(StringBuilder out, String name, ConcurrentLinkedQueue<Long> samples) {
        long[] ms = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        long p50 = ms[ms.length / 2];
        long p95 = ms[(int) Math.ceil(ms.length * 0.95) - 1];
        line(out, "| %s | %d | %d | %d | %d |", name, p50, p95, ms[ms.length - 1], ms.length);
        return p95;
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(format, args)).append('\n');
    }
}
