package org.siarchive.transfer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.ArchiveCodeLookup;
import org.siarchive.catalog.Containers;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Transfer API: {@code POST /api/v1/transfers/exports} writes a package of chosen 档号 and volumes
 * ({@code format} EEP or FOLDER) and answers the zip; {@code POST /api/v1/transfers/receipts} receives a
 * package (multipart {@code package}, with {@code fondsCode}, {@code handedOverBy}, {@code witness}) and
 * answers 201 with the handover record, or 422 naming every failed YJ check item and record, or 409 naming
 * records already held unless {@code duplicates} is SKIP or KEEP with a {@code duplicateReason} (ADR 0035).
 */
@Tag(name = "移交与接收")
@RestController
@RequestMapping("/api/v1/transfers")
class TransferApi {

    private final TransferPackages packages;
    private final ArchiveCodeLookup codeLookup;
    private final Containers containers;

    TransferApi(TransferPackages packages, ArchiveCodeLookup codeLookup, Containers containers) {
        this.packages = packages;
        this.codeLookup = codeLookup;
        this.containers = containers;
    }

    record ExportRequest(
            @Nullable List<String> archiveCodes, @Nullable List<Long> volumeIds, @Nullable String format) {}

    @Operation(
            operationId = "exportTransferPackage",
            summary = "导出移交包",
            description =
                    "按档号（archiveCodes）和卷（volumeIds）导出移交包，format 为 EEP（默认，DA/T 48 电子文件封装包）或 FOLDER，答 zip 下载；包经 SM2 签名，X-Package-SM3 为其摘要。未知档号或未完成保存的件答 422。 Exports a transfer package as a zip.",
            security = @SecurityRequirement(name = "apiToken", scopes = "preservation:transfer"))
    @ApiResponse(
            responseCode = "200",
            description = "移交包 zip",
            headers = {
                @Header(name = "X-Package-Id", description = "移交包标识", schema = @Schema(type = "string")),
                @Header(name = "X-Package-SM3", description = "移交包的 SM3 摘要", schema = @Schema(type = "string"))
            },
            content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    @PostMapping(path = "/exports", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<FileSystemResource> export(@RequestBody ExportRequest request, Access access) {
        TransferPackages.Format format;
        try {
            format = TransferPackages.Format.valueOf(request.format() == null ? "EEP" : request.format());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Violation.of("format", "codeTable", request.format()));
        }
        var codes = new ArrayList<String>();
        if (request.archiveCodes() != null) {
            codes.addAll(request.archiveCodes());
        }
        if (request.volumeIds() != null) {
            for (Long v : request.volumeIds()) {
                codes.addAll(containers.itemCodesInVolume(v, access.scope()));
            }
        }
        var ids = codes.isEmpty() ? List.<UUID>of() : codeLookup.resolveOne(codes, access.scope(), "archiveCodes");
        return download(packages.export(ids, format, access));
    }

    /** The package as a zip download; the temporary file is removed once it has been sent. */
    static ResponseEntity<FileSystemResource> download(TransferPackages.Exported exported) {
        exported.file().toFile().deleteOnExit();
        String name = "transfer-" + exported.packageId() + ".zip";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .header("X-Package-Id", exported.packageId().toString())
                .header("X-Package-SM3", exported.sm3())
                .body(new FileSystemResource(exported.file()) {
                    @Override
                    public java.io.InputStream getInputStream() throws IOException {
                        return new java.io.FilterInputStream(super.getInputStream()) {
                            @Override
                            public void close() throws IOException {
                                super.close();
                                Files.deleteIfExists(exported.file());
                            }
                        };
                    }
                });
    }

    @Operation(
            operationId = "receiveTransferPackage",
            summary = "接收移交包",
            description =
                    "multipart 请求：package 为移交包 zip，另有全宗号 fondsCode、移交人 handedOverBy、监交人 witness。接收时做移交与接收（YJ）四性检测：失败时 422 逐项列出检测项与记录；包中记录已在馆时答 409 并在 duplicates 中列出，除非 duplicates=SKIP 或 KEEP 且给出 duplicateReason（ADR 0035）。成功答 201 与交接记录。 Receives a transfer package: 201, 409 duplicates held, 422 failed checks.",
            security = @SecurityRequirement(name = "apiToken", scopes = "preservation:transfer"),
            parameters =
                    @Parameter(
                            name = "duplicates",
                            description = "包中记录已在馆时的处理：REFUSE（默认，答 409）、SKIP（跳过）或 KEEP（仍接收），后两者须给出 duplicateReason。",
                            schema =
                                    @Schema(
                                            allowableValues = {"REFUSE", "SKIP", "KEEP"},
                                            defaultValue = "REFUSE")))
    @ApiResponse(responseCode = "201", description = "交接记录")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @ApiResponse(responseCode = "413", ref = "ContentTooLarge")
    @PostMapping(path = "/receipts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<TransferPackages.Receipt> receive(
            @RequestPart(name = "package", required = false) @Nullable MultipartFile pkg,
            @RequestParam(defaultValue = "") String fondsCode,
            @RequestParam(defaultValue = "") String handedOverBy,
            @RequestParam(defaultValue = "") String witness,
            @RequestParam(defaultValue = "REFUSE") String duplicates,
            @RequestParam(required = false) @Nullable String duplicateReason,
            Access access) {
        var receipt = receiveUpload(
                packages, pkg, handover(fondsCode, handedOverBy, witness, duplicates, duplicateReason), access);
        return ResponseEntity.status(HttpStatus.CREATED).body(receipt);
    }

    /** The handover as posted; {@code duplicates} is the archivist's decision for records already held. */
    static TransferPackages.Handover handover(
            String fondsCode,
            String handedOverBy,
            String witness,
            String duplicates,
            @Nullable String duplicateReason) {
        TransferPackages.OnDuplicates decision;
        try {
            decision = TransferPackages.OnDuplicates.valueOf(duplicates.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Violation.of("duplicates", "duplicateDecision", duplicates));
        }
        return new TransferPackages.Handover(fondsCode, handedOverBy, witness, decision, duplicateReason);
    }

    /** Receives an uploaded package through a temporary copy that is always removed. */
    static TransferPackages.Receipt receiveUpload(
            TransferPackages packages, @Nullable MultipartFile pkg, TransferPackages.Handover handover, Access access) {
        return receiveUpload(packages, pkg, handover, access, ReceiptProgress.Tracker.NONE);
    }

    static TransferPackages.Receipt receiveUpload(
            TransferPackages packages,
            @Nullable MultipartFile pkg,
            TransferPackages.Handover handover,
            Access access,
            ReceiptProgress.Tracker tracker) {
        if (pkg == null || pkg.isEmpty()) {
            throw new InvalidInputException(Violation.of("package", "required"));
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile("siarchive-receipt-", ".zip");
            try (var in = pkg.getInputStream()) {
                Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            String name = pkg.getOriginalFilename() == null ? "package.zip" : pkg.getOriginalFilename();
            return packages.receive(tmp, name, handover, access, tracker);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temporary copy
                }
            }
        }
    }

    @Operation(
            operationId = "listTransferReceipts",
            summary = "列出接收登记",
            description = "最近 100 次移交包接收的登记（调用方数据范围内）。 The latest receipts.",
            security = @SecurityRequirement(name = "apiToken", scopes = "preservation:transfer"))
    @ApiResponse(responseCode = "200", description = "接收登记")
    @GetMapping("/receipts")
    List<Map<String, Object>> register(Access access) {
        return packages.register(100, access);
    }

    @Operation(
            operationId = "readTransferSigningKey",
            summary = "读取移交包签名密钥标识",
            description =
                    "本系统签署移交包所用密钥的标识与算法（SM3withSM2），供接收方验签。 The key id and algorithm that sign exported packages.",
            security = @SecurityRequirement(name = "apiToken", scopes = "preservation:transfer"))
    @ApiResponse(responseCode = "200", description = "密钥标识与算法")
    @GetMapping("/key")
    Map<String, String> key() {
        return Map.of("keyId", packages.keyId(), "algorithm", "SM3withSM2");
    }
}
