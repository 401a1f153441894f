package org.siarchive.digitisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The scanning station's API (docs/adr/0061): open a batch, upload its pages in as many requests as it
 * takes, attach a manifest, submit, poll. Scanning software and outsourcing vendors (数字化外包) feed the
 * platform here; a vendor's token sees only the batches it opened ({@link ScanBatches#progress}).
 */
@Tag(name = "数字化")
@RestController
@RequestMapping("/api/v1/scan-batches")
class ScanStationApi {

    static final String STATION = "digitisation:station";

    private final ScanBatches batches;

    ScanStationApi(ScanBatches batches) {
        this.batches = batches;
    }

    @Operation(
            operationId = "openScanBatch",
            summary = "开一个扫描批次",
            description =
                    "开一个空的扫描批次（状态 OPEN），之后分一次或多次上传页面、附上清单，最后提交。全宗须在调用方的数据范围内；抽检比例 5–100（缺省 5），文字识别缺省开启。 Opens an empty scan batch for uploads.",
            security = @SecurityRequirement(name = "apiToken", scopes = STATION))
    @ApiResponse(
            responseCode = "201",
            description = "已开的批次",
            headers = @Header(name = "Location", description = "批次的地址", schema = @Schema(type = "string")))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ScanStationViews.Batch> open(@RequestBody ScanStationViews.OpenRequest body, Access access) {
        UUID id = batches.open(
                Objects.requireNonNullElse(body.name(), ""),
                Objects.requireNonNullElse(body.fondsCode(), ""),
                Objects.requireNonNullElse(body.ocr(), true),
                Objects.requireNonNullElse(body.samplePercent(), 5),
                access);
        return ResponseEntity.created(URI.create("/api/v1/scan-batches/" + id))
                .body(ScanStationViews.Batch.of(batches.progress(id, access)));
    }

    @Operation(
            operationId = "listScanBatches",
            summary = "扫描批次列表",
            description = "数据范围内最近的 100 个批次及其进度；数字化服务商只看到自己开的批次。 The latest batches in scope.",
            security = @SecurityRequirement(name = "apiToken", scopes = STATION))
    @ApiResponse(responseCode = "200", description = "批次与进度")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<ScanStationViews.Batch> list(Access access) {
        return batches.list(access).stream().map(ScanStationViews.Batch::of).toList();
    }

    @Operation(
            operationId = "scanBatchProgress",
            summary = "扫描批次的进度",
            description =
                    "状态（OPEN 待提交、PROCESSING 处理中、QC 待质检、ACCEPTED 已验收、REJECTED 不予验收），页数、已处理、出错与有问题的页数，处理中时估计的剩余秒数。数据范围外（或其他服务商）的批次答 404。 Status and progress of a batch.",
            security = @SecurityRequirement(name = "apiToken", scopes = STATION))
    @ApiResponse(responseCode = "200", description = "批次与进度")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ScanStationViews.Batch progress(@PathVariable UUID id, Access access) {
        return ScanStationViews.Batch.of(batches.progress(id, access));
    }

    @Operation(
            operationId = "uploadScanPages",
            summary = "向批次上传页面",
            description =
                    "multipart 请求，files 部分按顺序给出页面图像（TIFF、JPEG、PNG）、扫描仪 PDF 或 ZIP（ZIP 内按条目名排序），追加在已有页面之后。每个文件先经文件策略检查；页面写入并落盘、登记提交后才应答。批次的页数与字节上限跨多次上传计算。同一 Idempotency-Key 的重复上传答 200 并带 Idempotent-Replayed: true，不再追加页面。批次已提交答 409。 Appends pages to an open batch.",
            security = @SecurityRequirement(name = "apiToken", scopes = STATION),
            parameters =
                    @Parameter(
                            name = "Idempotency-Key",
                            in = ParameterIn.HEADER,
                            description = "幂等键：同一批次内同一键的重复上传只答第一次上传的页面，不再追加。"))
    @ApiResponse(responseCode = "201", description = "已追加的页面")
    @ApiResponse(
            responseCode = "200",
            description = "重复上传：第一次上传的页面",
            headers = @Header(name = "Idempotent-Replayed", description = "总是 true", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @ApiResponse(responseCode = "413", ref = "ContentTooLarge")
    @PostMapping(
            path = "/{id}/pages",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ScanStationViews.Upload> upload(
            @PathVariable UUID id,
            @RequestPart(name = "files", required = false) @Nullable List<MultipartFile> files,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            Access access) {
        var parts = files == null
                ? List.<ZipPages.Part>of()
                : files.stream()
                        .filter(f -> !f.isEmpty())
                        .map(f -> new ZipPages.Part(
                                Objects.requireNonNullElse(f.getOriginalFilename(), ""), f::getInputStream))
                        .toList();
        if (parts.isEmpty()) {
            throw new InvalidInputException(Violation.of("files", "required"));
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new InvalidInputException(Violation.of("Idempotency-Key", "format"));
        }
        var added = batches.upload(id, parts, idempotencyKey, access);
        var body = new ScanStationViews.Upload(
                id,
                added.firstSeq(),
                added.pages(),
                batches.progress(id, access).pagesTotal());
        return added.replayed()
                ? ResponseEntity.ok().header("Idempotent-Replayed", "true").body(body)
                : ResponseEntity.status(201).body(body);
    }

    @Operation(
            operationId = "attachScanManifest",
            summary = "附上批次清单",
            description =
                    "multipart 请求，file 部分为清单 CSV 或 Excel（.xlsx）：每行“页码范围,业务环节,公民身份号码,姓名,题名[,业务受理号]”，首行为表头。行格式现在检查，页码范围在提交时按实际页数检查；再次附上替换前一份。 Attaches a manifest to an open batch.",
            security = @SecurityRequirement(name = "apiToken", scopes = STATION))
    @ApiResponse(responseCode = "200", description = "批次与进度")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @PostMapping(
            path = "/{id}/manifest",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ScanStationViews.Batch manifest(
            @PathVariable UUID id,
            @RequestPart(name = "file", required = false) @Nullable MultipartFile file,
            Access access)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException(Violation.of("file", "required"));
        }
        if (file.getSize() > 5L << 20) {
            throw new InvalidInputException(Violation.of("file", "fileTooLarge", 5));
        }
        batches.attachManifest(id, Objects.requireNonNullElse(file.getOriginalFilename(), ""), file.getBytes(), access);
        return ScanStationViews.Batch.of(batches.progress(id, access));
    }

    @Operation(
            operationId = "submitScanBatch",
            summary = "提交扫描批次",
            description =
                    "关闭批次：按清单（无清单时按条码分隔页）登记各件，开始图像质检与文字识别（状态 PROCESSING）。无页面、清单与页数不符答 422；已提交答 409。 Closes the batch and starts processing.",
            security = @SecurityRequirement(name = "apiToken", scopes = STATION))
    @ApiResponse(responseCode = "200", description = "批次与进度")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @PostMapping(path = "/{id}/submit", produces = MediaType.APPLICATION_JSON_VALUE)
    ScanStationViews.Batch submit(@PathVariable UUID id, Access access) {
        batches.submit(id, access);
        return ScanStationViews.Batch.of(batches.progress(id, access));
    }
}
