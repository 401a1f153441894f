package org.siarchive.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.ApiTokens;
import org.siarchive.security.Role;
import org.siarchive.shared.Actor;
import org.siarchive.support.ApiClient;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document is the contract clients build on (docs/adr/0043). This test fetches it as a
 * client would (without credentials), writes it to {@code target/openapi/openapi.json} for the Redocly
 * lint of the {@code verify} phase, and checks what the lint cannot: every operation is described, has a
 * stable id, states the permission it needs — and that permission is the one the security rules enforce.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractIT extends IntegrationTest {

    static final Path DOCUMENT = Path.of(System.getProperty("basedir", "."), "target", "openapi", "openapi.json");

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Organisations organisations;

    final HttpClient http = HttpClient.newHttpClient();
    JsonNode doc;

    record Op(String method, String path, JsonNode node) {

        String name() {
            return method + " " + path;
        }

        String permission() {
            return node.path("security").path(0).path("apiToken").path(0).asString("");
        }
    }

    @BeforeAll
    void writeTheDocument() throws Exception {
        var r = send("GET", "/v3/api-docs", null, null, "");
        assertThat(r.statusCode()).as("/v3/api-docs is public").isEqualTo(200);
        doc = ApiClient.JSON.readTree(r.body());
        Files.createDirectories(DOCUMENT.getParent());
        Files.writeString(
                DOCUMENT, ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
    }

    List<Op> operations() {
        var out = new ArrayList<Op>();
        for (var path : doc.path("paths").properties()) {
            for (var op : path.getValue().properties()) {
                out.add(new Op(op.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), op.getValue()));
            }
        }
        return out;
    }

    @Test
    void everyOperationIsDescribedInChineseWithAStableIdAndADefinedTag() {
        var ids = new HashSet<String>();
        var tags = new HashSet<String>();
        doc.path("tags").forEach(t -> {
            assertThat(t.path("description").asString(""))
                    .as("tag %s", t.path("name"))
                    .isNotBlank();
            tags.add(t.path("name").asString());
        });
        assertThat(operations()).hasSizeGreaterThanOrEqualTo(27);
        for (Op op : operations()) {
            assertThat(op.path()).as("only the REST API is documented").startsWith("/api/v1/");
            assertThat(op.node().path("summary").asString(""))
                    .as("summary of %s", op.name())
                    .matches(".*\\p{IsHan}.*");
            assertThat(op.node().path("description").asString(""))
                    .as("description of %s", op.name())
                    .matches(".*\\p{IsHan}.*");
            String id = op.node().path("operationId").asString("");
            assertThat(id).as("operationId of %s", op.name()).matches("[a-z][a-zA-Z]+");
            assertThat(ids.add(id)).as("operationId %s is unique", id).isTrue();
            assertThat(op.node().path("tags")).as("tags of %s", op.name()).hasSize(1);
            assertThat(tags)
                    .as("tag of %s", op.name())
                    .contains(op.node().path("tags").path(0).asString());
            assertThat(op.node().path("parameters").findValuesAsString("name"))
                    .as("the caller's access is never a parameter")
                    .doesNotContain("access");
        }
    }

    @Test
    void everyOperationAcceptsATokenOrASessionWithItsPermission() {
        var schemes = doc.path("components").path("securitySchemes");
        assertThat(schemes.path("apiToken").path("scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.path("consoleSession").path("in").asString()).isEqualTo("cookie");
        assertThat(schemes.path("csrfToken").path("name").asString()).isEqualTo("X-CSRF-TOKEN");
        for (Op op : operations()) {
            var security = op.node().path("security");
            assertThat(security).as("security of %s", op.name()).hasSize(2);
            assertThat(op.permission()).as("permission of %s", op.name()).isIn(Role.tokenScopes());
            assertThat(security.path(1).path("consoleSession").path(0).asString())
                    .isEqualTo(op.permission());
            assertThat(security.path(1).has("csrfToken"))
                    .as("CSRF of %s", op.name())
                    .isEqualTo(!op.method().equals("GET"));
        }
    }

    @Test
    void everyOperationDocumentsItsProblemsAsProblemDetails() {
        for (Op op : operations()) {
            var clientErrors = new TreeSet<String>();
            for (var r : op.node().path("responses").properties()) {
                JsonNode response = resolve(r.getValue());
                if (r.getKey().startsWith("4")) {
                    assertThat(response.path("content").has("application/problem+json"))
                            .as("%s %s is a problem detail", op.name(), r.getKey())
                            .isTrue();
                    clientErrors.add(r.getKey());
                }
            }
            assertThat(clientErrors).as("4xx of %s", op.name()).contains("400", "401", "403", "422", "429");
            assertThat(op.node().path("responses").properties().stream()
                            .anyMatch(r -> r.getKey().startsWith("2")))
                    .as("success of %s", op.name())
                    .isTrue();
        }
    }

    /** A token with just the documented permission gets past security; one with every other scope gets 403. */
    @Test
    void theDocumentedPermissionIsTheOneEnforced() throws Exception {
        long root = organisations.root().id();
        String run = Integer.toString(Math.abs(UUID.randomUUID().hashCode() % 100_000));
        var failures = new ArrayList<String>();
        var issued = new java.util.HashMap<String, List<String>>();
        for (Op op : operations()) {
            String permission = op.permission();
            var pair = issued.computeIfAbsent(permission, p -> {
                var others = new TreeSet<>(Role.tokenScopes());
                others.remove(p);
                String client = "contract-" + run + "-" + issued.size();
                return List.of(
                        tokens.issue(client, root, Set.of(p), 3, null, 1, Actor.SYSTEM)
                                .token(),
                        tokens.issue(client, root, others, 3, null, 1, Actor.SYSTEM)
                                .token());
            });
            int allowed = call(op, pair.get(0));
            int denied = call(op, pair.get(1));
            if (allowed == 401 || allowed == 403 || denied != 403) {
                failures.add(op.name() + " needs " + permission + ": with it " + allowed + ", without it " + denied);
            }
        }
        assertThat(failures).isEmpty();
    }

    /** The operation with placeholder ids and an empty body: never a valid request, so nothing changes. */
    private int call(Op op, String token) throws Exception {
        String path = op.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        var body = op.node().path("requestBody").path("content");
        String type =
                body.isMissingNode() ? null : body.propertyNames().iterator().next();
        String content = "application/json".equals(type) ? "{}" : "";
        return send(op.method(), path, type, token, content).statusCode();
    }

    private HttpResponse<byte[]> send(String method, String path, String type, String token, String body)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header("Content-Type", type.equals("multipart/form-data") ? type + "; boundary=x" : type);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asString("");
        if (!ref.startsWith("#/")) {
            return node;
        }
        JsonNode target = doc;
        for (String step : ref.substring(2).split("/")) {
            target = target.path(step);
        }
        return target;
    }
}
