package org.siarchive.capture;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.Ids;
import org.siarchive.catalog.ItemView;
import org.siarchive.shared.Access;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/items/{id}/corrections}: corrects an item's description; answers the corrected item. */
@Tag(name = "档案目录")
@RestController
@RequestMapping("/api/v1")
class CorrectionsApi {

    private final ItemCorrections corrections;

    CorrectionsApi(ItemCorrections corrections) {
        this.corrections = corrections;
    }

    record CorrectionRequest(String title, String responsible, @Nullable String docNo, String reason) {}

    @Operation(
            operationId = "correctItem",
            summary = "更正件的著录",
            description =
                    "更正题名、责任者、文件编号，须说明事由；形成新的保存版本并留审计。件尚未完成保存答 409。 Corrects an item's description as a new preserved version.",
            security = @SecurityRequirement(name = "apiToken", scopes = "catalog:item:correct"))
    @ApiResponse(responseCode = "200", description = "更正后的件")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @PostMapping("/items/{id}/corrections")
    ItemView correct(@PathVariable String id, @RequestBody CorrectionRequest body, Access access) {
        var correction = new Catalog.Correction(body.title(), body.responsible(), body.docNo(), body.reason());
        return ItemView.of(corrections.correct(Ids.uuid("ITEM", id), correction, access));
    }
}
