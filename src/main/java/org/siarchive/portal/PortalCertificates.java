package org.siarchive.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Self-service certificates (档案证明): the person issues today's extract of their own archive as a signed PDF or
 * OFD, sees the ones they issued with their verification codes and links to the public {@code /verify} page, and
 * downloads them. Form errors are shown beside the fields, the input kept.
 */
@Controller
class PortalCertificates {

    private final PersonalArchive archive;
    private final PersonalCertificates certificates;
    private final String publicUrl;

    PortalCertificates(
            PersonalArchive archive,
            PersonalCertificates certificates,
            @Value("${siarchive.certificates.public-url:http://127.0.0.1:8080}") String publicUrl) {
        this.archive = archive;
        this.certificates = certificates;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @GetMapping("/portal/certificates")
    String list(
            @AuthenticationPrincipal PortalUser user,
            @RequestParam(required = false) @Nullable String issued,
            HttpServletRequest request,
            Model model) {
        var me = archive.me(user, request);
        return page(me, "PDF", "", FormErrors.none(), issued, model);
    }

    @PostMapping("/portal/certificates")
    String issue(
            @AuthenticationPrincipal PortalUser user,
            @RequestParam(defaultValue = "") String format,
            @RequestParam(defaultValue = "") String purpose,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var me = archive.me(user, request);
        try {
            var c = certificates.issue(me, format, purpose);
            return "redirect:/portal/certificates?issued=" + c.code();
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return page(me, format, purpose, FormErrors.of(e), null, model);
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("problem", e.messageKey());
            return page(me, format, purpose, FormErrors.none(), null, model);
        }
    }

    @GetMapping("/portal/certificates/{id}/document")
    ResponseEntity<byte[]> document(
            @AuthenticationPrincipal PortalUser user, @PathVariable String id, HttpServletRequest request) {
        var me = archive.me(user, request);
        var d = certificates.document(me, id);
        boolean pdf = d.certificate().format().equals("PDF");
        return ResponseEntity.ok()
                .contentType(pdf ? MediaType.APPLICATION_PDF : MediaType.parseMediaType("application/ofd"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(
                                        "证明-" + d.certificate().code() + (pdf ? ".pdf" : ".ofd"),
                                        StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(d.bytes());
    }

    private String page(
            PersonalArchive.Me me,
            String format,
            String purpose,
            FormErrors errors,
            @Nullable String issued,
            Model model) {
        model.addAttribute("portalNav", "certificates");
        model.addAttribute("certificates", certificates.mine(me));
        model.addAttribute("format", format);
        model.addAttribute("purpose", purpose);
        model.addAttribute("formErrors", errors);
        model.addAttribute("issued", issued);
        model.addAttribute("verifyBase", publicUrl + "/verify/");
        return "portal/certificates";
    }
}
