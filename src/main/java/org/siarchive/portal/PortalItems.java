package org.siarchive.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person's own archive in the online service: their items (newest first, a bounded page), one item with its
 * files, a file as a watermarked PDF, the progress of their business and who queried their file. Everything
 * goes through {@link PersonalArchive}, which finds the person by their account alone.
 */
@Controller
class PortalItems {

    private final PersonalArchive archive;

    PortalItems(PersonalArchive archive) {
        this.archive = archive;
    }

    @GetMapping("/portal/items")
    String items(
            @AuthenticationPrincipal PortalUser user,
            @RequestParam(defaultValue = "0") String page,
            HttpServletRequest request,
            Model model) {
        var me = archive.me(user, request);
        int p = page(page);
        model.addAttribute("portalNav", "items");
        model.addAttribute("result", archive.page(me, p));
        return "portal/items";
    }

    @GetMapping("/portal/items/{id}")
    String item(
            @AuthenticationPrincipal PortalUser user,
            @PathVariable String id,
            HttpServletRequest request,
            Model model) {
        var me = archive.me(user, request);
        model.addAttribute("portalNav", "items");
        model.addAttribute("item", archive.item(me, id));
        return "portal/item";
    }

    @GetMapping("/portal/items/{id}/files/{seq}")
    ResponseEntity<byte[]> file(
            @AuthenticationPrincipal PortalUser user,
            @PathVariable String id,
            @PathVariable String seq,
            HttpServletRequest request) {
        var me = archive.me(user, request);
        byte[] pdf = archive.download(me, id, seq);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("档案-" + id + "-" + seq + ".pdf", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf);
    }

    @GetMapping("/portal/progress")
    String progress(@AuthenticationPrincipal PortalUser user, HttpServletRequest request, Model model) {
        var me = archive.me(user, request);
        model.addAttribute("portalNav", "items");
        model.addAttribute("progress", archive.progress(me));
        return "portal/progress";
    }

    @GetMapping("/portal/inquiries")
    String inquiries(@AuthenticationPrincipal PortalUser user, HttpServletRequest request, Model model) {
        var me = archive.me(user, request);
        model.addAttribute("portalNav", "items");
        model.addAttribute("inquiries", archive.inquiries(me));
        model.addAttribute("limit", PersonalArchive.INQUIRIES);
        return "portal/inquiries";
    }

    /** A page number from the query; anything else is the first page (the list is bounded either way). */
    static int page(String page) {
        try {
            return Math.max(0, Math.min(Integer.parseInt(page.strip()), 10_000));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
