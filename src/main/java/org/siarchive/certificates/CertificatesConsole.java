package org.siarchive.certificates;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

/**
 * 出证: staff issue a person's archive extract (PDF or OFD) and download it; anyone may verify a code at
 * {@code /verify/<code>} (masked summary) and check a file there (the bytes issued and the signature).
 */
@Controller
class CertificatesConsole {

    private final Certificates certificates;

    CertificatesConsole(Certificates certificates) {
        this.certificates = certificates;
    }

    @GetMapping("/certificates")
    String list(Access access, Model model) {
        model.addAttribute("nav", "certificates");
        model.addAttribute("certificates", certificates.recent(50, access));
        return "certificates/list";
    }

    @PostMapping("/certificates")
    String issue(
            @RequestParam(defaultValue = "") String idNumber,
            @RequestParam(defaultValue = "PDF") String format,
            @RequestParam(defaultValue = "") String purpose,
            Access access) {
        var c = certificates.issue(idNumber, format, purpose, access);
        return "redirect:/certificates/" + c.id();
    }

    @GetMapping("/certificates/{id}")
    String detail(@PathVariable long id, Access access, Model model) {
        model.addAttribute("nav", "certificates");
        model.addAttribute("c", certificates.visible(id, access));
        return "certificates/detail";
    }

    @GetMapping("/certificates/{id}/file")
    ResponseEntity<byte[]> file(@PathVariable long id, Access access) {
        var c = certificates.visible(id, access);
        boolean pdf = c.format().equals("PDF");
        return ResponseEntity.ok()
                .contentType(pdf ? MediaType.APPLICATION_PDF : MediaType.parseMediaType("application/ofd"))
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(
                                        "证明-" + c.code() + (pdf ? ".pdf" : ".ofd"),
                                        java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(certificates.document(id, access));
    }

    // ------------------------------------------------------------------ public

    @GetMapping("/verify")
    String verifyForm(@RequestParam(required = false) @Nullable String code) {
        if (code != null && !code.isBlank()) {
            return "redirect:/verify/" + code.strip().toUpperCase().replaceAll("[^0-9A-Z]", "");
        }
        return "certificates/verify";
    }

    @GetMapping("/verify/{code}")
    String verify(@PathVariable String code, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("c", certificates.byCode(code).orElse(null));
        return "certificates/verify";
    }

    @PostMapping("/verify/{code}")
    String verifyFile(
            @PathVariable String code,
            @RequestPart(name = "file", required = false) @Nullable MultipartFile file,
            Model model) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException(Violation.of("file", "required"));
        }
        if (file.getSize() > 20L * 1024 * 1024) {
            throw new InvalidInputException(Violation.of("file", "fileTooLarge", 20));
        }
        model.addAttribute("code", code);
        model.addAttribute("c", certificates.byCode(code).orElse(null));
        try {
            model.addAttribute("verdict", certificates.verify(code, file.getBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "certificates/verify";
    }
}
