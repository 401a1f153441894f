package org.siarchive.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/reference}: 档号 rules and annex retention, the reference data agencies adapt. */
@Tag(name = "档案目录")
@RestController
@RequestMapping("/api/v1/reference")
class ReferenceDataApi {

    private final ReferenceDataAdmin admin;

    ReferenceDataApi(ReferenceDataAdmin admin) {
        this.admin = admin;
    }

    record RuleRequest(@Nullable String fondsCode, @Nullable String categoryCode, String pattern, int seqWidth) {}

    record RetentionRequest(String retentionCode, String reason) {}

    @Operation(
            operationId = "listArchiveCodeRules",
            summary = "列出档号规则",
            description = "全宗或材料大类适用的档号编制规则（模式与件号位数）。 The archive-code rules.",
            security = @SecurityRequirement(name = "apiToken", scopes = "reference:read"))
    @ApiResponse(responseCode = "200", description = "档号规则")
    @GetMapping("/archive-code-rules")
    List<ReferenceDataAdmin.Rule> rules() {
        return admin.rules();
    }

    @Operation(
            operationId = "setArchiveCodeRule",
            summary = "设置档号规则",
            description =
                    "设置某全宗、某材料大类（均可空，空为通用）的档号模式与件号位数，只用于此后新编的档号。全宗须在调用方数据范围内；适用于所有全宗的规则须数据范围覆盖整个机构树（否则 403）。留审计。 Sets an archive-code rule (new numbers only).",
            security = @SecurityRequirement(name = "apiToken", scopes = "reference:manage"))
    @ApiResponse(responseCode = "200", description = "保存后的规则")
    @PutMapping("/archive-code-rules")
    ReferenceDataAdmin.Rule setRule(@RequestBody RuleRequest body, Access access) {
        return admin.setRule(body.fondsCode(), body.categoryCode(), body.pattern(), body.seqWidth(), access);
    }

    @Operation(
            operationId = "setScopeRetention",
            summary = "调整归档范围条目的保管期限",
            description =
                    "按本地实施细则核对后调整归档范围条目（code）的保管期限（retentionCode），须说明事由（reason）。归档范围为共用参考数据，只有数据范围覆盖整个机构树的调用方可改（否则 403）。成功时无响应体，留审计。 Sets the retention of an annex row.",
            security = @SecurityRequirement(name = "apiToken", scopes = "reference:manage"))
    @ApiResponse(responseCode = "200", description = "已调整")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @PutMapping("/scopes/{code}/retention")
    void setRetention(@PathVariable String code, @RequestBody RetentionRequest body, Access access) {
        admin.setScopeRetention(code, body.retentionCode(), body.reason(), access);
    }
}
