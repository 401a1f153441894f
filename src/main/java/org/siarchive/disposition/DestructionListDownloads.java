package org.siarchive.disposition;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Access;
import org.siarchive.shared.Registers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The 销毁清册 downloaded as Excel or PDF, scope-checked and audited (EXPORT) in one transaction. */
@Component
class DestructionListDownloads {

    private final DestructionLists lists;
    private final DestructionListDocument document;
    private final AuditTrail audit;

    DestructionListDownloads(DestructionLists lists, DestructionListDocument document, AuditTrail audit) {
        this.lists = lists;
        this.document = document;
        this.audit = audit;
    }

    @Transactional
    ResponseEntity<byte[]> download(long id, boolean pdf, Access access, Locale locale) {
        var list = lists.view(id, access);
        byte[] body = pdf ? document.pdf(list, locale) : document.xlsx(list, locale);
        audit.record(
                access.actor(),
                AuditedObject.DESTRUCTION_LIST,
                list.listNo(),
                AuditOperation.EXPORT,
                null,
                org.siarchive.audit.AuditDetail.of("audit.detail.destructionListExport", pdf ? "PDF" : "Excel")
                        .encoded());
        String name = list.listNo() + (pdf ? ".pdf" : ".xlsx");
        return ResponseEntity.ok()
                .contentType(pdf ? MediaType.APPLICATION_PDF : MediaType.parseMediaType(Registers.XLSX))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(body);
    }
}
