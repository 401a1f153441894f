package org.siarchive.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the REST API, with a multipart builder for captures. */
public final class ApiClient {

    /** One file part. */
    public record FilePart(String name, String contentType, byte[] bytes) {}

    /** Status, headers and body of a response. */
    public record Response(int status, Map<String, List<String>> headers, byte[] body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    /** A client with the initial API token of the integration tests' data directory. */
    public ApiClient(int port) {
        this(port, IntegrationTest.DATA_DIR);
    }

    /** A client with the initial API token written into {@code dataDir} by the platform's first start. */
    public ApiClient(int port, java.nio.file.Path dataDir) {
        this(port, readToken(dataDir.resolve("initial-token")));
    }

    public ApiClient(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    private static String readToken(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same server without credentials (or with another token). */
    public ApiClient withToken(String other) {
        return new ApiClient(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), other);
    }

    public Response capture(Object metadata, List<FilePart> files, Map<String, String> headers) {
        String boundary = "----siarchive" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        String json = metadata instanceof String s ? s : JSON.writeValueAsString(metadata);
        part(body, boundary, "metadata", null, "application/json", json.getBytes(StandardCharsets.UTF_8));
        for (var f : files) {
            part(body, boundary, "files", f.name(), f.contentType(), f.bytes());
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var builder = HttpRequest.newBuilder(URI.create(base + "/api/v1/captures"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        headers.forEach(builder::header);
        return send(auth(builder).build());
    }

    /** A multipart POST of text fields and one file. */
    public Response multipart(String path, Map<String, String> fields, String fileField, String fileName, byte[] file) {
        String boundary = "----siarchive" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        fields.forEach((k, v) ->
                part(body, boundary, k, null, "text/plain; charset=UTF-8", v.getBytes(StandardCharsets.UTF_8)));
        part(body, boundary, fileField, fileName, "application/zip", file);
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return send(auth(builder).build());
    }

    /** A multipart POST of files under one field name, in order, with extra headers (scan-station uploads). */
    public Response files(String path, String field, List<FilePart> files, Map<String, String> headers) {
        String boundary = "----siarchive" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        for (var f : files) {
            part(body, boundary, field, f.name(), f.contentType(), f.bytes());
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        headers.forEach(builder::header);
        return send(auth(builder).build());
    }

    /** The token file of the integration tests' platform. */
    public static String initialToken() {
        return readToken(IntegrationTest.DATA_DIR.resolve("initial-token"));
    }

    private HttpRequest.Builder auth(HttpRequest.Builder builder) {
        if (!token.isEmpty()) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    public Response get(String path, Map<String, String> headers) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (!token.isEmpty()) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        return send(auth(builder).build());
    }

    public Response get(String path) {
        return get(path, Map.of());
    }

    public Response postJson(String path, Object body) {
        return send(auth(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))))
                .build());
    }

    public Response putJson(String path, Object body) {
        return send(auth(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))))
                .build());
    }

    private Response send(HttpRequest request) {
        try {
            var r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void part(
            ByteArrayOutputStream out, String boundary, String name, String filename, String type, byte[] bytes) {
        var head = new StringBuilder("--").append(boundary).append("\r\n");
        head.append("Content-Disposition: form-data; name=\"").append(name).append('"');
        if (filename != null) {
            head.append("; filename=\"").append(filename).append('"');
        }
        head.append("\r\nContent-Type: ").append(type).append("\r\n\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
