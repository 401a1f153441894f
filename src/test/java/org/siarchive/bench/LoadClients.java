package org.siarchive.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * The HTTP side of a load generator: one client, with one kept-alive HTTP/1.1 connection, per closed-loop client, each
 * request carrying the API token. {@code -Dbench.http=apache} (the default) uses Apache HttpClient 5's blocking
 * client, which works on the calling thread; {@code -Dbench.http=jdk} uses {@code java.net.http.HttpClient}, whose
 * asynchronous machinery (a selector thread and completion stages per exchange) took about 0.6 ms more of the shared
 * 2 cores' CPU per person file (JVM 2.87 against 2.30 ms on the same commit, docs/benchmarks.md, issue 20, sixth
 * pass). On a real deployment the clients run elsewhere; here they share the server's cores. Both are real HTTP
 * clients over a real socket; which one ran is printed with the figures. Apache HttpClient 5 is on the classpath through
 * the S3 client (runtime scope there, so it is not declared again here).
 */
final class LoadClients implements AutoCloseable {

    /** An answer: its status and body. */
    record Answer(int status, byte[] body) {}

    static final String KIND = System.getProperty("bench.http", "apache");

    private final String base;
    private final String token;
    private final CloseableHttpClient[] apache;
    private final HttpClient[] jdk;

    LoadClients(int port, String token, int clients) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
        this.apache = new CloseableHttpClient[clients];
        this.jdk = new HttpClient[clients];
        for (int i = 0; i < clients; i++) {
            if (KIND.equals("jdk")) {
                jdk[i] = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
            } else {
                apache[i] = HttpClients.custom()
                        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                                .setMaxConnTotal(1)
                                .setMaxConnPerRoute(1)
                                .build())
                        .disableAutomaticRetries()
                        .disableCookieManagement()
                        .disableRedirectHandling()
                        .build();
            }
        }
    }

    static String describe() {
        return KIND.equals("jdk") ? "java.net.http.HttpClient" : "Apache HttpClient 5 (classic, blocking)";
    }

    Answer postJson(int client, String path, String json) throws IOException, InterruptedException {
        if (apache[client] == null) {
            var request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build();
            var response = jdk[client].send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.body());
        }
        var post = new HttpPost(base + path);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        return apache(client, post);
    }

    Answer get(int client, String path) throws IOException, InterruptedException {
        if (apache[client] == null) {
            var request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token)
                    .GET()
                    .build();
            var response = jdk[client].send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.body());
        }
        return apache(client, new HttpGet(base + path));
    }

    private Answer apache(int client, HttpUriRequestBase request) throws IOException {
        request.setHeader("Authorization", "Bearer " + token);
        return apache[client].execute(
                request,
                response -> new Answer(
                        response.getCode(),
                        response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity())));
    }

    @Override
    public void close() throws IOException {
        for (var c : apache) {
            if (c != null) {
                c.close();
            }
        }
    }
}
