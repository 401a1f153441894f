package org.siarchive.integrity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.siarchive.catalog.Ids;
import org.siarchive.shared.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An item's preservation events (PREMIS-like) for other systems. */
@Tag(name = "保存监测")
@RestController
class IntegrityApi {

    private final PreservationEvents events;

    IntegrityApi(PreservationEvents events) {
        this.events = events;
    }

    @Operation(
            operationId = "listPreservationEvents",
            summary = "列出件的保存事件",
            description =
                    "件在保存期间发生的事件（接收、复制、迁移、固定性检查、移交、修复），参照 PREMIS，按时间排列。 The item's preservation events (PREMIS-like).",
            security = @SecurityRequirement(name = "apiToken", scopes = "preservation:fixity"))
    @ApiResponse(responseCode = "200", description = "保存事件")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping("/api/v1/items/{id}/preservation-events")
    List<PreservationEvents.Event> events(@PathVariable String id, Access access) {
        return events.forItem(Ids.uuid("ITEM", id), access);
    }
}
