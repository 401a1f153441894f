package org.siarchive.lending;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.siarchive.catalog.Ids;
import org.siarchive.shared.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Verified downloads of an item's stored files and of its access copy, within the caller's data scope
 * (404 outside it) and audited. The paths are the catalogue's item paths, unchanged since they were
 * served from catalog (docs/adr/0040).
 */
@Tag(name = "档案目录")
@RestController
@RequestMapping("/api/v1/items/{id}")
class ContentApi {

    private final ContentDownloads downloads;

    ContentApi(ContentDownloads downloads) {
        this.downloads = downloads;
    }

    @Operation(
            operationId = "downloadItemFile",
            summary = "下载件的文件",
            description =
                    "按序号（seq，从 1 起）下载件的一个文件，边发送边按登记的摘要校验；inline=true 时在浏览器中显示。Content-Type 为文件登记的媒体类型。件尚未完成保存答 409；摘要不符时不发出内容（500 integrity）。 A file of the item, verified while streaming.",
            security = @SecurityRequirement(name = "apiToken", scopes = "catalog:file:read"))
    @ApiResponse(
            responseCode = "200",
            description = "文件内容",
            content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @ApiResponse(responseCode = "500", ref = "IntegrityFailure")
    @GetMapping("/files/{seq}")
    void download(
            @PathVariable String id,
            @PathVariable int seq,
            @RequestParam(defaultValue = "false") boolean inline,
            Access access,
            HttpServletResponse response)
            throws IOException {
        downloads.send(Ids.uuid("ITEM", id), seq, inline, access, response);
    }

    /** The searchable access copy of a scanned item (double-layer PDF), verified while streaming. */
    @Operation(
            operationId = "downloadAccessCopy",
            summary = "下载件的利用版 PDF",
            description = "扫描件的可检索利用副本（双层 PDF），边发送边校验。没有利用副本答 404。 The searchable access copy of a scanned item.",
            security = @SecurityRequirement(name = "apiToken", scopes = "catalog:file:read"))
    @ApiResponse(responseCode = "200", ref = "PdfDocument")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @ApiResponse(responseCode = "500", ref = "IntegrityFailure")
    @GetMapping("/access.pdf")
    void accessCopy(@PathVariable String id, Access access, HttpServletResponse response) throws IOException {
        downloads.sendRendition(Ids.uuid("ITEM", id), "ACCESS_PDF", access, response);
    }
}
