package org.siarchive.disposition;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The 销毁清册: generate from an approved batch, read, download, file (备案), confirm physical destruction. */
@Tag(name = "处置")
@RestController
@RequestMapping("/api/v1/disposition")
class DestructionListsApi {

    private final DestructionLists lists;
    private final DestructionListFiling filing;
    private final DestructionListDownloads downloads;

    DestructionListsApi(DestructionLists lists, DestructionListFiling filing, DestructionListDownloads downloads) {
        this.lists = lists;
        this.filing = filing;
        this.downloads = downloads;
    }

    record Filing(@Nullable String filedOn, @Nullable String filingRef) {}

    record Physical(
            @Nullable String kind, @Nullable Long containerId, @Nullable String destroyedOn, @Nullable String method) {}

    @Operation(
            operationId = "generateDestructionList",
            summary = "生成销毁清册",
            description = "由已审核（已鉴定已审核，或延期已执行/销毁未执行）的鉴定批次生成销毁清册，列出决定销毁的每一件；每个批次只有一份清册，"
                    + "再次生成答已有的清册。批次未审核答 409。 Generates the destruction list of an approved appraisal batch.",
            security = @SecurityRequirement(name = "apiToken", scopes = "disposition:propose"))
    @ApiResponse(responseCode = "201", description = "销毁清册")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @PostMapping("/batches/{batchId}/list")
    ResponseEntity<DestructionListView> generate(@PathVariable long batchId, Access access) {
        long id = lists.generate(batchId, access);
        return ResponseEntity.created(URI.create("/api/v1/disposition/lists/" + id))
                .body(lists.view(id, access));
    }

    @Operation(
            operationId = "readDestructionList",
            summary = "读取销毁清册",
            description =
                    "清册的表头、各件（档号、题名、年度、保管期限、页数、原保管期满日期、销毁原因、存放位置）、合计、审批、备案、执行情况与待销毁的实体档案。 " + "A destruction list.",
            security = @SecurityRequirement(name = "apiToken", scopes = "disposition:propose"))
    @ApiResponse(responseCode = "200", description = "销毁清册")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping("/lists/{id}")
    DestructionListView read(@PathVariable long id, Access access) {
        return lists.view(id, access);
    }

    @Operation(
            operationId = "downloadDestructionListExcel",
            summary = "下载销毁清册（Excel）",
            description = "销毁清册的 Excel 工作簿；下载留审计。 The destruction list as an Excel workbook.",
            security = @SecurityRequirement(name = "apiToken", scopes = "disposition:propose"))
    @ApiResponse(responseCode = "200", description = "Excel 工作簿")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping("/lists/{id}/export.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id, Access access, Locale locale) {
        return downloads.download(id, false, access, locale);
    }

    @Operation(
            operationId = "downloadDestructionListPdf",
            summary = "下载销毁清册（PDF）",
            description = "销毁清册的 A4 PDF，含签字栏；下载留审计。 The destruction list as a PDF.",
            security = @SecurityRequirement(name = "apiToken", scopes = "disposition:propose"))
    @ApiResponse(responseCode = "200", description = "PDF")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping("/lists/{id}/export.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, Access access, Locale locale) {
        return downloads.download(id, true, access, locale);
    }

    @Operation(
            operationId = "fileDestructionList",
            summary = "销毁清册备案",
            description = "记录向同级人力资源社会保障行政部门备案的日期（filedOn，不晚于今天、不早于清册生成日）与备案文号（filingRef），"
                    + "并把备案的清册作为永久保管的档案归档。以相同日期与文号再次备案不重复归档；不同的答 409。 Files the list with the HRSS department.",
            security = @SecurityRequirement(name = "apiToken", scopes = "disposition:propose"))
    @ApiResponse(responseCode = "200", description = "备案后的清册与归档件的标识")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @ApiResponse(responseCode = "422", ref = "InvalidInput")
    @PostMapping("/lists/{id}/filing")
    Map<String, Object> file(@PathVariable long id, @RequestBody Filing body, Access access) {
        var item = filing.file(id, body.filedOn(), body.filingRef(), access);
        return Map.of("list", lists.view(id, access), "archivedItemId", item.toString());
    }

    @Operation(
            operationId = "confirmPhysicalDestruction",
            summary = "确认实体档案已销毁",
            description = "对本清册标记为实体档案待销毁的盒（kind=BOX）或卷（kind=VOLUME）确认纸质档案已销毁：日期与方式；留审计。 "
                    + "Confirms a marked box or volume destroyed on paper.",
            security = @SecurityRequirement(name = "apiToken", scopes = "disposition:execute"))
    @ApiResponse(responseCode = "200", description = "清册")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @ApiResponse(responseCode = "422", ref = "InvalidInput")
    @PostMapping("/lists/{id}/physical")
    DestructionListView physical(@PathVariable long id, @RequestBody Physical body, Access access) {
        if (body.containerId() == null) {
            throw new org.siarchive.shared.InvalidInputException(
                    org.siarchive.shared.Violation.of("containerId", "required"));
        }
        filing.confirmPhysical(id, body.kind(), body.containerId(), body.destroyedOn(), body.method(), access);
        return lists.view(id, access);
    }
}
