package org.siarchive.federation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The province's doors for the county feed (docs/adr/0140): counties post their signed catalogue batches, and
 * people at the province search the counties' catalogues within their data scope.
 */
@Tag(name = "县市省目录汇交")
@RestController
@RequestMapping("/api/v1/federation")
class FederationApi {

    private final ProvinceFeed feed;
    private final ProvinceCatalogue catalogue;

    FederationApi(ProvinceFeed feed, ProvinceCatalogue catalogue) {
        this.feed = feed;
        this.catalogue = catalogue;
    }

    @Operation(
            operationId = "receiveCatalogueFeed",
            summary = "接收县级目录增量批次",
            description =
                    "县级平台推送的已签名目录批次（SM3withSM2，移交签名密钥）。序号须为上一批加一；同一序号重发答同样结果；" + "跳号答 409 并给出应发序号；签名无效或签名人不受信任答 422。",
            security = @SecurityRequirement(name = "apiToken", scopes = "preservation:transfer"))
    @ApiResponse(responseCode = "200", description = "已接收（或此前已接收）的批次")
    @PostMapping(path = "/feed", consumes = MediaType.APPLICATION_JSON_VALUE)
    FeedBatch.Answer receive(@RequestBody byte[] body, Access access) {
        return feed.receive(body, access.actor(), access.scope());
    }

    @Operation(
            operationId = "searchCountyCatalogues",
            summary = "检索县级汇交目录",
            description = "在数据范围内按档号（前缀）、题名字词和年度检索各县汇交的目录，最多 200 条；已销毁的不列出。",
            security = @SecurityRequirement(name = "apiToken", scopes = "search:query"))
    @ApiResponse(responseCode = "200", description = "命中的目录条目")
    @GetMapping("/catalogue")
    List<ProvinceCatalogue.Hit> search(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer year,
            Access access) {
        return catalogue.search(q, year, access.scope());
    }
}
