package org.siarchive.comparison;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/comparison/warnings}: the 预警 worklist — list, read, take, route, confirm, exclude, close. */
@Tag(name = "数据比对")
@RestController
@RequestMapping("/api/v1/comparison/warnings")
class WarningsApi {

    private static final String HANDLE = "comparison:warning:handle";
    private static final String CLOSE = "comparison:warning:close";

    private final WarningWorklist worklist;
    private final Warnings warnings;
    private final WarningActions actions;

    WarningsApi(WarningWorklist worklist, Warnings warnings, WarningActions actions) {
        this.worklist = worklist;
        this.warnings = warnings;
        this.actions = actions;
    }

    record WarningPage(
            List<WarningView> items,
            long total,
            int page,
            int size,
            Map<WarningState, Long> byState,
            BigDecimal amountAtRisk,
            BigDecimal amountToRecover) {}

    record AssignRequest(@Nullable Long orgId) {}

    record ConfirmRequest(
            @Nullable String paymentAction, @Nullable BigDecimal amountToRecover, @Nullable String finding) {}

    record ReasonRequest(@Nullable String reason) {}

    record Unmasked(String warningNo, String idNumber) {}

    record Filed(String warningNo, String itemId) {}

    @Operation(
            operationId = "listWarnings",
            summary = "风险预警列表：按规则、状态、单位、月份、逾期、比对批次、本人承办筛选",
            description = "只列出本单位及下级单位承办的预警，分页（每页至多 100 条），附各状态数量与涉及金额。 Lists warnings.",
            security = @SecurityRequirement(name = "apiToken", scopes = HANDLE))
    @ApiResponse(responseCode = "200", description = "一页预警")
    @ApiResponse(responseCode = "422", ref = "InvalidInput")
    @GetMapping
    WarningPage list(
            @RequestParam(required = false) @Nullable String rule,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable Long unit,
            @RequestParam(required = false) @Nullable String month,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) @Nullable Long run,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            Access access) {
        var r = worklist.search(
                new WarningWorklist.Filter(rule, state, unit, month, overdue, run, mine), page, size, access);
        return new WarningPage(
                warnings.views(r.warnings()),
                r.total(),
                r.page(),
                r.size(),
                r.byState(),
                r.amountAtRisk(),
                r.amountToRecover());
    }

    @Operation(
            operationId = "getWarning",
            summary = "预警详情：证据、处理记录、支付指令",
            description = "公民身份号码脱敏显示；其他单位的预警答 404。 A warning with its evidence and history.",
            security = @SecurityRequirement(name = "apiToken", scopes = HANDLE))
    @ApiResponse(responseCode = "200", description = "预警")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping("/{warningNo}")
    Warnings.Detail get(@PathVariable String warningNo, Access access) {
        return warnings.detail(warningNo, access);
    }

    @Operation(
            operationId = "takeWarning",
            summary = "承办预警（由本人核查）",
            description = "记入处理记录并留审计。 Takes the warning.",
            security = @SecurityRequirement(name = "apiToken", scopes = HANDLE))
    @ApiResponse(responseCode = "200", description = "已承办")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @PostMapping("/{warningNo}/take")
    WarningView take(@PathVariable String warningNo, Access access) {
        return actions.take(warningNo, access);
    }

    @Operation(
            operationId = "assignWarning",
            summary = "分派预警到本单位或下级单位",
            description = "按工作日重新计算办理期限，留审计。 Routes the warning to a unit within the caller's subtree.",
            security = @SecurityRequirement(name = "apiToken", scopes = HANDLE))
    @ApiResponse(responseCode = "200", description = "已分派")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @ApiResponse(responseCode = "422", ref = "InvalidInput")
    @PostMapping("/{warningNo}/assign")
    WarningView assign(@PathVariable String warningNo, @RequestBody AssignRequest body, Access access) {
        return actions.assign(warningNo, body.orgId(), access);
    }

    @Operation(
            operationId = "confirmWarning",
            summary = "确认预警：支付处理（停发/暂停发放/不处理）、应追回金额、核查结论",
            description = "停发或暂停发放时同时生成支付指令；核查报告与证据清单归档。 Confirms the warning.",
            security = @SecurityRequirement(name = "apiToken", scopes = HANDLE))
    @ApiResponse(responseCode = "200", description = "已确认")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @ApiResponse(responseCode = "422", ref = "InvalidInput")
    @PostMapping("/{warningNo}/confirm")
    WarningView confirm(@PathVariable String warningNo, @RequestBody ConfirmRequest body, Access access) {
        return actions.confirm(warningNo, body.paymentAction(), body.amountToRecover(), body.finding(), access);
    }

    @Operation(
            operationId = "excludeWarning",
            summary = "排除预警（须填写排除理由）",
            description = "核查报告与证据清单同样归档。 Excludes the warning with a reason.",
            security = @SecurityRequirement(name = "apiToken", scopes = HANDLE))
    @ApiResponse(responseCode = "200", description = "已排除")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @ApiResponse(responseCode = "422", ref = "InvalidInput")
    @PostMapping("/{warningNo}/exclude")
    WarningView exclude(@PathVariable String warningNo, @RequestBody ReasonRequest body, Access access) {
        return actions.exclude(warningNo, body.reason(), access);
    }

    @Operation(
            operationId = "closeWarning",
            summary = "预警结案",
            description = "已确认的预警须先完成证据归档。 Closes a confirmed or excluded warning.",
            security = @SecurityRequirement(name = "apiToken", scopes = CLOSE))
    @ApiResponse(responseCode = "200", description = "已结案")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @PostMapping("/{warningNo}/close")
    WarningView close(@PathVariable String warningNo, Access access) {
        return actions.close(warningNo, access);
    }

    @Operation(
            operationId = "fileWarningEvidence",
            summary = "补办预警证据归档",
            description = "幂等：已归档时返回原件。 Files the decided warning's evidence (idempotent).",
            security = @SecurityRequirement(name = "apiToken", scopes = HANDLE))
    @ApiResponse(responseCode = "200", description = "证据件")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @PostMapping("/{warningNo}/file")
    Filed file(@PathVariable String warningNo, Access access) {
        return new Filed(warningNo, actions.file(warningNo, access).toString());
    }

    @Operation(
            operationId = "unmaskWarning",
            summary = "查看预警对象的完整公民身份号码（须填写事由）",
            description = "须有 personal:unmask 权限，事由记入审计。 The ID number in clear, with a reason.",
            security = @SecurityRequirement(name = "apiToken", scopes = "personal:unmask"))
    @ApiResponse(responseCode = "200", description = "公民身份号码")
    @ApiResponse(responseCode = "403", ref = "Forbidden")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "422", ref = "InvalidInput")
    @PostMapping("/{warningNo}/unmask")
    Unmasked unmask(@PathVariable String warningNo, @RequestBody ReasonRequest body, Access access) {
        return new Unmasked(warningNo, warnings.unmask(warningNo, body.reason() == null ? "" : body.reason(), access));
    }
}
