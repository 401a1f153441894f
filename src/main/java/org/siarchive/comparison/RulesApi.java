package org.siarchive.comparison;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.siarchive.shared.Access;
import org.siarchive.shared.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/comparison/rules}: the rule catalogue, each rule's versions, and changing a rule. */
@Tag(name = "数据比对")
@RestController
@RequestMapping("/api/v1/comparison/rules")
class RulesApi {

    private final RuleCatalogue catalogue;
    private final RuleChanges changes;

    RulesApi(RuleCatalogue catalogue, RuleChanges changes) {
        this.catalogue = catalogue;
        this.changes = changes;
    }

    @Operation(
            operationId = "listComparisonRules",
            summary = "比对规则目录：每条规则的当前版本、参数和是否启用",
            description = "每条比对规则的最新版本：数据来源、条件、参数、处理期限与定义的 SM3 摘要。",
            security = @SecurityRequirement(name = "apiToken", scopes = RunAccessRules.RUN))
    @ApiResponse(responseCode = "200", description = "规则")
    @GetMapping
    List<RuleCatalogue.Version> list() {
        return catalogue.current();
    }

    @Operation(
            operationId = "getComparisonRuleVersions",
            summary = "一条比对规则的全部版本，最新的在前",
            description = "一条比对规则的历次版本（最新在前），每个版本含定义的 SM3 摘要与修改说明。",
            security = @SecurityRequirement(name = "apiToken", scopes = RunAccessRules.RUN))
    @ApiResponse(responseCode = "200", description = "版本")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping("/{code}")
    List<RuleCatalogue.Version> versions(@PathVariable String code) {
        var versions = catalogue.history(code);
        if (versions.isEmpty()) {
            throw new NotFoundException("COMPARISON_RULE", code);
        }
        return versions;
    }

    @Operation(
            operationId = "changeComparisonRule",
            summary = "修改比对规则：启用或停用、期限（工作日）、已有参数的取值；每次修改为新版本并留审计",
            description = "不能增加参数或改变数据来源。 Changes a rule; a new version, audited.",
            security = @SecurityRequirement(name = "apiToken", scopes = RunAccessRules.RUN))
    @ApiResponse(responseCode = "200", description = "规则的新版本")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "422", ref = "InvalidInput")
    @PostMapping("/{code}")
    RuleCatalogue.Version change(@PathVariable String code, @RequestBody RuleChanges.Change body, Access access) {
        return changes.change(code, body, access);
    }
}
