package org.siarchive.capture;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.ItemView;
import org.siarchive.shared.Access;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/captures}: multipart with a {@code metadata} JSON part and one or more
 * {@code files} parts, in the order of {@code metadata.files}. 201 for a new item, 200 with
 * {@code Idempotent-Replayed: true} for a repeat, 422 listing every broken rule.
 */
@Tag(name = "采集")
@RestController
@RequestMapping("/api/v1/captures")
class CaptureApi {

    private final Captures captures;
    private final SubmissionReader reader;

    CaptureApi(Captures captures, SubmissionReader reader) {
        this.captures = captures;
        this.reader = reader;
    }

    @Operation(
            operationId = "captureItem",
            summary = "采集一件",
            description =
                    "multipart 请求：metadata 部分为著录 JSON（业务受理号、业务环节、参保人或参保单位、经办信息与 files 清单），files 部分按 metadata.files 的顺序给出文件。系统做归档（GD）四性检测、登记档号与保管期限、计算 SM3 与 SHA-256 摘要并写入长期保存库后才应答：新件答 201；同一业务受理号（或 Idempotency-Key）的重复提交答 200 并带 Idempotent-Replayed: true；同一号码用于不同内容答 409；文件过大答 413；违反的每条规则在 422 中逐项列出。 Captures an item: 201 new, 200 replayed, 422 listing every broken rule.",
            security = @SecurityRequirement(name = "apiToken", scopes = "capture:create"),
            parameters =
                    @Parameter(
                            name = "Idempotency-Key",
                            in = ParameterIn.HEADER,
                            description = "幂等键；缺省时以著录中的业务受理号为幂等键。同一键的重复提交答 200，不再新建件。"))
    @ApiResponse(
            responseCode = "201",
            description = "新件，已长期保存",
            headers = @Header(name = "Location", description = "新件的地址", schema = @Schema(type = "string")))
    @ApiResponse(
            responseCode = "200",
            description = "重复提交：已有的件",
            headers = {
                @Header(name = "Idempotent-Replayed", description = "总是 true", schema = @Schema(type = "string")),
                @Header(name = "Location", description = "已有件的地址", schema = @Schema(type = "string"))
            })
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @ApiResponse(responseCode = "413", ref = "ContentTooLarge")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ItemView> capture(
            @RequestPart("metadata") String metadata,
            @RequestPart(name = "files", required = false) @Nullable List<MultipartFile> files,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            Access access) {
        var submission = reader.read(metadata);
        var uploads = MultipartUploads.of(files);
        var result = captures.capture(submission, uploads, idempotencyKey, access);
        var location = URI.create("/api/v1/items/" + result.item().id());
        var body = ItemView.of(result.item());
        return result.replayed()
                ? ResponseEntity.ok()
                        .header("Idempotent-Replayed", "true")
                        .location(location)
                        .body(body)
                : ResponseEntity.created(location).body(body);
    }
}
