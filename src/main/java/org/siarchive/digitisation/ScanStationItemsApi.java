package org.siarchive.digitisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.siarchive.catalog.Catalog;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The items of a submitted batch as the archivist's tools read them — QC flags per page, suggested step,
 * title and name, masked ID number, duplicate suspicion — and their confirmation into captured items,
 * through the same filing as the console (docs/adr/0061). Not for vendors: they neither read nor confirm.
 */
@Tag(name = "数字化")
@RestController
@RequestMapping("/api/v1/scan-batches/{id}/items")
class ScanStationItemsApi {

    private static final Map<String, String> FIELDS = Map.of("person.certNo", "certNo", "person.name", "personName");

    private final ScanItems items;
    private final ScanFilingMetadata metadata;
    private final Catalog catalog;

    ScanStationItemsApi(ScanItems items, ScanFilingMetadata metadata, Catalog catalog) {
        this.items = items;
        this.metadata = metadata;
        this.catalog = catalog;
    }

    @Operation(
            operationId = "listScanItems",
            summary = "批次的各件：质检结果与建议",
            description =
                    "每件的序号、状态、各页的质检标记（BLANK 空白页、SKEW 歪斜、DUPLICATE 重复页等）、建议的业务环节与置信度、建议的题名与姓名、遮蔽的公民身份号码、疑似重复及已归档的档号。 Items of a batch with QC flags and suggestions.",
            security = @SecurityRequirement(name = "apiToken", scopes = ScanBatches.SCAN))
    @ApiResponse(responseCode = "200", description = "各件")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<ScanStationViews.Item> list(@PathVariable UUID id, Access access) {
        return items.items(id, access).stream().map(this::view).toList();
    }

    private ScanStationViews.Item view(ScanItems.ItemView it) {
        var d = it.duplicate();
        return new ScanStationViews.Item(
                it.id(),
                it.seq(),
                it.status(),
                it.businessStep(),
                it.suggestedStep(),
                it.suggestionConfidence(),
                metadata.suggestedTitle(it),
                it.personName(),
                it.certNoMasked(),
                it.expectedPages(),
                it.missingPages(),
                it.flagged(),
                it.sampled(),
                d == null ? null : new ScanStationViews.Duplicate(d.heldArchiveCode(), d.decision()),
                it.itemId(),
                it.pages().stream().map(ScanStationViews.Page::of).toList());
    }

    @Operation(
            operationId = "confirmScanItem",
            summary = "确认一件并归档",
            description =
                    "确认业务环节、公民身份号码、姓名、题名与成文日期，把该件的页面作为文件采集归档（与控制台的确认同一流程）；答新件的标识与档号。违反的每条规则在 422 中逐项列出（字段名同请求）；已确认、疑似重复未决定答 409。 Confirms a scanned item and files it.",
            security = @SecurityRequirement(name = "apiToken", scopes = "digitisation:qc"))
    @ApiResponse(
            responseCode = "201",
            description = "已归档的件与档号",
            headers = @Header(name = "Location", description = "新件的地址", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @PostMapping(
            path = "/{item}/confirm",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ScanStationViews.Filed> confirm(
            @PathVariable UUID id,
            @PathVariable UUID item,
            @RequestBody ScanStationViews.ConfirmRequest body,
            Access access) {
        UUID captured;
        try {
            captured = items.confirm(
                    id,
                    item,
                    Objects.requireNonNullElse(body.businessStep(), ""),
                    body.certNo(),
                    body.personName(),
                    Objects.requireNonNullElse(body.title(), ""),
                    Objects.requireNonNullElse(body.docDate(), ""),
                    access);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.violations().stream()
                    .map(v -> new Violation(
                            FIELDS.getOrDefault(v.field(), v.field()), v.rule(), v.messageKey(), v.args()))
                    .toList());
        }
        var filed = new ScanStationViews.Filed(
                captured, catalog.requireItem(captured).archiveCode());
        return ResponseEntity.created(URI.create("/api/v1/items/" + captured)).body(filed);
    }
}
