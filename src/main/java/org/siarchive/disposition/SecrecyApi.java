package org.siarchive.disposition;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.siarchive.catalog.ItemSecrecy;
import org.siarchive.security.Permission;
import org.siarchive.shared.Access;
import org.siarchive.shared.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The secrecy review (密级到期审查) for clients: what is due, and a decision on one item. */
@Tag(name = "处置")
@RestController
class SecrecyApi {

    private final SecrecyReview review;

    SecrecyApi(SecrecyReview review) {
        this.review = review;
    }

    @Operation(
            operationId = "listSecrecyDue",
            summary = "密级到期审查清单",
            description =
                    "保密期限（未著录时按密级的默认年限）已届满、密级高于公开的件，最早到期者在前；只含调用方数据范围内的档案。" + " Items whose secrecy period has passed.",
            security = @SecurityRequirement(name = "apiToken", scopes = Permission.SECRECY_REVIEW))
    @ApiResponse(responseCode = "200", description = "到期的件")
    @GetMapping("/api/v1/disposition/secrecy")
    Page<ItemSecrecy.Due> due(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Access access) {
        return review.due(access, page, size);
    }

    @Operation(
            operationId = "decideSecrecy",
            summary = "密级审查决定",
            description = "对一件作出 DECLASSIFY 解密（改为公开）、DOWNGRADE 降密（降一级）或 KEEP 维持（until 为新的保密期限）的决定，"
                    + "reason 必填；降密后仍高于公开时 until 必填，until 须晚于今天。决定留审计，检索随之更新。已为公开答 409。"
                    + " Declassifies, downgrades or keeps an item's sensitivity level.",
            security = @SecurityRequirement(name = "apiToken", scopes = Permission.SECRECY_REVIEW))
    @ApiResponse(responseCode = "200", description = "决定的结果")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @PostMapping("/api/v1/disposition/secrecy/{itemId}")
    ItemSecrecy.Change decide(@PathVariable UUID itemId, @RequestBody SecrecyReview.Submitted body, Access access) {
        return review.decide(itemId, body, access);
    }
}
