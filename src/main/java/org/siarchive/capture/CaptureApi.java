package org.siarchive.capture;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.ItemView;
import org.siarchive.shared.Access;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/captures}: multipart with a {@code metadata} JSON part and one or more
 * {@code files} parts, in the order of {@code metadata.files}. 201 for a new item, 200 with
 * {@code Idempotent-Replayed: true} for a repeat, 422 listing every broken rule.
 */
@RestController
@RequestMapping("/api/v1/captures")
class CaptureApi {

    private final Captures captures;
    private final SubmissionReader reader;

    CaptureApi(Captures captures, SubmissionReader reader) {
        this.captures = captures;
        this.reader = reader;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ItemView> capture(
            @RequestPart("metadata") String metadata,
            @RequestPart(name = "files", required = false) @Nullable List<MultipartFile> files,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            Access access) {
        var submission = reader.read(metadata);
        var uploads = MultipartUploads.of(files);
        var result = captures.capture(submission, uploads, idempotencyKey, access);
        var location = URI.create("/api/v1/items/" + result.item().id());
        var body = ItemView.of(result.item());
        return result.replayed()
                ? ResponseEntity.ok()
                        .header("Idempotent-Replayed", "true")
                        .location(location)
                        .body(body)
                : ResponseEntity.created(location).body(body);
    }
}
