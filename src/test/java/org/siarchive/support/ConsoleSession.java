package org.siarchive.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP session against the console: cookies, CSRF tokens taken from the pages, the
 * login steps (password, then a TOTP code when asked). Redirects are not followed, so tests see them.
 */
public final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** Status, Location header and body of a response. */
    public record Page(int status, String location, String body) {}

    private final HttpClient http;
    private final String base;
    private String csrf = "";

    public ConsoleSession(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private ConsoleSession(ConsoleSession same, int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = same.http;
        this.csrf = same.csrf;
    }

    /** The same browser (cookies, CSRF token) talking to another server on this machine: another node of a cluster. */
    public ConsoleSession on(int port) {
        return new ConsoleSession(this, port);
    }

    /**
     * Logs in; {@code totp} supplies a code when the platform asks for one. Returns the page the login
     * ended on (its Location): "/" or the saved page when complete, else the step it stopped at.
     */
    public String login(String username, String password, Supplier<String> totp) {
        get("/login");
        var r = post("/login", Map.of("username", username, "password", password));
        String location = path(r.location());
        if (location.equals("/login/totp")) {
            get("/login/totp");
            location = path(post("/login/totp", Map.of("code", totp.get())).location());
        }
        return location;
    }

    private static String path(String location) {
        if (location == null) {
            return "";
        }
        return location.startsWith("http")
                ? URI.create(location).getRawPath()
                        + (URI.create(location).getRawQuery() == null
                                ? ""
                                : "?" + URI.create(location).getRawQuery())
                : location;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html")
                .GET());
    }

    public Page post(String path, Map<String, String> form) {
        if (csrf.isEmpty()) {
            get("/login");
        }
        var all = new LinkedHashMap<>(form);
        all.put("_csrf", csrf);
        String body = all.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A JSON API call on the session (with the CSRF header, as a console script would send it). */
    public Page api(String method, String path, String json) {
        var b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json")
                .header("X-CSRF-TOKEN", csrf);
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return send(b);
    }

    /** Sends a prepared request on the session (cookies and, for unsafe methods, the CSRF header). */
    public Page send(HttpRequest.Builder builder) {
        try {
            var r = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            var m = CSRF.matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return new Page(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET on the session whose body is kept as bytes (images, downloads). */
    public HttpResponse<byte[]> bytes(String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String csrf() {
        return csrf;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
