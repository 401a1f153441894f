package org.siarchive.continuation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
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

/**
 * 转移接续 API: cases within the caller's scope (register the 申请表, send the 联系函, answer with the 信息表 and the
 * archive, complete, refuse; read with steps and messages; download an envelope), and the door other agencies'
 * installations deliver their signed envelopes to ({@code POST /api/v1/continuation/messages}, token scope
 * continuation:exchange).
 */
@Tag(name = "转移接续")
@RestController
@RequestMapping("/api/v1/continuation")
class ContinuationApi {

    private final ContinuationService service;

    ContinuationApi(ContinuationService service) {
        this.service = service;
    }

    @Operation(
            operationId = "registerContinuationCase",
            summary = "登记转移接续申请",
            description = "转入地登记申请表：公民身份号码、姓名、险种、类型（空则按年龄与户籍规则建议）、转出地机构（已登记对端或自由填写）、代办人。缺项或格式错误答 422。",
            security = @SecurityRequirement(name = "apiToken", scopes = "continuation:case"))
    @ApiResponse(responseCode = "201", description = "已登记的案件")
    @PostMapping(path = "/cases", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CaseView> apply(@RequestBody Applications.Application application, Access access) {
        return ResponseEntity.status(HttpStatus.CREATED).body(service.apply(application, List.of(), access));
    }

    @Operation(
            operationId = "listContinuationCases",
            summary = "列出转移接续案件",
            description = "数据范围内的案件，逾期的在前；可按状态、方向、是否逾期筛选，最多 200 条。",
            security = @SecurityRequirement(name = "apiToken", scopes = "continuation:case"))
    @ApiResponse(responseCode = "200", description = "案件")
    @GetMapping("/cases")
    List<CaseView> list(
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String direction,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "50") int limit,
            Access access) {
        return service.list(ContinuationService.filter(state, direction, overdue), limit, access);
    }

    @Operation(
            operationId = "readContinuationCase",
            summary = "读取转移接续案件",
            description = "案件、各步骤及期限、往来函件；不在数据范围内的案件答 404。",
            security = @SecurityRequirement(name = "apiToken", scopes = "continuation:case"))
    @ApiResponse(responseCode = "200", description = "案件")
    @GetMapping("/cases/{caseNo}")
    Map<String, Object> read(@PathVariable String caseNo, Access access) {
        var page = service.page(caseNo, access);
        return Map.of("case", page.view(), "steps", page.steps(), "messages", page.messages());
    }

    @Operation(
            operationId = "sendContinuationLetter",
            summary = "发送联系函",
            description = "转入地向转出地发送联系函（经签名）；对端有接口地址时直接送达，否则留待下载交换。",
            security = @SecurityRequirement(name = "apiToken", scopes = "continuation:case"))
    @ApiResponse(responseCode = "200", description = "案件")
    @PostMapping("/cases/{caseNo}/letter")
    CaseView letter(@PathVariable String caseNo, Access access) {
        return service.cases().sendLetter(caseNo, access);
    }

    @Operation(
            operationId = "sendContinuationInfo",
            summary = "发送信息表",
            description = "转出地答复信息表与基金划转表数额，并附参保人档案的签名 EEP 移交包。",
            security = @SecurityRequirement(name = "apiToken", scopes = "continuation:case"))
    @ApiResponse(responseCode = "200", description = "案件")
    @PostMapping(path = "/cases/{caseNo}/info", consumes = MediaType.APPLICATION_JSON_VALUE)
    CaseView info(@PathVariable String caseNo, @RequestBody Envelope.Info info, Access access) {
        return service.cases().sendInfo(caseNo, info, access);
    }

    @Operation(
            operationId = "completeContinuationCase",
            summary = "接续完成",
            description = "转入地接续完成：案件材料归档，向转出地发送回执。",
            security = @SecurityRequirement(name = "apiToken", scopes = "continuation:case"))
    @ApiResponse(responseCode = "200", description = "案件")
    @PostMapping("/cases/{caseNo}/completion")
    CaseView complete(@PathVariable String caseNo, Access access) {
        return service.cases().complete(caseNo, access);
    }

    /** A refusal's reason. */
    record Refusal(@Nullable String reason) {}

    @Operation(
            operationId = "refuseContinuationCase",
            summary = "不予办理",
            description = "任一方以理由终止案件，并通知对端。",
            security = @SecurityRequirement(name = "apiToken", scopes = "continuation:case"))
    @ApiResponse(responseCode = "200", description = "案件")
    @PostMapping(path = "/cases/{caseNo}/refusal", consumes = MediaType.APPLICATION_JSON_VALUE)
    CaseView refuse(@PathVariable String caseNo, @RequestBody Refusal refusal, Access access) {
        return service.cases().refuse(caseNo, refusal.reason(), access);
    }

    @Operation(
            operationId = "downloadContinuationEnvelope",
            summary = "下载函件",
            description = "案件的一件签名函件（zip），用于与其他系统以文件交换。",
            security = @SecurityRequirement(name = "apiToken", scopes = "continuation:case"))
    @ApiResponse(responseCode = "200", description = "函件 zip")
    @GetMapping("/cases/{caseNo}/messages/{messageId}")
    ResponseEntity<byte[]> envelope(@PathVariable String caseNo, @PathVariable long messageId, Access access) {
        return ContinuationService.zip(caseNo + "-" + messageId + ".zip", service.envelope(caseNo, messageId, access));
    }

    @Operation(
            operationId = "deliverContinuationMessage",
            summary = "接收对端函件",
            description =
                    "对端系统送达签名函件（multipart envelope）：须为已登记对端、签名有效、收件机构为本机构；同一函件再次送达答首次结果。信息表所附移交包未通过四性检测时答 422 并指明检测项与记录。",
            security = @SecurityRequirement(name = "apiToken", scopes = "continuation:exchange"))
    @ApiResponse(responseCode = "200", description = "接收结果")
    @PostMapping(path = "/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Inbox.Answer deliver(
            @RequestPart(name = "envelope", required = false) @Nullable MultipartFile envelope, Access access) {
        return service.receive(bytes(envelope, service.maxEnvelope()), access);
    }

    @Operation(
            operationId = "readContinuationCertificate",
            summary = "读取本机构签名公钥",
            description = "本系统签署函件与移交包所用的 SM2 公钥（PEM），供对端登记。",
            security = @SecurityRequirement(name = "apiToken", scopes = "continuation:exchange"))
    @ApiResponse(responseCode = "200", description = "PEM 与密钥标识")
    @GetMapping("/certificate")
    Map<String, String> certificate() {
        return service.certificate();
    }

    /** The bytes of an uploaded envelope, bounded; 422 when missing or too large. */
    static byte[] bytes(@Nullable MultipartFile f, long max) {
        if (f == null || f.isEmpty()) {
            throw new InvalidInputException(Violation.of("envelope", "required"));
        }
        if (f.getSize() > max) {
            throw new InvalidInputException(Violation.of("envelope", "fileTooLarge", max / (1024 * 1024)));
        }
        try {
            return f.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
