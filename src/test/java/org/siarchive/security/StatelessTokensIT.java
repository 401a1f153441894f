package org.siarchive.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.siarchive.support.ApiClient;
import org.siarchive.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** API tokens are stateless: a bearer request opens no session, so clients sharing a token never end each other. */
class StatelessTokensIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void twoClientsSharingATokenAreBothServedWithoutASession() throws Exception {
        var first = browserLikeClient();
        var second = browserLikeClient();
        String token = ApiClient.initialToken();

        for (int round = 1; round <= 3; round++) {
            for (var client : java.util.List.of(first, second)) {
                var r = client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/classification"))
                                .header("Authorization", "Bearer " + token)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());

                assertThat(r.statusCode()).as("round %d", round).isEqualTo(200);
                assertThat(r.headers().allValues("Set-Cookie"))
                        .as("round %d sets no cookie", round)
                        .isEmpty();
            }
        }
    }

    /** Keeps every cookie it is given and follows no redirect, like a scripted client that keeps a jar. */
    private static HttpClient browserLikeClient() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
