package org.siarchive.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.siarchive.shared.Access;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/search}: full text ({@code q}, repeated {@code within} to search within earlier
 * results), metadata criteria, facet drill-down, {@code sort=relevance|time}, paging; answers the page of
 * hits (with highlighted snippets) and the facet counts of all hits.
 */
@Tag(name = "全文检索")
@RestController
class SearchApi {

    private final Searches search;

    SearchApi(Searches search) {
        this.search = search;
    }

    /** The page of hits, with the facet counts over every hit. */
    @Schema(name = "SearchPage", description = "当页命中与全部命中的分面计数")
    record Response(
            List<SearchHit> content,
            int page,
            int size,
            long total,
            @Schema(description = "为真时 total 与分面计数是抽样估计（命中多于可翻阅的结果窗口，ADR 0115）；当页命中仍是最相关的") boolean approximate,
            Map<String, List<SearchResults.FacetCount>> facets,
            List<org.siarchive.catalog.Tombstones.Tombstone> destroyed) {}

    /** GET, or POST with the same parameters as a form body so an ID number stays out of the URL (ADR 0032). */
    @Operation(
            operationId = "searchItems",
            summary = "检索档案",
            description =
                    "全文（q，多次给出 within 表示在前次结果中检索）与著录条件（姓名、证件号、档号、材料大类、年度、险种、业务环节、机构、保管期限、状态）检索，可按分面下钻，sort=relevance|time，page 从 0 起，size 每页条数。答当页命中（带高亮摘要）与全部命中的分面计数；按档号检索时另答已销毁档案的档号（destroyed，内容已不存在）。含证件号的检索请用 POST 表单提交，使号码不进入地址（ADR 0032）。 Full-text and metadata search with facets.",
            security = @SecurityRequirement(name = "apiToken", scopes = "search:query"))
    @ApiResponse(responseCode = "200", description = "当页命中与分面计数")
    @RequestMapping(
            value = "/api/v1/search",
            method = {RequestMethod.GET, RequestMethod.POST})
    Response search(@ParameterObject SearchParameters parameters, Access access) {
        var r = search.search(parameters.query(), access);
        return new Response(
                r.page().content(),
                r.page().page(),
                r.page().size(),
                r.page().total(),
                r.approximate(),
                r.facets(),
                search.tombstones(parameters.query(), access));
    }
}
