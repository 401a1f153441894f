package org.siarchive.comparison.journey;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.siarchive.support.ApiClient;
import org.siarchive.support.ReferenceFixtures;
import tools.jackson.databind.JsonNode;

/**
 * The reference-data import API as an outside system calls it: a multipart POST of kind, source, title, as-of
 * date and the file to {@code /api/v1/comparison/datasets} (202 and a Location), then polling that location until
 * the dataset is no longer receiving. The file part may be a stream, so a test can send 100 MB it never holds.
 */
final class DatasetUploads {

    static final String PATH = "/api/v1/comparison/datasets";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    DatasetUploads(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    ApiClient.Response upload(ReferenceFixtures.Fixture f) {
        return upload(
                f.kind(),
                f.source(),
                f.title(),
                f.asOf(),
                f.fileName(),
                f.contentType(),
                () -> new ByteArrayInputStream(f.bytes()));
    }

    ApiClient.Response upload(
            String kind,
            String source,
            String title,
            LocalDate asOf,
            String fileName,
            String contentType,
            Supplier<InputStream> file) {
        String boundary = "----siarchive" + UUID.randomUUID();
        var fields = new LinkedHashMap<String, String>();
        fields.put("kind", kind);
        fields.put("source", source);
        fields.put("title", title);
        fields.put("asOf", asOf.toString());
        var head = new StringBuilder();
        fields.forEach((k, v) -> head.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(k)
                .append("\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n")
                .append(v)
                .append("\r\n"));
        head.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(fileName)
                .append("\"\r\nContent-Type: ")
                .append(contentType)
                .append("\r\n\r\n");
        var body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofByteArray(head.toString().getBytes(StandardCharsets.UTF_8)),
                HttpRequest.BodyPublishers.ofInputStream(file),
                HttpRequest.BodyPublishers.ofByteArray(
                        ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(URI.create(base + PATH))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept-Language", "zh-CN")
                .POST(body));
    }

    ApiClient.Response get(String pathOrUrl) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl;
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** The dataset at {@code location} once it left RECEIVING (at most two minutes). */
    JsonNode settled(String location) {
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            var r = get(location);
            if (r.status() != 200) {
                throw new AssertionError(
                        "GET " + location + " → " + r.status() + " " + new String(r.body(), StandardCharsets.UTF_8));
            }
            var json = r.json();
            if (!"RECEIVING".equals(text(json, "state")) || System.nanoTime() > until) {
                return json;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A field by its camel-case name, or its snake-case spelling. */
    static String text(JsonNode json, String camel) {
        var node = field(json, camel);
        return node == null || node.isNull() ? null : node.asString();
    }

    static long number(JsonNode json, String camel) {
        var node = field(json, camel);
        return node == null || node.isNull() ? -1 : node.asLong();
    }

    private static JsonNode field(JsonNode json, String camel) {
        var node = json.get(camel);
        if (node == null) {
            node = json.get(camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT));
        }
        return node;
    }

    private ApiClient.Response send(HttpRequest.Builder builder) {
        builder.header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(3));
        try {
            var r = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new ApiClient.Response(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            // a server may close the connection while a refused body is still being sent
            return new ApiClient.Response(-1, Map.of(), String.valueOf(e).getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
