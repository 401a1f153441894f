package org.siarchive.capture;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.ItemView;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/captures/batch}: many captures in one multipart request (docs/adr/0111). A {@code
 * manifest} JSON part lists the items, each with its idempotency key, its metadata (the single capture's
 * JSON) and the names of its file parts. 200 with one result per item: created, replayed or refused with
 * the problem the single capture would have answered.
 */
@Tag(name = "采集")
@RestController
@RequestMapping("/api/v1/captures")
class BatchCaptureApi {

    /** The batch's answer: counts, then each item's result in the manifest's order. */
    record BatchView(long created, long replayed, long refused, List<ItemResultView> items) {}

    /** One item's result: its item (created, replayed) or its problem (refused). */
    record ItemResultView(
            int index,
            String outcome,
            int status,
            @Nullable ItemView item,
            @Nullable @Schema(description = "RFC 9457 问题详情，另含 index") Map<String, Object> problem) {}

    private final BatchCaptures batches;
    private final SubmissionReader reader;
    private final BatchProblems problems;
    private final BatchSettings settings;
    private final JsonMapper json;

    BatchCaptureApi(
            BatchCaptures batches,
            SubmissionReader reader,
            BatchProblems problems,
            BatchSettings settings,
            JsonMapper json) {
        this.batches = batches;
        this.reader = reader;
        this.problems = problems;
        this.settings = settings;
        this.json = json;
    }

    @Operation(
            operationId = "captureBatch",
            summary = "批量采集",
            description =
                    "multipart 请求：manifest 部分为 JSON {\"items\":[{\"idempotencyKey\":\"…\",\"metadata\":{著录 JSON，同单件采集},\"files\":[\"文件部分名\",…]}]}，其余部分为文件，按名称引用。每件各自校验、归档（GD）检测、登记档号并长期保存；被拒的件不影响其他件。全部受理的件以一次组提交写入（一个事务、一次目录同步、一次审计链步进）后才应答。答 200，逐件给出结果：created（201）、replayed（200，同一幂等键的重复提交）或 refused（附单件采集会答的问题详情及件序号 index）。件数或总字节数超过上限整批答 422，不写入任何数据。 Captures many items: one result per item; a refused item never blocks the others.",
            security = @SecurityRequirement(name = "apiToken", scopes = "capture:create"))
    @ApiResponse(
            responseCode = "200",
            description = "逐件结果",
            content = @Content(schema = @Schema(implementation = BatchView.class)))
    @ApiResponse(responseCode = "422", ref = "InvalidInput")
    @PostMapping(
            path = "/batch",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    BatchView captureBatch(
            @RequestPart("manifest") String manifest, MultipartHttpServletRequest request, Access access) {
        var parsed = BatchManifest.read(json, manifest, settings.maxItems());
        var parts = request.getMultiFileMap();
        long bytes = parts.values().stream()
                .flatMap(List::stream)
                .mapToLong(MultipartFile::getSize)
                .sum();
        batches.requireWithinSize(bytes);
        var locale = LocaleContextHolder.getLocale();
        var results = new ItemResultView[parsed.entries().size()];
        var items = new ArrayList<BatchItem>();
        var indices = new ArrayList<Integer>();
        for (int i = 0; i < results.length; i++) {
            try {
                items.add(item(parsed.entries().get(i), parts));
                indices.add(i);
            } catch (RuntimeException e) {
                results[i] = refused(i, e, locale);
            }
        }
        if (!items.isEmpty()) {
            var outcome = batches.capture(items, access);
            for (var r : outcome.items()) {
                int i = indices.get(r.index());
                results[i] = r.outcome() == BatchResult.Outcome.REFUSED
                        ? refused(i, r.refusal(), locale)
                        : new ItemResultView(
                                i,
                                r.outcome().name(),
                                r.outcome() == BatchResult.Outcome.CREATED ? 201 : 200,
                                ItemView.of(r.item()),
                                null);
            }
        }
        var all = List.of(results);
        return new BatchView(count(all, "CREATED"), count(all, "REPLAYED"), count(all, "REFUSED"), all);
    }

    private BatchItem item(BatchManifest.Entry e, Map<String, List<MultipartFile>> parts) {
        var submission = reader.read(e.metadata());
        var files = new ArrayList<MultipartFile>();
        for (int k = 0; k < e.files().size(); k++) {
            var named = parts.get(e.files().get(k));
            if (named == null || named.size() != 1) {
                throw new InvalidInputException(Violation.of(
                        "files[" + k + "]", "batchPartMissing", e.files().get(k)));
            }
            files.add(named.get(0));
        }
        return new BatchItem(submission, MultipartUploads.of(files), e.idempotencyKey());
    }

    private ItemResultView refused(int index, @Nullable RuntimeException e, java.util.Locale locale) {
        var problem = problems.of(index, e == null ? new IllegalStateException() : e, locale);
        return new ItemResultView(
                index, BatchResult.Outcome.REFUSED.name(), (int) problem.get("status"), null, problem);
    }

    private static long count(List<ItemResultView> all, String outcome) {
        return all.stream().filter(r -> r.outcome().equals(outcome)).count();
    }
}
