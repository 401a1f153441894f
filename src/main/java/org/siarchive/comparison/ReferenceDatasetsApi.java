package org.siarchive.comparison;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Page;
import org.siarchive.shared.Violation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/v1/comparison/datasets}: reference data for comparisons — upload, batches, progress, errors, withdrawal. */
@Tag(name = "数据比对")
@RestController
@RequestMapping("/api/v1/comparison/datasets")
class ReferenceDatasetsApi {

    static final String SCOPE = "comparison:data";
    private static final String BASE = "/api/v1/comparison/datasets/";

    private final ReferenceImports imports;
    private final ReferenceDatasets datasets;
    private final ReferenceErrorReport report;

    ReferenceDatasetsApi(ReferenceImports imports, ReferenceDatasets datasets, ReferenceErrorReport report) {
        this.imports = imports;
        this.datasets = datasets;
        this.report = report;
    }

    record WithdrawRequest(@Nullable String reason) {}

    @Operation(
            operationId = "uploadReferenceDataset",
            summary = "上传比对数据文件（CSV 或 XLSX）",
            description = "按数据类别的列布局（docs/reference-data.md）导入；缺少必需列答 422 并写明列名；同一单位同类同来源的同一文件"
                    + "再次上传答 303 指向已有数据集；否则答 202，后台导入，进度见 Location。 Uploads a reference file.",
            security = @SecurityRequirement(name = "apiToken", scopes = SCOPE))
    @ApiResponse(responseCode = "202", description = "已接收，后台导入")
    @ApiResponse(responseCode = "303", description = "同一文件已导入，指向已有数据集")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DatasetRows.Dataset> upload(
            @RequestParam @Nullable String kind,
            @RequestParam @Nullable String source,
            @RequestParam @Nullable String title,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
            @RequestPart(name = "file", required = false) @Nullable MultipartFile file,
            Access access) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException(new Violation("file", "empty", "reference.rule.empty", List.of()));
        }
        try (var in = file.getInputStream()) {
            var received = imports.upload(
                    new ReferenceImports.Upload(kind, source, title, asOf), file.getOriginalFilename(), in, access);
            URI at = URI.create(BASE + received.datasetId());
            var body = datasets.find(received.datasetId(), access);
            return received.existing()
                    ? ResponseEntity.status(HttpStatus.SEE_OTHER).location(at).body(body)
                    : ResponseEntity.accepted().location(at).body(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Operation(
            operationId = "importReferenceRows",
            summary = "以 JSON 提交一批比对数据（至多 10000 行）",
            description = "每行为列名到值的映射（列名同文件表头）；立即导入，答 201；同一批再次提交答 200 并返回已有数据集。" + " Imports a batch of rows.",
            security = @SecurityRequirement(name = "apiToken", scopes = SCOPE))
    @ApiResponse(responseCode = "201", description = "已导入")
    @PostMapping(path = "/rows", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DatasetRows.Dataset> rows(@RequestBody ReferenceDatasets.Batch body, Access access) {
        var answer = datasets.batch(body, access);
        var d = datasets.find(answer.datasetId(), access);
        return answer.existing()
                ? ResponseEntity.ok().location(URI.create(BASE + d.id())).body(d)
                : ResponseEntity.created(URI.create(BASE + d.id())).body(d);
    }

    @Operation(
            operationId = "listReferenceDatasets",
            summary = "比对数据集列表",
            description = "本单位及下级单位导入的数据集，可按类别、来源、状态筛选，分页。 Lists datasets.",
            security = @SecurityRequirement(name = "apiToken", scopes = SCOPE))
    @ApiResponse(responseCode = "200", description = "一页数据集，最新的在前")
    @GetMapping
    Page<DatasetRows.Dataset> list(
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            Access access) {
        return datasets.page(kind, source, state, page, size, access);
    }

    @Operation(
            operationId = "getReferenceDataset",
            summary = "比对数据集详情与导入进度",
            description = "状态（RECEIVING 导入中、LOADED、FAILED、WITHDRAWN）与已读、已拒行数；其他单位的数据集答 404。 A dataset.",
            security = @SecurityRequirement(name = "apiToken", scopes = SCOPE))
    @ApiResponse(responseCode = "200", description = "数据集")
    @GetMapping("/{id}")
    DatasetRows.Dataset get(@PathVariable long id, Access access) {
        return datasets.find(id, access);
    }

    @Operation(
            operationId = "getReferenceDatasetErrors",
            summary = "下载比对数据的错误行报告（Excel）",
            description = "每个被拒行的行号、列、规则和脱敏后的值。 The per-row error report.",
            security = @SecurityRequirement(name = "apiToken", scopes = SCOPE))
    @ApiResponse(responseCode = "200", description = "Excel 报告")
    @GetMapping("/{id}/errors.xlsx")
    ResponseEntity<byte[]> errors(@PathVariable long id, Access access) {
        return report.download(datasets.find(id, access), access);
    }

    @Operation(
            operationId = "withdrawReferenceDataset",
            summary = "撤销比对数据集",
            description = "须说明事由；数据集的行被删除，此后的比对不再使用它；留审计。 Withdraws a dataset.",
            security = @SecurityRequirement(name = "apiToken", scopes = SCOPE))
    @ApiResponse(responseCode = "200", description = "已撤销的数据集")
    @PostMapping("/{id}/withdraw")
    DatasetRows.Dataset withdraw(@PathVariable long id, @RequestBody WithdrawRequest body, Access access) {
        return datasets.withdraw(id, body.reason(), access);
    }

    @Operation(
            operationId = "getReferenceTemplate",
            summary = "下载某类比对数据的 Excel 模板",
            description = "表头为该类别的列（必需列在前）。 The Excel template of a kind.",
            security = @SecurityRequirement(name = "apiToken", scopes = SCOPE))
    @ApiResponse(responseCode = "200", description = "Excel 模板")
    @GetMapping("/templates/{kind}.xlsx")
    ResponseEntity<byte[]> template(@PathVariable String kind) {
        return report.template(kind);
    }
}
