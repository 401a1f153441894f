package org.siarchive.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP session against the online service ({@code /portal}): its cookies (the portal's
 * session and CSRF cookies), CSRF tokens taken from the pages, redirects not followed. {@link #signedIn}
 * puts a session cookie opened in-process (what a successful login sets), for tests about what a signed-in
 * user sees rather than how they signed in.
 */
public final class PortalBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();
    private final String base;
    private String csrf = "";

    public PortalBrowser(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** This browser with the portal session cookie {@code token} (from {@code PortalSessions.open}). */
    public PortalBrowser signedIn(String token) {
        var cookie = new HttpCookie("SIAPORTAL", token);
        cookie.setPath("/portal");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base + "/portal"), cookie);
        return this;
    }

    /** The value of a cookie this browser holds, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    public ConsoleSession.Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html")
                .GET());
    }

    /** A form POST with the CSRF token of the last page seen (the sign-in page's when none was seen yet). */
    public ConsoleSession.Page post(String path, Map<String, String> form) {
        if (csrf.isEmpty()) {
            get("/portal/login");
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

    /** Sends a prepared request with this browser's cookies; keeps the CSRF token the page carries. */
    public ConsoleSession.Page send(HttpRequest.Builder builder) {
        var r = exchange(builder, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        var m = CSRF.matcher(r.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return new ConsoleSession.Page(
                r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body());
    }

    /** A GET whose body is kept as bytes (downloads). */
    public HttpResponse<byte[]> bytes(String path) {
        return exchange(HttpRequest.newBuilder(URI.create(base + path)).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The whole response of a GET (headers such as Set-Cookie included). */
    public HttpResponse<String> response(String path) {
        return exchange(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept", "text/html")
                        .GET(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public String csrf() {
        return csrf;
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder builder, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(builder.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
