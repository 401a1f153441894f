package org.siarchive.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.siarchive.audit.AuditChain;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Actor;
import org.siarchive.support.ApiClient;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile values for every parameter and field of the whole surface — the operations of
 * {@code /v3/api-docs} and the forms and links of every console page each role reaches — sent as
 * anonymous, with the API token and with each role's console session. Whatever comes back: no 5xx, no
 * stack trace, Java class name or file-system path, nothing written by a refused request (business rows
 * and OCFL objects and versions), and an audit chain that still verifies (docs/adr/0036).
 *
 * <p>Seeded: the seed is printed; {@code -Dfuzz.seed=…} replays it, {@code -Dfuzz.requests=…} sets how many
 * requests are sent (a slice for the build, more by hand).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurfaceFuzzIT extends IntegrationTest {

    static final int DEFAULT_REQUESTS = 1_200;

    /** Rows that only a request writes (background work — search index, scans, sweeps, samples — excluded). */
    static final List<String> BUSINESS_TABLES = List.of(
            "fonds",
            "person",
            "employer",
            "box",
            "volume",
            "item",
            "item_file",
            "org_unit",
            "account",
            "account_role",
            "api_token",
            "archive_code_rule",
            "archive_scope",
            "security_setting",
            "scan_batch",
            "check_item_setting",
            "transfer_export",
            "transfer_receipt",
            "loan_request",
            "loan_approval",
            "physical_loan",
            "certificate");

    /**
     * What the fuzzer leaves alone: its own session's end, settings other tests rely on (policy, token
     * revocation, check items switched off), own passwords, heavy whole-store runs and exports.
     */
    static final Pattern SPARED = Pattern.compile(
            "POST /logout|POST /admin/policy.*|POST /admin/tokens/.+|POST /integrity/sweeps.*|POST /checks/runs"
                    + "|POST /account/.*|POST /checks/items/.*|.*/export.*|POST /monitoring/rules/.*");

    /** Login and public verification are throttled per address: a few requests are enough there. */
    static final Pattern FEW = Pattern.compile("POST /login.*|.*/verify.*|.*/login/.*");

    static final Pattern LEAK = Pattern.compile(
            "Exception|\\bat (org|java|jdk|sun)\\.|org\\.siarchive\\.|java\\.(lang|io|util|nio)\\.|PSQL|SQLState"
                    + "|tools\\.jackson|org\\.springframework");

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    AuditChain chain;

    @Autowired
    JdbcClient jdbc;

    final String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    final Map<String, Caller> callers = new LinkedHashMap<>();
    final Set<Long> ownAccounts = new LinkedHashSet<>();
    final Map<String, Integer> perRole = new TreeMap<>();
    final Map<Integer, Integer> perStatus = new TreeMap<>();
    final Map<String, Integer> pages = new TreeMap<>();
    final Map<String, Integer> perTarget = new LinkedHashMap<>();
    final List<String> failures = new ArrayList<>();
    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    record Target(Surface.Target target, String caller) {}

    /** Status and body of one answer. */
    record Answer(int status, String body, String location) {}

    /** Who sends: anonymous, the API token or a role's console session. */
    interface Caller {
        Answer send(HttpRequest.Builder request);

        String csrf();
    }

    @BeforeAll
    void callers() {
        var root = organisations.root();
        var county = organisations.create(root.id(), "FZ" + run, "模糊测试县" + run, "COUNTY", Actor.SYSTEM);
        callers.put("anonymous", plain(null));
        callers.put("api-token", plain(ApiClient.initialToken()));
        for (Role r : Role.values()) {
            long org = r == Role.CLERK || r == Role.READER ? county.id() : root.id();
            var login = TestAccounts.create(
                    accounts, "fz" + r.name().toLowerCase() + run, org, Set.of(r), 3, r.requiresSecondFactor());
            ownAccounts.add(login.id());
            var session = new ConsoleSession(port);
            assertThat(session.login(login.username(), login.password(), login.codes()))
                    .as("login of %s", r)
                    .isEqualTo("/");
            session.get("/account");
            callers.put(r.name().toLowerCase(), session(session));
        }
    }

    @Test
    void hostileValuesOnEverySurfaceAnswerAProblemWriteNothingAndLeaveTheAuditChainIntact() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        int budget = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
        System.out.printf(
                "fuzz seed=%d requests=%d (replay: -Dfuzz.seed=%d -Dfuzz.requests=%d)%n", seed, budget, seed, budget);
        var random = new Random(seed);
        var before = chain.verify();
        var targets = targets();
        Collections.shuffle(targets, random);
        System.out.println("fuzz console pages read per role: " + pages);
        System.out.printf(
                "fuzz surface: %d targets: %s%n",
                targets.size(),
                targets.stream().map(t -> t.target().key()).distinct().sorted().toList());

        for (int i = 0; i < budget && !targets.isEmpty(); i++) {
            var t = targets.get(i % targets.size());
            if (FEW.matcher(t.target().key()).matches()
                    && perTarget.getOrDefault(t.caller() + t.target().key(), 0) >= 3) {
                continue;
            }
            perTarget.merge(t.caller() + t.target().key(), 1, Integer::sum);
            fire(t, random);
        }

        System.out.println("fuzz requests per role: " + perRole);
        System.out.println("fuzz answers per status: " + perStatus);
        var after = chain.verify();
        assertThat(failures).as("fuzz findings (seed %d)", seed).isEmpty();
        if (before.intact()) {
            assertThat(after.intact())
                    .as("audit chain after fuzzing: %s", after.findings())
                    .isTrue();
        } else {
            assertThat(after.findings()).as("audit chain after fuzzing").hasSameSizeAs(before.findings());
        }
        assertThat(perRole.keySet()).containsAll(callers.keySet());
    }

    // ---------------------------------------------------------------- the surface per caller

    private List<Target> targets() {
        var doc = ApiClient.JSON.readTree(
                plainSend(null, HttpRequest.newBuilder(uri("/v3/api-docs")).GET())
                        .body());
        Json.doc = doc;
        var api = Surface.operations(doc);
        assertThat(api).as("operations in /v3/api-docs").hasSizeGreaterThan(10);
        var out = new ArrayList<Target>();
        for (String caller : callers.keySet()) {
            api.forEach(op -> out.add(new Target(op, caller)));
            console(caller).forEach(form -> out.add(new Target(form, caller)));
        }
        return out.stream()
                .filter(t -> !SPARED.matcher(t.target().key()).matches())
                .filter(t ->
                        !t.target().fields().isEmpty() || !t.target().body().equals("none"))
                .filter(t -> !t.target().key().startsWith("POST /login")
                        || t.caller().equals("anonymous"))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    /** The forms and links of the console pages a caller reaches from its start page (breadth first). */
    private List<Surface.Target> console(String caller) {
        var c = callers.get(caller);
        var seen = new LinkedHashSet<String>();
        var queue = new ArrayDeque<>(List.of("/", "/login", "/verify"));
        var found = new ArrayList<Surface.Target>();
        while (!queue.isEmpty() && seen.size() < 40) {
            String page = queue.poll();
            if (!seen.add(page) || SPARED.matcher("GET " + page).matches() || page.startsWith("/logout")) {
                continue;
            }
            var a = c.send(HttpRequest.newBuilder(uri(page))
                    .header("Accept", "text/html")
                    .GET());
            if (a.location() != null && a.status() / 100 == 3) {
                queue.add(URI.create(a.location()).getRawPath());
                continue;
            }
            if (a.status() != 200 || !a.body().contains("<html")) {
                continue;
            }
            pages.merge(caller, 1, Integer::sum);
            found.addAll(Surface.forms(page, a.body()));
            for (String link : Surface.links(a.body())) {
                if (!link.startsWith("/css") && !link.startsWith("/webjars") && !link.contains("/file")) {
                    found.add(Surface.link(link));
                    queue.add(link);
                }
            }
        }
        return Surface.distinct(found);
    }

    // ---------------------------------------------------------------- one hostile request

    private void fire(Target t, Random random) {
        var target = t.target();
        var caller = callers.get(t.caller());
        boolean unsafe = !target.method().equals("GET");
        Hostile.pastTheDoor = random.nextInt(2) == 0;
        boolean malformed = !Hostile.pastTheDoor
                && !unsafe
                && random.nextInt(8) == 0
                && t.caller().matches("anonymous|api-token");
        String path = path(target, random);
        String query = query(target, random, malformed);
        String label = t.caller() + " " + target.method() + " " + path + query;
        Map<String, Long> rowsBefore = unsafe ? rows() : Map.of();
        Answer answer;
        try {
            if (malformed) {
                answer = raw(t.caller(), path + query);
            } else {
                var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path + query))
                        .header("Accept", target.api() ? "application/json" : "text/html");
                body(target, request, caller, random);
                answer = sendOnce(caller, request);
            }
        } catch (IllegalArgumentException e) {
            return; // a URI Java itself refuses to build is not sent
        } catch (java.io.UncheckedIOException e) {
            // the server dropped the connection twice without an answer: a finding like a 5xx
            failures.add(label.substring(0, Math.min(label.length(), 300)) + " → no answer: " + e.getMessage());
            return;
        }
        perRole.merge(t.caller(), 1, Integer::sum);
        perStatus.merge(answer.status(), 1, Integer::sum);
        check(label, answer);
        if (unsafe && answer.status() >= 400 && answer.status() < 500) {
            var rowsAfter = rows();
            if (!rowsAfter.equals(rowsBefore)) {
                failures.add(label + " → " + answer.status() + " but wrote: " + diff(rowsBefore, rowsAfter));
            }
        }
    }

    /**
     * Sends, and once more when the first attempt got no bytes at all: the JDK client may pick a pooled
     * keep-alive connection the server has just closed after an error answer (a race of the client, not an
     * answer of the platform). A second silent close is reported.
     */
    private static Answer sendOnce(Caller caller, HttpRequest.Builder request) {
        try {
            return caller.send(request);
        } catch (java.io.UncheckedIOException e) {
            return caller.send(request);
        }
    }

    private void check(String label, Answer a) {
        String shortLabel = label.length() > 200 ? label.substring(0, 200) + "…" : label;
        if (a.status() >= 500) {
            failures.add(shortLabel + " → " + a.status() + " " + excerpt(a.body()));
        }
        var leak = LEAK.matcher(a.body());
        if (leak.find()) {
            failures.add(shortLabel + " → " + a.status() + " shows \"" + leak.group() + "\": " + excerpt(a.body()));
        }
        for (String p : List.of(DATA_DIR.toString(), System.getProperty("user.dir"))) {
            if (a.body().contains(p)) {
                failures.add(shortLabel + " → " + a.status() + " shows the path " + p);
            }
        }
    }

    private static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    private static String path(Surface.Target t, Random random) {
        String path = t.path();
        for (var f : t.fields()) {
            if (f.in().equals("path")) {
                String value = Hostile.text(random);
                if (value.length() > 1_000) {
                    value = value.substring(0, 1_000);
                }
                path = path.replace("{" + f.name() + "}", enc(value));
            }
        }
        return path;
    }

    private static String query(Surface.Target t, Random random, boolean malformed) {
        var parts = new ArrayList<String>();
        for (var f : t.fields()) {
            if (f.in().equals("query") || t.method().equals("GET") && f.in().equals("form")) {
                String value = Hostile.text(random);
                parts.add(enc(f.name()) + "=" + (malformed ? Hostile.MALFORMED_ESCAPE : enc(value)));
            }
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static void body(Surface.Target t, HttpRequest.Builder request, Caller caller, Random random) {
        t.fields().stream()
                .filter(f -> f.in().equals("header"))
                .forEach(f -> request.header(f.name(), headerValue(Hostile.text(random))));
        switch (t.body()) {
            case "json" ->
                request.header("Content-Type", "application/json")
                        .method(t.method(), HttpRequest.BodyPublishers.ofString(Json.value(t.schema(), random, 0)));
            case "form" -> {
                var parts = new ArrayList<String>();
                parts.add("_csrf=" + enc(caller.csrf()));
                for (var f : t.fields()) {
                    String value = Hostile.text(random);
                    boolean malformed = !Hostile.pastTheDoor && random.nextInt(10) == 0;
                    parts.add(enc(f.name()) + "=" + (malformed ? Hostile.MALFORMED_ESCAPE : enc(value)));
                }
                request.header("Content-Type", "application/x-www-form-urlencoded")
                        .method(t.method(), HttpRequest.BodyPublishers.ofString(String.join("&", parts)));
            }
            case "multipart" -> multipart(t, request, caller, random);
            default -> request.method(t.method(), HttpRequest.BodyPublishers.noBody());
        }
    }

    /** Java's client refuses control characters in headers: those values become another hostile one. */
    private static String headerValue(String value) {
        boolean sendable = value.length() < 1_000 && value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        return sendable && !value.isBlank() ? value : "' or 1=1 --";
    }

    private static void multipart(Surface.Target t, HttpRequest.Builder request, Caller caller, Random random) {
        String boundary = "----fuzz" + random.nextInt(1_000_000);
        var out = new ByteArrayOutputStream();
        var fields = new ArrayList<>(t.fields());
        if (t.api()) {
            t.schema()
                    .path("properties")
                    .propertyNames()
                    .forEach(name -> fields.add(new Surface.Field(
                            name,
                            t.schema()
                                            .path("properties")
                                            .path(name)
                                            .path("type")
                                            .asString()
                                            .equals("array")
                                    ? "file"
                                    : "form",
                            "string")));
        }
        part(out, boundary, "_csrf", null, caller.csrf().getBytes(StandardCharsets.UTF_8));
        for (var f : fields) {
            if (f.in().equals("file")) {
                var file = Hostile.file(random);
                part(out, boundary, f.name(), (String) file.get(0), (byte[]) file.get(1));
            } else if (f.name().equals("metadata")) {
                part(out, boundary, f.name(), null, Json.capture(random).getBytes(StandardCharsets.UTF_8));
            } else if (!f.in().equals("query") && !f.in().equals("path") && !f.in().equals("header")) {
                part(out, boundary, f.name(), null, Hostile.text(random).getBytes(StandardCharsets.UTF_8));
            }
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method(t.method(), HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
    }

    private static void part(ByteArrayOutputStream out, String boundary, String name, String file, byte[] bytes) {
        var head = new StringBuilder("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append('"');
        if (file != null) {
            head.append("; filename=\"").append(file.replace("\"", "")).append('"');
        }
        head.append("\r\nContent-Type: ")
                .append(file == null ? "text/plain; charset=UTF-8" : "application/octet-stream");
        out.writeBytes(head.append("\r\n\r\n").toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- callers

    private Caller plain(String token) {
        return new Caller() {
            @Override
            public Answer send(HttpRequest.Builder request) {
                return plainSend(token, request);
            }

            @Override
            public String csrf() {
                return "";
            }
        };
    }

    private Answer plainSend(String token, HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            var r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(
                    r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Caller session(ConsoleSession session) {
        return new Caller() {
            @Override
            public Answer send(HttpRequest.Builder request) {
                request.header("X-CSRF-TOKEN", session.csrf());
                var page = session.send(request);
                return new Answer(page.status(), page.body(), page.location());
            }

            @Override
            public String csrf() {
                return session.csrf();
            }
        };
    }

    /** A GET whose query Java's URI class would refuse (malformed escapes), written as raw bytes. */
    private Answer raw(String caller, String target) {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            String auth =
                    caller.equals("api-token") ? "Authorization: Bearer " + ApiClient.initialToken() + "\r\n" : "";
            String request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            int bodyAt = text.indexOf("\r\n\r\n");
            return new Answer(status, bodyAt < 0 ? "" : text.substring(bodyAt + 4), null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- what a refusal must not change

    private Map<String, Long> rows() {
        var counts = new TreeMap<String, Long>();
        String sql = BUSINESS_TABLES.stream()
                .map(t -> "select '" + t + "', count(*) from " + t)
                .collect(Collectors.joining(" union all "));
        jdbc.sql(sql)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
                .list();
        counts.put("ocfl object versions", ocflVersions());
        return counts;
    }

    /** Version directories of every OCFL object (hashed n-tuple layout: three tuple levels, then the object). */
    private static long ocflVersions() {
        Path root = DATA_DIR.resolve("ocfl");
        try (var paths = Files.find(
                root,
                5,
                (p, a) -> a.isDirectory()
                        && p.getFileName().toString().matches("v\\d+")
                        && root.relativize(p).getNameCount() == 5)) {
            return paths.count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String diff(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream()
                .filter(e -> !e.getValue().equals(before.get(e.getKey())))
                .map(e -> e.getKey() + " " + before.get(e.getKey()) + "→" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
