package org.siarchive.capture;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.siarchive.support.ApiClient;

/** Builds and sends {@code POST /api/v1/captures/batch} requests: a manifest part and one part per file. */
public final class BatchRequests {

    /** One item of a request: its idempotency key, metadata and files (PNG or PDF bytes). */
    public record Item(String key, Object metadata, List<byte[]> files) {}

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private BatchRequests() {}

    public static HttpResponse<byte[]> send(int port, String token, List<Item> items) {
        return send(port, token, items, Map.of(), "");
    }

    /** Sends the batch; {@code renamed} maps a part's real name to the one the manifest names instead. */
    public static HttpResponse<byte[]> send(
            int port, String token, List<Item> items, Map<String, String> renamed, String query) {
        var manifest = new ArrayList<Map<String, Object>>();
        var parts = new LinkedHashMap<String, byte[]>();
        for (int i = 0; i < items.size(); i++) {
            var names = new ArrayList<String>();
            for (int k = 0; k < items.get(i).files().size(); k++) {
                String name = "f" + i + "-" + k;
                parts.put(name, items.get(i).files().get(k));
                names.add(renamed.getOrDefault(name, name));
            }
            var entry = new LinkedHashMap<String, Object>();
            entry.put("idempotencyKey", items.get(i).key());
            entry.put("metadata", items.get(i).metadata());
            entry.put("files", names);
            manifest.add(entry);
        }
        String boundary = "----batch" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        part(body, boundary, "manifest", null, ApiClient.JSON.writeValueAsBytes(Map.of("items", manifest)));
        parts.forEach(
                (name, bytes) -> part(body, boundary, name, name + (bytes[0] == (byte) 0x89 ? ".png" : ".pdf"), bytes));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/captures/batch" + query))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void part(ByteArrayOutputStream out, String boundary, String name, String filename, byte[] bytes) {
        var head = new StringBuilder("--").append(boundary).append("\r\n");
        head.append("Content-Disposition: form-data; name=\"").append(name).append('"');
        if (filename != null) {
            head.append("; filename=\"").append(filename).append('"');
        }
        String type =
                filename == null ? "application/json" : filename.endsWith(".png") ? "image/png" : "application/pdf";
        head.append("\r\nContent-Type: ").append(type).append("\r\n\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
