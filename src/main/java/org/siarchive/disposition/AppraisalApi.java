package org.siarchive.disposition;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Appraisal batches (鉴定批次) over the API: the same rules as the console. */
@Tag(name = "处置")
@RestController
@RequestMapping("/api/v1/disposition/batches")
class AppraisalApi {

    private static final String READ = "disposition:appraise";

    private final AppraisalBatches batches;
    private final AppraisalWork work;
    private final AppraisalApproval approval;
    private final AppraisalDocuments documents;
    private final WorkRows rows;

    AppraisalApi(
            AppraisalBatches batches,
            AppraisalWork work,
            AppraisalApproval approval,
            AppraisalDocuments documents,
            WorkRows rows) {
        this.batches = batches;
        this.work = work;
        this.approval = approval;
        this.documents = documents;
        this.rows = rows;
    }

    record Text(@Nullable String text) {}

    @Operation(
            operationId = "proposeAppraisalBatch",
            summary = "新建鉴定批次",
            description =
                    "把同一全宗中保管期满（非永久、未销毁、不在别的未完成批次中）的件列入鉴定批次：itemIds 列出件，或 by 给出日期（可加 fonds、category）列入到期的全部件，至多 10000 件。答 201。 Proposes an appraisal batch.",
            security = @SecurityRequirement(name = "apiToken", scopes = "disposition:propose"))
    @ApiResponse(responseCode = "201", description = "新建的鉴定批次")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @PostMapping
    ResponseEntity<AppraisalBatches.Batch> propose(@RequestBody AppraisalBatches.NewBatch body, Access access) {
        var b = batches.propose(body, access);
        return ResponseEntity.created(URI.create("/api/v1/disposition/batches/" + b.id()))
                .body(b);
    }

    @Operation(
            operationId = "listAppraisalBatches",
            summary = "鉴定批次列表",
            description = "调用方数据范围内的鉴定批次，可按状态筛选。 Appraisal batches in scope.",
            security = @SecurityRequirement(name = "apiToken", scopes = READ))
    @ApiResponse(responseCode = "200", description = "鉴定批次")
    @GetMapping
    List<AppraisalBatches.Batch> list(@RequestParam(required = false) @Nullable BatchState state, Access access) {
        return batches.list(state, access);
    }

    @Operation(
            operationId = "readAppraisalBatch",
            summary = "读取鉴定批次",
            description = "批次、鉴定小组成员、各处置的件数与意见。 A batch with its group, counts and opinions.",
            security = @SecurityRequirement(name = "apiToken", scopes = READ))
    @ApiResponse(responseCode = "200", description = "鉴定批次")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping("/{id}")
    Map<String, Object> read(@PathVariable long id, Access access) {
        var b = batches.batch(id, access);
        return Map.of(
                "batch", b, "members", rows.members(id), "counts", rows.counts(id), "opinions", rows.opinions(id));
    }

    @Operation(
            operationId = "listAppraisalItems",
            summary = "鉴定批次中的件",
            description = "按档号排序，每页 100 件（page 从 0 起）。 The batch's items, 100 a page.",
            security = @SecurityRequirement(name = "apiToken", scopes = READ))
    @ApiResponse(responseCode = "200", description = "件及其处置")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping("/{id}/items")
    List<AppraisalBatches.Item> items(
            @PathVariable long id, @RequestParam(defaultValue = "0") int page, Access access) {
        batches.batch(id, access);
        return rows.items(id, Math.max(0, page) * 100, 100);
    }

    @Operation(
            operationId = "addAppraisalMember",
            summary = "加入鉴定小组成员",
            description =
                    "role 为 LEADER、BUSINESS、ARCHIVE 或 HRSS；login 为账号，或 name 与 unit 为无账号的人员。答成员序号。 Adds a group member.",
            security = @SecurityRequirement(name = "apiToken", scopes = "disposition:propose"))
    @ApiResponse(responseCode = "200", description = "成员序号")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @PostMapping("/{id}/members")
    Map<String, Integer> member(@PathVariable long id, @RequestBody AppraisalWork.NewMember body, Access access) {
        return Map.of("seq", work.addMember(id, body, access));
    }

    @Operation(
            operationId = "removeAppraisalMember",
            summary = "移出鉴定小组成员",
            description = "连同其已记录的意见。 Removes a member and their opinions.",
            security = @SecurityRequirement(name = "apiToken", scopes = "disposition:propose"))
    @ApiResponse(responseCode = "204", description = "已移出")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @PostMapping("/{id}/members/{seq}/remove")
    ResponseEntity<Void> removeMember(@PathVariable long id, @PathVariable int seq, Access access) {
        work.removeMember(id, seq, access);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            operationId = "decideAppraisalItems",
            summary = "鉴定处置",
            description =
                    "decision 为 EXTEND（须给 newRetentionCode，须长于现期限）或 DESTROY，并给 reason；itemIds 为空即批次中全部件。答改动的件数。 Sets the decision.",
            security = @SecurityRequirement(name = "apiToken", scopes = "disposition:propose"))
    @ApiResponse(responseCode = "200", description = "改动的件数")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @PostMapping("/{id}/decisions")
    Map<String, Integer> decide(@PathVariable long id, @RequestBody AppraisalWork.NewDecision body, Access access) {
        return Map.of("items", work.decide(id, body, access));
    }

    @Operation(
            operationId = "recordAppraisalOpinion",
            summary = "记录鉴定意见",
            description =
                    "成员本人记录自己的意见（memberSeq 可省）；档案人员代无账号的成员记录。verdict 为 AGREE 或 DISAGREE；itemId 为空即对整批。 Records an opinion.",
            security = @SecurityRequirement(name = "apiToken", scopes = "disposition:appraise"))
    @ApiResponse(responseCode = "204", description = "已记录")
    @ApiResponse(responseCode = "403", ref = "Forbidden")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @PostMapping("/{id}/opinions")
    ResponseEntity<Void> opinion(@PathVariable long id, @RequestBody AppraisalWork.NewOpinion body, Access access) {
        work.opinion(id, body, access);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            operationId = "completeAppraisal",
            summary = "完成鉴定",
            description = "全部件已定处置、小组四类成员齐全、每位成员已对整批发表意见时，批次转为已鉴定未审核。 Completes the appraisal.",
            security = @SecurityRequirement(name = "apiToken", scopes = "disposition:propose"))
    @ApiResponse(responseCode = "200", description = "鉴定批次")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @PostMapping("/{id}/complete")
    AppraisalBatches.Batch complete(@PathVariable long id, Access access) {
        return work.complete(id, access);
    }

    @Operation(
            operationId = "approveAppraisal",
            summary = "审批鉴定批次",
            description = "单位主要负责人（非提出人）批准，text 为审批意见。 The principal leader approves.",
            security = @SecurityRequirement(name = "apiToken", scopes = "disposition:approve"))
    @ApiResponse(responseCode = "200", description = "鉴定批次")
    @ApiResponse(responseCode = "403", ref = "Forbidden")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @PostMapping("/{id}/approve")
    AppraisalBatches.Batch approve(@PathVariable long id, @RequestBody Text body, Access access) {
        return approval.approve(id, body.text(), access);
    }

    @Operation(
            operationId = "returnAppraisal",
            summary = "退回鉴定小组",
            description = "text 为退回理由；批次回到未鉴定。 Returns the batch to the group.",
            security = @SecurityRequirement(name = "apiToken", scopes = "disposition:approve"))
    @ApiResponse(responseCode = "200", description = "鉴定批次")
    @ApiResponse(responseCode = "403", ref = "Forbidden")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @PostMapping("/{id}/return")
    AppraisalBatches.Batch sendBack(@PathVariable long id, @RequestBody Text body, Access access) {
        return approval.sendBack(id, body.text(), access);
    }

    @Operation(
            operationId = "executeExtensions",
            summary = "执行延期",
            description = "已审批批次中延期的件在目录中获得新的保管期限，原到期日保留。 Executes the extensions.",
            security = @SecurityRequirement(name = "apiToken", scopes = "disposition:execute"))
    @ApiResponse(responseCode = "200", description = "鉴定批次")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @PostMapping("/{id}/extensions")
    AppraisalBatches.Batch extensions(@PathVariable long id, Access access) {
        return approval.executeExtensions(id, access);
    }

    @Operation(
            operationId = "appraisalDocument",
            summary = "下载鉴定意见表或鉴定意见书",
            description = "kind 为 opinion-sheet（鉴定意见表）或 conclusion（鉴定意见书）；format 为 xlsx 或 pdf。 Downloads a document.",
            security = @SecurityRequirement(name = "apiToken", scopes = READ))
    @ApiResponse(responseCode = "200", description = "文件")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping("/{id}/documents/{kind}")
    ResponseEntity<byte[]> document(
            @PathVariable long id,
            @PathVariable String kind,
            @RequestParam(defaultValue = "pdf") String format,
            Access access,
            Locale locale) {
        return documents.download(id, kind, format, access, locale);
    }
}
