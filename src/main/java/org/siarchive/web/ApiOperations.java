package org.siarchive.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What every operation of {@code /api/} has in common, added once instead of on each controller: its two
 * ways in (see {@link ApiAccess}) and the problems any request can meet — 400 (unparseable request),
 * 401, 403, 422 (a parameter the input door refuses, ADR 0036), 429 (token rate limit), and 415 where a
 * JSON or multipart body is read. Problems that depend on the operation (404, 409, 413, 500 integrity)
 * are declared on the operation itself.
 */
final class ApiOperations implements OpenApiCustomizer {

    private static final List<ApiProblems.Kind> EVERY_REQUEST = List.of(
            ApiProblems.BAD_REQUEST,
            ApiProblems.UNAUTHENTICATED,
            ApiProblems.FORBIDDEN,
            ApiProblems.INVALID_INPUT,
            ApiProblems.TOO_MANY_REQUESTS);

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                formBodyForPostedQuery(item);
                item.readOperationsMap().forEach(ApiOperations::complete);
            }
        });
    }

    private static void complete(PathItem.HttpMethod method, Operation operation) {
        ApiAccess.complete(method, operation);
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        EVERY_REQUEST.forEach(kind -> addIfAbsent(operation, kind));
        if (readsABody(operation)) {
            addIfAbsent(operation, ApiProblems.MEDIA_TYPE);
        }
    }

    /** A JSON or multipart body is read by a converter that refuses any other Content-Type (415). */
    private static boolean readsABody(Operation operation) {
        var body = operation.getRequestBody();
        return body != null
                && body.getContent() != null
                && body.getContent().keySet().stream()
                        .anyMatch(type -> type.equals("application/json") || type.equals("multipart/form-data"));
    }

    private static void addIfAbsent(Operation operation, ApiProblems.Kind kind) {
        if (!operation.getResponses().containsKey(kind.status())) {
            operation.getResponses().addApiResponse(kind.status(), ApiProblems.ref(kind));
        }
    }

    /**
     * A GET that also answers POST (e.g. search, ADR 0032) takes the same parameters as a form body on
     * POST, so that an ID number never sits in a URL; the POST is documented that way, with its own id.
     */
    private static void formBodyForPostedQuery(PathItem item) {
        Operation get = item.getGet();
        Operation post = item.getPost();
        if (get == null || post == null || post.getRequestBody() != null || post.getParameters() == null) {
            return;
        }
        var form = new Schema<Object>();
        form.setType("object");
        form.setTypes(java.util.Set.of("object"));
        for (Parameter p : post.getParameters()) {
            form.addProperty(p.getName(), p.getSchema());
        }
        post.setParameters(null);
        post.setRequestBody(new RequestBody()
                .description("与 GET 相同的参数，以表单提交（证件号等不进入地址）")
                .content(new Content()
                        .addMediaType(
                                org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                                new MediaType().schema(form))));
        post.setOperationId(get.getOperationId() + "ByForm");
        post.setSummary(get.getSummary() + "（表单提交）");
    }
}
