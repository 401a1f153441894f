package org.siarchive.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.siarchive.support.ApiClient;
import org.siarchive.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Malformed requests are expected input: a 4xx problem in the caller's language, never a 500 or a stack trace. */
class BadInputIT extends IntegrationTest {

    @LocalServerPort
    int port;

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> cases() {
        String multipartWithoutMetadata =
                "--xyz\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--xyz--\r\n";
        return java.util.stream.Stream.of(
                args("POST", "/api/v1/captures", "application/json", "{\"title\":\"x\"}", 415),
                args("POST", "/api/v1/captures", "multipart/form-data; boundary=xyz", "not multipart at all", 422),
                args("POST", "/api/v1/captures", "multipart/form-data; boundary=xyz", multipartWithoutMetadata, 422),
                args("GET", "/api/v1/items/1%27%20or%201=1--", null, null, 404),
                args("GET", "/api/v1/items/00000000-0000-0000-0000-000000000000/files/abc", null, null, 422),
                args("GET", "/api/v1/search?year=abc", null, null, 422),
                args("GET", "/api/v1/search?page=-5&size=100000", null, null, 422),
                args("GET", "/api/v1/employers/../../etc/passwd/items", null, null, 400),
                args("POST", "/api/v1/volumes", "application/json", "{not json", 400),
                args("POST", "/api/v1/volumes", "application/json", "{\"title\":\"x\",\"items\":[\"nope\"]}", 404),
                args(
                        "POST",
                        "/api/v1/items/00000000-0000-0000-0000-000000000000/corrections",
                        "application/json",
                        "{\"title\":\"t\",\"responsible\":\"r\",\"reason\":\"x\"}",
                        404),
                // no rule allows DELETE anywhere: refused before it reaches a controller
                args("DELETE", "/api/v1/captures", null, null, 403));
    }

    private static org.junit.jupiter.params.provider.Arguments args(String m, String p, String t, String b, int s) {
        return org.junit.jupiter.params.provider.Arguments.of(m, p, t, b, s);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("cases")
    void answersWithAProblemNotAnError(String method, String path, String type, String body, int status)
            throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (path.startsWith("/api/")) {
            builder.header("Authorization", "Bearer " + ApiClient.initialToken());
        }
        if (type != null) {
            builder.header("Content-Type", type);
        }
        builder.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        var r = HttpClient.newHttpClient()
                .send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.body())
                .doesNotContain("Exception")
                .doesNotContain("at org.")
                .doesNotContain("SQL");
        if (status >= 400 && path.startsWith("/api/")) {
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(r.body()).containsPattern("[\\u4e00-\\u9fa5]");
        }
    }

    @org.junit.jupiter.api.Test
    void everyAnswerCarriesSecurityHeadersAndConsoleWritesNeedTheCsrfToken() throws Exception {
        var http = HttpClient.newHttpClient();
        for (String path : List.of("/login", "/api/v1/search?name=x", "/items/whatever")) {
            var r = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.headers().firstValue("Content-Security-Policy").orElse(""))
                    .as(path)
                    .contains("default-src 'self'")
                    .contains("frame-ancestors 'self'");
            assertThat(r.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .hasValue("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("SAMEORIGIN");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
            assertThat(r.headers().firstValue("Cache-Control").orElse(""))
                    .as(path)
                    .contains("no-store");
        }
        // a form post without the CSRF token is refused before any login logic runs
        var forged = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=sysadmin&password=x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    // ---------------------------------------------------------------- finding 2: bounded paging

    @org.junit.jupiter.api.Test
    void refusesASearchPageBeyondTheResultWindowInsteadOfExhaustingTheHeap() {
        var api = new ApiClient(port);

        var deep = api.get("/api/v1/search?page=99999999&size=100");
        var huge = api.get("/api/v1/search?page=2147483647&size=2147483647");
        var tooBig = api.get("/api/v1/search?size=101");

        assertThat(deep.status()).isEqualTo(422);
        assertThat(errors(deep)).containsExactly("page:resultWindow");
        assertThat(huge.status()).isEqualTo(422);
        assertThat(errors(huge)).contains("size:pageSize");
        assertThat(tooBig.status()).isEqualTo(422);
        assertThat(errors(tooBig)).containsExactly("size:pageSize");
        assertThat(api.get("/api/v1/search?page=99&size=100").status()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- finding 13: every other 500

    @org.junit.jupiter.api.Test
    void refusesCaptureMetadataWithNullFilesNamingTheField() {
        String metadata =
                """
                {"fondsCode":"0001","acceptanceNo":"SL2024990001","businessStep":"GRCB","insuranceType":"110",
                 "title":"参保登记","responsible":"社保中心","docDate":"2024-05-10",
                 "person":{"certType":"01","certNo":"11010519491231002X","name":"张三"},
                 "handler":"李四","handlingAgency":"社保中心","handledAt":"2024-05-10T09:30:00+08:00",
                 "files":[null,null]}""";

        var r = new ApiClient(port).capture(metadata, List.of(), java.util.Map.of());

        assertThat(r.status()).isEqualTo(422);
        assertThat(errors(r)).contains("files[0]:required", "files[1]:required");
    }

    @org.junit.jupiter.api.Test
    void refusesMalformedPercentEncodingWithAProblem() throws Exception {
        String raw = rawGet("/api/v1/search?q=%ZZ");

        assertThat(raw).startsWith("HTTP/1.1 400");
        assertThat(raw).contains("application/problem+json").containsPattern("[\\u4e00-\\u9fa5]");
        assertThat(raw).doesNotContain("Exception").doesNotContain("at org.");
    }

    @org.junit.jupiter.api.Test
    void refusesNulAndControlCharactersAtTheDoorBeforeTheyReachTheDatabase() {
        var api = new ApiClient(port);

        var nul = api.get("/api/v1/search?q=%00");
        var bidi = api.get("/api/v1/search?q=abc%E2%80%AEfdp.exe");
        var inJson = api.postJson("/api/v1/volumes", java.util.Map.of("title", "卷\u0000", "items", List.of()));

        assertThat(nul.status()).isEqualTo(422);
        assertThat(errors(nul)).containsExactly("q:specialCharacters");
        assertThat(bidi.status()).isEqualTo(422);
        assertThat(errors(bidi)).containsExactly("q:specialCharacters");
        assertThat(inJson.status()).isEqualTo(422);
        assertThat(errors(inJson)).containsExactly("title:specialCharacters");
    }

    @org.junit.jupiter.api.Test
    void refusesOverlongTextBeforeAnyWrite() {
        var api = new ApiClient(port);

        var query = api.get("/api/v1/search?q=" + "档".repeat(101));
        var body = api.postJson("/api/v1/volumes", java.util.Map.of("title", "卷".repeat(2001), "items", List.of()));

        assertThat(query.status()).isEqualTo(422);
        assertThat(errors(query)).containsExactly("q:maxLength");
        assertThat(body.status()).isEqualTo(422);
        assertThat(errors(body)).containsExactly("title:maxLength");
    }

    @org.junit.jupiter.api.Test
    void theErrorPathAnswersNotFoundInsteadOfStatus999() throws Exception {
        var r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/error"))
                                .header("Accept", "application/json")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).doesNotContain("999");
    }

    private static List<String> errors(ApiClient.Response r) {
        var out = new java.util.ArrayList<String>();
        r.json()
                .path("errors")
                .forEach(e -> out.add(
                        e.path("field").asString() + ":" + e.path("rule").asString()));
        return out;
    }

    /** A request Java's URI class would refuse to build (malformed escapes), sent as raw bytes. */
    private String rawGet(String target) throws Exception {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            String request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + ApiClient.initialToken() + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // ---------------------------------------------------------------- found by SurfaceFuzzIT

    @org.junit.jupiter.api.Test
    void refusesNullVolumeItemsNamingTheField() {
        var r = new ApiClient(port)
                .postJson("/api/v1/volumes", ApiClient.JSON.readTree("{\"title\":\"卷\",\"items\":[null]}"));

        assertThat(r.status()).isEqualTo(422);
        assertThat(errors(r)).containsExactly("items[0]:required");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"overlong", "nul"})
    void answersAMultipartPartTheContainerCannotReadAsABadRequest(String fileName) throws Exception {
        String name = fileName.equals("nul") ? "x\u0000.pdf" : "A".repeat(5_000) + ".pdf";
        String body = "--xyz\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                + "\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--xyz--\r\n";
        var r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/captures"))
                                .header("Content-Type", "multipart/form-data; boundary=xyz")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).doesNotContain("Exception");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.siarchive.security.Accounts accounts;

    @org.springframework.beans.factory.annotation.Autowired
    org.siarchive.organisation.Organisations organisations;

    @org.junit.jupiter.api.Test
    void refusesAnOverlongCreditCodeInsteadOfRedirectingBeyondTheHeaderLimit() {
        var login = org.siarchive.security.TestAccounts.create(
                accounts,
                "badinput-archivist-" + System.nanoTime() % 1_000_000,
                organisations.root().id(),
                java.util.Set.of(org.siarchive.security.Role.ARCHIVIST),
                3,
                false);
        var session = new org.siarchive.support.ConsoleSession(port);
        session.login(login.username(), login.password(), login.codes());
        session.get("/employers");

        var posted = session.post("/employers", java.util.Map.of("creditCode", "档".repeat(2_000)));
        var linked = session.get("/employers?creditCode=" + "%E6%A1%A3".repeat(500));

        assertThat(posted.status()).isEqualTo(422);
        assertThat(posted.body()).contains("18");
        assertThat(linked.status()).isEqualTo(422);
    }
}
