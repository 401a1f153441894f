package org.siarchive.comparison;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP sink, chosen with {@code siarchive.comparison.payment.sink=http}: POSTs each instruction as JSON to
 * {@code siarchive.comparison.payment.http-url} with the header {@code Idempotency-Key: payment-<id>}; any
 * 2xx answer counts as taken, anything else (or no answer within 10 s) is tried again later.
 */
@Component
@ConditionalOnProperty(name = "siarchive.comparison.payment.sink", havingValue = "http")
class PaymentHttpSink implements PaymentInstructionSink {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI url;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    PaymentHttpSink(@Value("${siarchive.comparison.payment.http-url}") String url) {
        this.url = URI.create(url);
        if (!"https".equals(this.url.getScheme()) && !"http".equals(this.url.getScheme())) {
            throw new IllegalArgumentException("siarchive.comparison.payment.http-url must be http(s): " + url);
        }
    }

    @Override
    public void deliver(Message message) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "payment-" + message.instructionId())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message)))
                .build();
        var response = client.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("HTTP " + response.statusCode());
        }
    }

    @Override
    public String destination() {
        return url.toString();
    }
}
