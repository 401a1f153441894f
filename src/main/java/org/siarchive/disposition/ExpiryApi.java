package org.siarchive.disposition;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.RetentionWorklist;
import org.siarchive.disposition.ExpiryWorklist.Kind;
import org.siarchive.disposition.ExpiryWorklist.Preset;
import org.siarchive.security.Permission;
import org.siarchive.shared.Access;
import org.siarchive.shared.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The expiry worklist (到期鉴定清单) for clients: counts per fonds × category and a page of what is due. */
@Tag(name = "处置")
@RestController
class ExpiryApi {

    private final ExpiryWorklist worklist;

    ExpiryApi(ExpiryWorklist worklist) {
        this.worklist = worklist;
    }

    /** The answer: the day asked for, the counts, and a page of items or of containers (the other null). */
    record Expiring(
            LocalDate by,
            List<RetentionWorklist.DueCount> counts,
            @Nullable Page<ExpiryWorklist.Row> items,
            @Nullable Page<RetentionWorklist.DueContainer> containers) {}

    @Operation(
            operationId = "listExpiring",
            summary = "到期鉴定清单",
            description = "保管期限在 by 之日（或 preset：THIS_YEAR 今年年底、NEXT_YEAR 明年年底）之前届满的件、卷（kind=VOLUMES）或盒"
                    + "（kind=BOXES），可按全宗号 fonds 与材料大类 category 筛选；先给出全宗×大类的件数，再给出一页（size ≤ 100）。"
                    + "永久与已销毁的件不出现；只含调用方数据范围内的档案。 Items, volumes or boxes whose retention term ends by a day.",
            security = @SecurityRequirement(name = "apiToken", scopes = Permission.DISPOSITION_PROPOSE))
    @ApiResponse(responseCode = "200", description = "到期清单")
    @GetMapping("/api/v1/disposition/expiring")
    Expiring expiring(
            @RequestParam(required = false) @Nullable Preset preset,
            @RequestParam(required = false) @Nullable LocalDate by,
            @RequestParam(required = false) @Nullable String fonds,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(defaultValue = "ITEMS") Kind kind,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            Access access) {
        var filter = worklist.filter(preset, by, fonds, category);
        var counts = worklist.counts(filter, access);
        return kind == Kind.ITEMS
                ? new Expiring(filter.by(), counts, worklist.items(filter, access, page, size), null)
                : new Expiring(filter.by(), counts, null, worklist.containers(kind, filter, access, page, size));
    }
}
