package org.siarchive.analytics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/statistics/dashboards}: the dashboards of the statistics console as JSON, the same figures. */
@Tag(name = "统计分析")
@RestController
@RequestMapping("/api/v1/statistics/dashboards")
class StatisticsApi {

    private static final String VIEW = "statistics:view";

    private final Dashboards dashboards;
    private final ChartLabels labels;

    StatisticsApi(Dashboards dashboards, ChartLabels labels) {
        this.dashboards = dashboards;
        this.labels = labels;
    }

    /** A dashboard's id and name. */
    record Listed(String id, String label) {}

    @Operation(
            operationId = "listDashboards",
            summary = "统计图表目录：各统计分析页面的编号与名称",
            description = "按页面顺序列出。 Lists the dashboards.",
            security = @SecurityRequirement(name = "apiToken", scopes = VIEW))
    @ApiResponse(responseCode = "200", description = "统计分析页面")
    @GetMapping
    List<Listed> list(Locale locale) {
        return dashboards.all().stream()
                .map(d -> new Listed(d.id(), labels.text(d.labelKey(), locale)))
                .toList();
    }

    @Operation(
            operationId = "getDashboard",
            summary = "统计图表：一个统计分析页面的合计与各图表数据，可按单位下钻",
            description = "org 为单位编号（默认本单位），只能是本单位或下级单位，其他单位答 404；from、to 为年月"
                    + " YYYY-MM（默认最近 24 个月，最长 36 个月）。 A dashboard's totals and charts for a unit and months.",
            security = @SecurityRequirement(name = "apiToken", scopes = VIEW))
    @ApiResponse(responseCode = "200", description = "统计图表")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "422", ref = "InvalidInput")
    @GetMapping("/{dashboard}")
    DashboardView get(
            @PathVariable String dashboard,
            @RequestParam(required = false) @Nullable String org,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            Access access,
            Locale locale) {
        return dashboards.view(dashboard, org, from, to, access, locale);
    }
}
