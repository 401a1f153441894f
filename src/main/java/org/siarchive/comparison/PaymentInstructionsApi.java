package org.siarchive.comparison;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Registers;
import org.siarchive.shared.Violation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Payment instructions and warning statistics under {@code /api/v1/comparison}. */
@Tag(name = "数据比对")
@RestController
class PaymentInstructionsApi {

    static final List<String> STATES = List.of("PENDING", "DELIVERED", "FAILED");

    private final PaymentInstructions instructions;
    private final WarningStatistics statistics;
    private final Registers registers;

    PaymentInstructionsApi(PaymentInstructions instructions, WarningStatistics statistics, Registers registers) {
        this.instructions = instructions;
        this.statistics = statistics;
        this.registers = registers;
    }

    @Operation(
            operationId = "listPaymentInstructions",
            summary = "支付指令及其送达状态",
            description = "本单位及下级单位预警生成的停发、暂停发放指令，最新的在前（至多 500 条）。 Payment instructions.",
            security = @SecurityRequirement(name = "apiToken", scopes = "comparison:warning:handle"))
    @ApiResponse(responseCode = "200", description = "支付指令")
    @ApiResponse(responseCode = "422", ref = "InvalidInput")
    @GetMapping("/api/v1/comparison/payment-instructions")
    List<PaymentInstruction> list(@RequestParam(required = false) @Nullable String state, Access access) {
        return instructions.list(state(state), access);
    }

    @Operation(
            operationId = "warningStatistics",
            summary = "风险预警统计：按规则、单位、月份",
            description = "预警数、确认、排除、结案、逾期数及涉及金额、应追回金额；最长 36 个月。 Warning statistics.",
            security = @SecurityRequirement(name = "apiToken", scopes = "comparison:warning:handle"))
    @ApiResponse(responseCode = "200", description = "统计行")
    @ApiResponse(responseCode = "422", ref = "InvalidInput")
    @GetMapping("/api/v1/comparison/warning-statistics")
    List<WarningStatistics.Line> statistics(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            Access access,
            Locale locale) {
        return statistics.lines(from, to, access, locale);
    }

    @Operation(
            operationId = "exportWarningStatistics",
            summary = "导出风险预警统计（Excel）",
            description = "同统计条件，至多 5000 行。 Warning statistics as Excel.",
            security = @SecurityRequirement(name = "apiToken", scopes = "comparison:warning:handle"))
    @ApiResponse(responseCode = "200", description = "Excel 文件")
    @ApiResponse(responseCode = "422", ref = "InvalidInput")
    @GetMapping("/api/v1/comparison/warning-statistics/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            Access access,
            Locale locale) {
        var lines = statistics.lines(from, to, access, locale);
        return registers.download(statistics.register(lines), "xlsx", access, locale);
    }

    static @Nullable String state(@Nullable String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        if (!STATES.contains(s.strip())) {
            throw new InvalidInputException(Violation.of("state", "code"));
        }
        return s.strip();
    }
}
