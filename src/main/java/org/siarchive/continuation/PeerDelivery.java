package org.siarchive.continuation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.stereotype.Component;

/**
 * Delivers an envelope to a peer's {@code POST /api/v1/continuation/messages} (multipart part {@code envelope})
 * with the token the peer issued to us. A peer that refuses (4xx, e.g. its YJ checks failed) or cannot be reached
 * makes the sending step fail (422 naming the peer's answer), so nothing is recorded as sent that was not.
 */
@Component
class PeerDelivery {

    static final String PATH = "/api/v1/continuation/messages";

    private final ContinuationPeers peers;
    private final ContinuationSettings settings;
    private final HttpClient http;

    PeerDelivery(ContinuationPeers peers, ContinuationSettings settings) {
        this.peers = peers;
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(10))
                .build();
    }

    /** Whether the peer is reached over the API (else the envelope is exchanged as a file). */
    boolean online(ContinuationPeers.Peer peer) {
        return peer.endpoint() != null && peer.hasToken();
    }

    /** Posts the envelope; returns the peer's answer (JSON text). */
    String deliver(ContinuationPeers.Peer peer, byte[] envelope, String fileName) {
        String boundary = "----siarchive" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"envelope\"; filename=\""
                        + fileName + "\"\r\nContent-Type: application/zip\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(envelope);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String base = java.util.Objects.requireNonNull(peer.endpoint()).replaceAll("/+$", "");
        var request = HttpRequest.newBuilder(URI.create(base + PATH))
                .timeout(settings.peerTimeout())
                .header("Authorization", "Bearer " + peers.token(peer.id()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept-Language", "zh-CN")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                String answer = response.body().length() > 400 ? response.body().substring(0, 400) : response.body();
                throw new InvalidInputException(new Violation(
                        "peer",
                        "peerRefused",
                        "continuation.rule.peerRefused",
                        List.of(peer.agencyName(), Integer.toString(response.statusCode()), answer)));
            }
            return response.body();
        } catch (IOException e) {
            throw unreachable(peer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(peer);
        }
    }

    private static InvalidInputException unreachable(ContinuationPeers.Peer peer) {
        return new InvalidInputException(new Violation(
                "peer", "peerUnreachable", "continuation.rule.peerUnreachable", List.of(peer.agencyName())));
    }
}
