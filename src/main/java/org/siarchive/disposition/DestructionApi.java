package org.siarchive.disposition;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.Ids;
import org.siarchive.shared.Access;
import org.siarchive.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Supervised destruction of an approved batch, and an item's destruction record (issue 16 item 4). */
@Tag(name = "处置")
@RestController
@RequestMapping("/api/v1/disposition")
class DestructionApi {

    private final Destructions destructions;
    private final DestructionRecords records;
    private final Catalog catalog;

    DestructionApi(Destructions destructions, DestructionRecords records, Catalog catalog) {
        this.destructions = destructions;
        this.records = records;
        this.catalog = catalog;
    }

    /** What a finished destruction answers: its id, batch and how many items it destroyed. */
    record Executed(long destructionId, long batchId, int destroyed) {}

    @Operation(
            operationId = "executeDestruction",
            summary = "执行监销销毁",
            description =
                    "对已审核、销毁清册已备案的鉴定批次执行销毁：销毁方式、地点，两名监销人当场输入账号、密码和动态口令。"
                            + "违反规则答 409（未审核、清册未备案、永久、未到期、冻结），监销人不合格答 403。"
                            + " Executes the destruction of an approved batch with two supervisors confirming by password and TOTP.",
            security = @SecurityRequirement(name = "apiToken", scopes = "disposition:execute"))
    @ApiResponse(responseCode = "201", description = "已销毁，均留有存根")
    @ApiResponse(responseCode = "403", ref = "Forbidden")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @PostMapping("/batches/{id}/destruction")
    ResponseEntity<Executed> execute(@PathVariable String id, @RequestBody Destructions.Request body, Access access) {
        long batchId = batchId(id);
        var done = destructions.execute(batchId, body, access);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Executed(done.destructionId(), batchId, done.timings().items()));
    }

    @Operation(
            operationId = "itemDestructionRecord",
            summary = "件的销毁记录",
            description =
                    "销毁方式、时间、地点、销毁人、监销人、鉴定批次号和清册号、原内容的摘要，以及仍含该内容的备份及其到期时间。" + " The destruction record of an item.",
            security = @SecurityRequirement(name = "apiToken", scopes = "catalog:item:read"))
    @ApiResponse(responseCode = "200", description = "销毁记录")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping("/items/{id}/destruction")
    DestructionRecords.DestructionRecord record(@PathVariable String id, Access access) {
        var itemId = Ids.uuid("ITEM", id);
        catalog.requireItem(itemId, access.scope());
        return records.of(itemId).orElseThrow(() -> new NotFoundException("DESTRUCTION", id));
    }

    static long batchId(String id) {
        try {
            long v = Long.parseLong(id.strip());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // not a batch id
        }
        throw new NotFoundException("DESTRUCTION_BATCH", id);
    }
}
