package org.siarchive.federation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts a signed batch to the province's {@code POST /api/v1/federation/feed} with the token the province issued
 * to this county. Any answer but 200 leaves the batch pending (logged with the province's problem detail); the next
 * run sends it again.
 */
@Component
class ProvinceClient {

    static final String PATH = "/api/v1/federation/feed";
    private static final Logger LOG = LoggerFactory.getLogger(ProvinceClient.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FederationSettings settings;
    private final HttpClient http;

    ProvinceClient(FederationSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(10))
                .build();
    }

    /** The province's answer, or null when it refused or could not be reached. */
    FeedBatch.@Nullable Answer post(byte[] signed) {
        String base = Objects.requireNonNull(settings.provinceUrl()).replaceAll("/+$", "");
        var request = HttpRequest.newBuilder(URI.create(base + PATH))
                .timeout(Objects.requireNonNull(settings.timeout()))
                .header("Authorization", "Bearer " + settings.provinceToken())
                .header("Content-Type", "application/json")
                .header("Accept-Language", "zh-CN")
                .POST(HttpRequest.BodyPublishers.ofByteArray(signed))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                String body = response.body();
                LOG.warn(
                        "province refused the catalogue feed (HTTP {}): {}",
                        response.statusCode(),
                        body.length() > 400 ? body.substring(0, 400) : body);
                return null;
            }
            return JSON.readValue(response.body(), FeedBatch.Answer.class);
        } catch (IOException | RuntimeException e) {
            LOG.warn("province not reached for the catalogue feed: {}", e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
