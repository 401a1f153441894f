package org.siarchive.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read API of the catalogue: items with files and digests, person and employer files. Everything answers
 * within the caller's data scope (404 outside it), with personal data masked and every read audited;
 * unmasking a person takes a reason. Items are answered as {@link ItemView}. Downloads are served by
 * lending, corrections by capture, under the same {@code /api/v1/items/…} paths (docs/adr/0040).
 */
@Tag(name = "档案目录")
@RestController
@RequestMapping("/api/v1")
class CatalogApi {

    private final Catalog catalog;
    private final RelatedRecords related;

    CatalogApi(Catalog catalog, RelatedRecords related) {
        this.catalog = catalog;
        this.related = related;
    }

    /** The item's person, employer and business case with their other items, and same-event suggestions. */
    @Operation(
            operationId = "readRelatedRecords",
            summary = "读取件的同人同事关联",
            description =
                    "件所属的参保人、参保单位和业务案件及其其他件，以及同一业务事件的推荐（同人同事）。只含调用方数据范围内的件，个人信息已脱敏，读取留审计。 The item's person, employer and case with their other items, and same-event suggestions.",
            security = @SecurityRequirement(name = "apiToken", scopes = "catalog:item:read"))
    @ApiResponse(responseCode = "200", description = "关联图")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping("/items/{id}/related")
    RelatedRecords.Graph related(@PathVariable String id, Access access) {
        return related.of(catalog.readItem(Ids.uuid("ITEM", id), access), access.scope());
    }

    @Operation(
            operationId = "readItem",
            summary = "读取件的著录信息",
            description =
                    "件的著录、档号、保管期限、状态、文件及其 SM3 与 SHA-256 摘要。数据范围外或不存在的件答 404；个人信息已脱敏，读取留审计。 An item with its files and digests.",
            security = @SecurityRequirement(name = "apiToken", scopes = "catalog:item:read"))
    @ApiResponse(responseCode = "200", description = "件")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping("/items/{id}")
    ItemView item(@PathVariable String id, Access access) {
        return ItemView.of(catalog.readItem(Ids.uuid("ITEM", id), access));
    }

    @Operation(
            operationId = "readItemByArchiveCode",
            summary = "按档号读取件",
            description = "按档号（code 参数）查找并读取件，结果与“读取件的著录信息”相同。缺少 code 答 422。 An item by its archive code.",
            security = @SecurityRequirement(name = "apiToken", scopes = "catalog:item:read"))
    @ApiResponse(responseCode = "200", description = "件")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping("/items/by-archive-code")
    ItemView byArchiveCode(@RequestParam String code, Access access) {
        return ItemView.of(catalog.readItemByArchiveCode(code, access));
    }

    record PersonLookup(@Nullable String certNo) {}

    /**
     * 一人一档 by certificate number, found through its blind index. The number travels in the body, never
     * in the URL, where proxies and access logs would keep it; the former {@code GET /persons/{certNo}/items}
     * is gone (docs/adr/0032).
     */
    @Operation(
            operationId = "findPersonFile",
            summary = "按公民身份号码查一人一档",
            description =
                    "按公民身份号码（请求体 certNo，经盲索引查找，不出现在地址中，见 ADR 0032）返回参保人及其按业务时间排列的件。缺少号码答 422，查无此人答 404。 The person file (一人一档) by citizen ID number.",
            security = @SecurityRequirement(name = "apiToken", scopes = "catalog:party:read"))
    @ApiResponse(responseCode = "200", description = "一人一档")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @PostMapping("/persons/lookup")
    PartyFile personFile(@RequestBody PersonLookup body, Access access) {
        String key = body.certNo() == null ? "" : body.certNo().strip().toUpperCase(Locale.ROOT);
        if (key.isEmpty()) {
            throw new InvalidInputException(Violation.of("certNo", "required"));
        }
        return catalog.personFileByCertNo(key, access);
    }

    record UnmaskRequest(@Nullable String reason) {}

    /** The person's identity fields in clear; needs personal:unmask and a reason, which the audit keeps. */
    @Operation(
            operationId = "unmaskPerson",
            summary = "查看参保人的明文身份信息",
            description =
                    "返回参保人未脱敏的身份信息；须有 personal:unmask 权限并填写事由（reason，最多 500 字），事由记入审计。 The person's identity in clear, with a reason.",
            security = @SecurityRequirement(name = "apiToken", scopes = "personal:unmask"))
    @ApiResponse(responseCode = "200", description = "明文身份信息")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @PostMapping("/persons/{personId}/unmask")
    Catalog.Identity unmask(@PathVariable long personId, @RequestBody UnmaskRequest body, Access access) {
        return catalog.unmaskPerson(personId, body.reason() == null ? "" : body.reason(), access);
    }

    @Operation(
            operationId = "readEmployerFile",
            summary = "按统一社会信用代码查一企一档",
            description = "参保单位及其按业务时间排列的件（一企一档）。 The employer file (一企一档) by unified social credit code.",
            security = @SecurityRequirement(name = "apiToken", scopes = "catalog:party:read"))
    @ApiResponse(responseCode = "200", description = "一企一档")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping("/employers/{creditCode}/items")
    PartyFile employerFile(@PathVariable String creditCode, Access access) {
        return catalog.employerFile(creditCode.strip().toUpperCase(Locale.ROOT), access);
    }

    @Operation(
            operationId = "readClassification",
            summary = "读取分类体系",
            description =
                    "材料大类、业务环节及其必备材料、材料与保管期限（人社部令第3号附件）。 The classification: categories, business steps, materials.",
            security = @SecurityRequirement(name = "apiToken", scopes = "reference:read"))
    @ApiResponse(responseCode = "200", description = "分类体系")
    @GetMapping("/classification")
    Classification classification() {
        return catalog.classification();
    }
}
