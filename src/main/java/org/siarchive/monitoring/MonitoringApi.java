package org.siarchive.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditFeed;
import org.siarchive.shared.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/monitoring/alerts}: the security alerts, the audit entries behind each, and their acknowledgement.
 * monitoring:alert is an administrator's permission, which API tokens never carry: in practice these are called
 * from a console session of the security administrator or the auditor.
 */
@Tag(name = "安全监测")
@RestController
@RequestMapping("/api/v1/monitoring/alerts")
class MonitoringApi {

    private static final String ALERT = "monitoring:alert";

    private final SecurityAlerts alerts;

    MonitoringApi(SecurityAlerts alerts) {
        this.alerts = alerts;
    }

    record AlertPage(List<Alert> items, long total, int page, int size) {}

    record AlertDetail(Alert alert, List<AuditFeed.Readable> entries) {}

    record Acknowledgement(@Nullable String note) {}

    @Operation(
            operationId = "listSecurityAlerts",
            summary = "安全告警列表：按状态、规则、告警日期筛选",
            description = "只列出本机构及下级机构账号的告警，按告警时间倒序分页（每页至多 100 条）。 Lists security alerts.",
            security = @SecurityRequirement(name = "apiToken", scopes = ALERT))
    @ApiResponse(responseCode = "200", description = "一页告警")
    @ApiResponse(responseCode = "422", ref = "InvalidInput")
    @GetMapping
    AlertPage list(
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String rule,
            @RequestParam(required = false) @Nullable String day,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            Access access) {
        var p = alerts.list(new SecurityAlerts.Filter(state, rule, day), page, size, access);
        return new AlertPage(p.content(), p.total(), p.page(), p.size());
    }

    @Operation(
            operationId = "getSecurityAlert",
            summary = "安全告警详情及其所依据的审计日志",
            description = "数据范围外的告警答 404。 A security alert with the audit entries behind it.",
            security = @SecurityRequirement(name = "apiToken", scopes = ALERT))
    @ApiResponse(responseCode = "200", description = "告警")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping("/{id}")
    AlertDetail get(@PathVariable String id, Access access, Locale locale) {
        var d = alerts.detail(SecurityAlertsConsole.id(id), access, locale);
        return new AlertDetail(d.alert(), d.entries());
    }

    @Operation(
            operationId = "acknowledgeSecurityAlert",
            summary = "确认安全告警（须填写说明）",
            description = "记入审计日志；没有说明答 422，已确认的告警答 409。 Acknowledges the alert with a note.",
            security = @SecurityRequirement(name = "apiToken", scopes = ALERT))
    @ApiResponse(responseCode = "200", description = "已确认")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @ApiResponse(responseCode = "422", ref = "InvalidInput")
    @PostMapping("/{id}/acknowledgement")
    Alert acknowledge(@PathVariable String id, @RequestBody Acknowledgement body, Access access) {
        return alerts.acknowledge(SecurityAlertsConsole.id(id), body.note(), access);
    }
}
