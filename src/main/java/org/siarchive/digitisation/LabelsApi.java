package org.siarchive.digitisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.Containers;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Printable PDFs: label sheets for items, volumes and boxes (Code128 or QR with 档号 and title) and
 * barcode cover sheets for scan stacks. Only what the caller may see is printed (404 otherwise).
 */
@Tag(name = "数字化")
@RestController
class LabelsApi {

    private final LabelSheets sheets = new LabelSheets();
    private final Catalog catalog;
    private final Containers containers;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    LabelsApi(Catalog catalog, Containers containers, AuditTrail audit, TransactionTemplate tx) {
        this.catalog = catalog;
        this.containers = containers;
        this.audit = audit;
        this.tx = tx;
    }

    @Operation(
            operationId = "printLabels",
            summary = "打印档案标签",
            description =
                    "件（items，件的标识）、卷（volumes）和盒（boxes，编号）的标签页 PDF，逗号分隔，最多 480 张；format=qr（默认）或 code128，标签上印档号与题名。只打印调用方可见的对象（否则 404），打印留审计。 Label sheets for items, volumes and boxes.",
            security = @SecurityRequirement(name = "apiToken", scopes = "catalog:item:read"))
    @ApiResponse(responseCode = "200", ref = "PdfDocument")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping(path = "/api/v1/labels", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> labels(
            @RequestParam(defaultValue = "") String items,
            @RequestParam(defaultValue = "") String volumes,
            @RequestParam(defaultValue = "") String boxes,
            @RequestParam(defaultValue = "qr") String format,
            Access access) {
        if (!format.equals("qr") && !format.equals("code128")) {
            throw new InvalidInputException(Violation.of("format", "codeTable", format));
        }
        var labels = new ArrayList<LabelSheets.Label>();
        for (String id : split(items)) {
            UUID uuid;
            try {
                uuid = UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(Violation.of("items", "format"));
            }
            var item = catalog.requireItem(uuid, access.scope());
            labels.add(new LabelSheets.Label(item.archiveCode(), item.title(), item.retentionName()));
        }
        for (String id : split(volumes)) {
            var v = containers.volume(number("volumes", id), access.scope());
            labels.add(new LabelSheets.Label(v.archiveCode(), v.title(), Integer.toString(v.year())));
        }
        for (String id : split(boxes)) {
            var b = containers.box(number("boxes", id), access.scope());
            labels.add(new LabelSheets.Label(b.boxNo(), "盒号 " + b.boxNo(), "全宗 " + b.fondsCode()));
        }
        if (labels.isEmpty()) {
            throw new InvalidInputException(Violation.of("items", "required"));
        }
        if (labels.size() > 480) {
            throw new InvalidInputException(Violation.of("items", "maxLength", 480));
        }
        tx.executeWithoutResult(s -> audit.record(
                access.actor(),
                AuditedObject.LABELS,
                "-",
                AuditOperation.PRINT,
                null,
                AuditDetail.of("audit.detail.labels", labels.size(), codes(labels))
                        .encoded()));
        return pdf(sheets.sheet(labels, format.equals("qr")), "labels.pdf");
    }

    /** Cover sheets for the given codes (e.g. 业务受理号), one page each, to put before each item in a stack. */
    @Operation(
            operationId = "printCoverSheets",
            summary = "打印扫描封面",
            description =
                    "为给定编号（codes，逗号分隔，如业务受理号，最多 200 个）各印一页带条码的封面，放在扫描批次中每件之前。打印留审计。 Barcode cover sheets for a scan stack.",
            security = @SecurityRequirement(name = "apiToken", scopes = "digitisation:scan"))
    @ApiResponse(responseCode = "200", ref = "PdfDocument")
    @GetMapping(path = "/api/v1/cover-sheets", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> coverSheets(@RequestParam(defaultValue = "") String codes, Access access) {
        var list = split(codes);
        if (list.isEmpty()
                || list.size() > 200
                || list.stream().anyMatch(c -> !c.matches("[A-Za-z0-9_.·\\-]{1,120}"))) {
            throw new InvalidInputException(Violation.of("codes", "format"));
        }
        tx.executeWithoutResult(s -> audit.record(
                access.actor(),
                AuditedObject.LABELS,
                "-",
                AuditOperation.PRINT_COVERS,
                null,
                AuditDetail.of("audit.detail.coverSheets", list.size()).encoded()));
        return pdf(
                sheets.coverSheets(
                        list.stream().map(c -> new LabelSheets.Label(c, "", "")).toList()),
                "cover-sheets.pdf");
    }

    private static ResponseEntity<byte[]> pdf(byte[] body, String name) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(name).build().toString())
                .body(body);
    }

    private static List<String> split(String s) {
        return Arrays.stream(s.split(","))
                .map(String::strip)
                .filter(x -> !x.isEmpty())
                .toList();
    }

    private static long number(String field, String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(Violation.of(field, "format"));
        }
    }

    private static String codes(List<LabelSheets.Label> labels) {
        return String.join(
                "，", labels.stream().map(LabelSheets.Label::code).limit(20).toList());
    }
}
