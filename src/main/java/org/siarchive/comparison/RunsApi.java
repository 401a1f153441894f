package org.siarchive.comparison;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.siarchive.shared.Access;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/comparison/runs}: start a comparison run, list runs, read one with inputs and rule counts. */
@Tag(name = "数据比对")
@RestController
@RequestMapping("/api/v1/comparison/runs")
class RunsApi {

    private final ComparisonRuns runs;
    private final RunViews views;

    RunsApi(ComparisonRuns runs, RunViews views) {
        this.runs = runs;
        this.views = views;
    }

    @Operation(
            operationId = "startComparisonRun",
            summary = "发起比对：选择单位（含下级）、规则和截止日期",
            description = "比对在后台进行，答 202 和比对批次（状态为比对中）；同一单位同时只能有一个比对。" + " Starts a comparison run in the background.",
            security = @SecurityRequirement(name = "apiToken", scopes = RunAccessRules.RUN))
    @ApiResponse(responseCode = "202", description = "已发起")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    RunView start(@RequestBody ComparisonRuns.StartRequest body, Access access) {
        return runs.launch(body, access);
    }

    @Operation(
            operationId = "listComparisonRuns",
            summary = "比对批次列表，最新的在前（每页 50 个）",
            description = "只列出本单位及下级单位的比对。 Lists comparison runs.",
            security = @SecurityRequirement(name = "apiToken", scopes = RunAccessRules.RUN))
    @ApiResponse(responseCode = "200", description = "比对批次")
    @GetMapping
    List<RunView> list(@RequestParam(defaultValue = "0") int page, Access access) {
        return views.list(page, access);
    }

    @Operation(
            operationId = "getComparisonRun",
            summary = "比对批次详情：输入数据集及其摘要、各规则版本的命中数、新预警数、金额和用时",
            description = "其他单位的比对答 404。 A comparison run with its inputs and rule counts.",
            security = @SecurityRequirement(name = "apiToken", scopes = RunAccessRules.RUN))
    @ApiResponse(responseCode = "200", description = "比对批次")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping("/{id}")
    RunView get(@PathVariable long id, Access access) {
        return views.get(id, access);
    }
}
