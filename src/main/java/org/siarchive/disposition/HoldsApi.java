package org.siarchive.disposition;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
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

/** {@code /api/v1/disposition/holds}: legal holds (冻结) — place, list and search, read, covered items, release. */
@Tag(name = "处置")
@RestController
@RequestMapping("/api/v1/disposition/holds")
class HoldsApi {

    private static final String SCOPE = "disposition:hold";

    private final Holds holds;

    HoldsApi(Holds holds) {
        this.holds = holds;
    }

    record ReleaseRequest(@Nullable String reason) {}

    @Operation(
            operationId = "placeHold",
            summary = "冻结：对件、参保人、参保单位或检索条件设置冻结",
            description = "被冻结的件不能列入销毁鉴定、销毁、更正或移出，违者答 409 并写明冻结编号。 Places a legal hold.",
            security = @SecurityRequirement(name = "apiToken", scopes = SCOPE))
    @ApiResponse(responseCode = "201", description = "已冻结")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    HoldView place(@RequestBody HoldRequest body, Access access) {
        return HoldView.of(holds.place(body, access));
    }

    @Operation(
            operationId = "listHolds",
            summary = "冻结列表：按编号、案件编号、状态、对象或档号查找",
            description = "只列出在本单位及下级单位设置的冻结。 Lists holds.",
            security = @SecurityRequirement(name = "apiToken", scopes = SCOPE))
    @ApiResponse(responseCode = "200", description = "冻结列表，最新的在前")
    @GetMapping
    List<HoldView> list(
            @RequestParam(required = false) @Nullable String holdNo,
            @RequestParam(required = false) @Nullable String caseRef,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable String archiveCode,
            Access access) {
        var search = new Holds.Search(holdNo, caseRef, state, subject, archiveCode, null);
        return holds.search(search, access).stream().map(HoldView::of).toList();
    }

    @Operation(
            operationId = "searchHolds",
            summary = "按公民身份号码等条件查找冻结",
            description = "公民身份号码放在请求体中，不出现在地址里。 Searches holds, the ID number in the body.",
            security = @SecurityRequirement(name = "apiToken", scopes = SCOPE))
    @ApiResponse(responseCode = "200", description = "冻结列表")
    @PostMapping("/search")
    List<HoldView> search(@RequestBody Holds.Search body, Access access) {
        return holds.search(body, access).stream().map(HoldView::of).toList();
    }

    @Operation(
            operationId = "getHold",
            summary = "冻结详情",
            description = "本单位及下级单位设置的冻结；其他单位的冻结答 404。 A hold by its number.",
            security = @SecurityRequirement(name = "apiToken", scopes = SCOPE))
    @ApiResponse(responseCode = "200", description = "冻结")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping("/{holdNo}")
    HoldView get(@PathVariable String holdNo, Access access) {
        return HoldView.of(holds.get(holdNo, access));
    }

    @Operation(
            operationId = "getHoldItems",
            summary = "冻结当前涵盖的件（分页）",
            description = "对参保人、参保单位或检索条件的冻结，每次按当前著录重新计算。 Items the hold covers now.",
            security = @SecurityRequirement(name = "apiToken", scopes = SCOPE))
    @ApiResponse(responseCode = "200", description = "一页件")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping("/{holdNo}/items")
    HoldView.Items items(@PathVariable String holdNo, @RequestParam(defaultValue = "0") int page, Access access) {
        var hold = holds.get(holdNo, access);
        return HoldView.of(holds.covered(hold, page, access), Math.max(page, 0));
    }

    @Operation(
            operationId = "releaseHold",
            summary = "解除冻结（须说明理由）",
            description = "由冻结负责人或审批人解除，留审计。 Releases a hold with a reason.",
            security = @SecurityRequirement(name = "apiToken", scopes = SCOPE))
    @ApiResponse(responseCode = "200", description = "已解除")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @PostMapping("/{holdNo}/release")
    HoldView release(@PathVariable String holdNo, @RequestBody ReleaseRequest body, Access access) {
        return HoldView.of(holds.release(holdNo, body.reason(), access));
    }
}
