package org.siarchive.lending;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.Ids;
import org.siarchive.shared.Access;
import org.siarchive.shared.NotFoundException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The items of a request: the watermarked viewer, pages and downloads under a grant (ADR 0028), and the
 * read-only description (著录) of a requested item for whoever may see the request — an approver opens
 * what they are asked to approve (issue 14). The description is read through the catalogue: within the
 * reader's data scope (404 otherwise) and audited as a view.
 */
@Controller
class LendingViewer {

    private final LoanRequests requests;
    private final GrantedUse use;
    private final Catalog catalog;
    private final RequestItems items;

    LendingViewer(LoanRequests requests, GrantedUse use, Catalog catalog, RequestItems items) {
        this.requests = requests;
        this.use = use;
        this.catalog = catalog;
        this.items = items;
    }

    @GetMapping("/lending/requests/{id}/items/{item}")
    String viewer(@PathVariable long id, @PathVariable String item, Access access, Model model) {
        UUID itemId = Ids.uuid("ITEM", item);
        model.addAttribute("nav", "lending");
        model.addAttribute("r", requests.grant(id, itemId, access));
        model.addAttribute("itemId", itemId);
        model.addAttribute("code", requested(id, itemId).archiveCode());
        model.addAttribute("pages", use.pages(id, itemId, access));
        return "lending/viewer";
    }

    @GetMapping("/lending/requests/{id}/items/{item}/record")
    String record(@PathVariable long id, @PathVariable String item, Access access, Model model) {
        UUID itemId = Ids.uuid("ITEM", item);
        var r = requests.visible(id, access, access.can(LendingConsole.APPROVE));
        requested(id, itemId);
        var read = catalog.readItem(itemId, access); // scoped (404 outside), audited
        model.addAttribute("nav", "lending");
        model.addAttribute("r", r);
        model.addAttribute("item", read);
        model.addAttribute("securityLabel", items.securityLabel(read.securityLevel()));
        return "lending/record";
    }

    private LoanRequests.RequestItem requested(long id, UUID itemId) {
        return requests.items(id).stream()
                .filter(i -> i.itemId().equals(itemId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("ITEM", itemId.toString()));
    }

    @GetMapping("/lending/requests/{id}/items/{item}/pages/{seq}/{page}")
    ResponseEntity<byte[]> page(
            @PathVariable long id,
            @PathVariable String item,
            @PathVariable int seq,
            @PathVariable int page,
            @RequestParam(defaultValue = "false") boolean print,
            Access access) {
        byte[] png = use.page(id, Ids.uuid("ITEM", item), seq, page, print, access);
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.noStore())
                .body(png);
    }

    @GetMapping("/lending/requests/{id}/items/{item}/files/{seq}")
    ResponseEntity<InputStreamResource> download(
            @PathVariable long id, @PathVariable String item, @PathVariable int seq, Access access) {
        var d = use.download(id, Ids.uuid("ITEM", item), seq, access);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.mediaType()))
                .contentLength(d.size())
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(d.name(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(new InputStreamResource(d.content()));
    }
}
