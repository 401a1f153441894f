package org.siarchive.digitisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/scan-batches/{id}/items/{item}/rescan}: replacement pages for an item whose QC sample
 * was rejected ({@link Rescans}, docs/adr/0062). The rest of the scanning-station API is in its own controller.
 */
@Tag(name = "数字化")
@RestController
class RescanApi {

    private final Rescans rescans;

    RescanApi(Rescans rescans) {
        this.rescans = rescans;
    }

    @Operation(
            operationId = "rescanItem",
            summary = "重扫退回的件",
            description =
                    "抽检不合格（待重扫）的件上传新的页面图像：files 部分为一个 zip，或按上传顺序排列的若干 TIFF、JPEG、PNG 或扫描 PDF。新页面原位替换该件的页面（同一件、批次中的同一位置，版本号加一），被替换的页面保留并标为已替换；新页面照常做图像质检（和文字识别），该件回到待抽检，退回意见留在重扫记录中。批次须处于待质检、该件须为待重扫，否则 409；文件不合要求答 422，且不写入任何内容。 Replaces the pages of an item rejected in QC; the old pages are kept, superseded.",
            security = @SecurityRequirement(name = "apiToken", scopes = DigitisationAccessRules.STATION))
    @ApiResponse(responseCode = "200", description = "已接收新页面，后台开始处理")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @ApiResponse(responseCode = "413", ref = "ContentTooLarge")
    @PostMapping(
            path = "/api/v1/scan-batches/{id}/items/{item}/rescan",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Rescans.Result rescan(
            @PathVariable UUID id,
            @PathVariable UUID item,
            @RequestPart(name = "files", required = false) @Nullable List<MultipartFile> files,
            Access access) {
        return rescans.rescan(id, item, RescanUploads.of(files), access);
    }
}
