package org.siarchive.transfer;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.ArchiveCodeLookup;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Register;
import org.siarchive.shared.Registers;
import org.siarchive.shared.Violation;
import org.springframework.core.io.FileSystemResource;
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
 * Transfer console (移交与接收): the handover register, this platform's signing key id (for the receiving
 * side to trust) and the keys trusted here, a form that exports chosen 档号 as an EEP or folder package,
 * and a form that receives a package with the names of the person handing it over and the witness.
 */
@Controller
class TransferConsole {

    private final TransferPackages packages;
    private final TransferSettings settings;
    private final ArchiveCodeLookup codeLookup;
    private final HandoverList handovers;
    private final Registers registers;
    private final ReceiptProgress progress;

    TransferConsole(
            TransferPackages packages,
            TransferSettings settings,
            ArchiveCodeLookup codeLookup,
            HandoverList handovers,
            Registers registers,
            ReceiptProgress progress) {
        this.progress = progress;
        this.handovers = handovers;
        this.registers = registers;
        this.packages = packages;
        this.settings = settings;
        this.codeLookup = codeLookup;
    }

    @GetMapping("/transfers")
    String page(@RequestParam(required = false) @Nullable Long received, Access access, Locale locale, Model model) {
        model.addAttribute("nav", "transfers");
        model.addAttribute("register", handovers.rows(100, access, locale));
        model.addAttribute("keyId", packages.keyId());
        model.addAttribute("trusted", settings.trustedKeys());
        model.addAttribute("received", received);
        model.addAttribute("progressToken", java.util.UUID.randomUUID().toString());
        return "transfer/transfers";
    }

    /** The handover register (移交接收登记表), as Excel or an A4 PDF. */
    @GetMapping("/transfers/export")
    ResponseEntity<byte[]> register(@RequestParam(defaultValue = "xlsx") String format, Locale locale, Access access) {
        var rows = handovers.rows(Register.MAX_ROWS + 1, access, locale);
        return registers.download(handovers.register(rows), format, access, locale);
    }

    @PostMapping("/transfers/exports")
    ResponseEntity<FileSystemResource> export(
            @RequestParam(defaultValue = "") String archiveCodes,
            @RequestParam(defaultValue = "EEP") String format,
            Access access) {
        TransferPackages.Format f;
        try {
            f = TransferPackages.Format.valueOf(format);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Violation.of("format", "codeTable", format));
        }
        var codes = org.siarchive.catalog.ArchiveCodeList.parse(archiveCodes);
        if (codes.isEmpty()) {
            throw new InvalidInputException(Violation.of("archiveCodes", "required"));
        }
        var ids = codeLookup.resolveOne(codes, access.scope(), "archiveCodes");
        return TransferApi.download(packages.export(ids, f, access));
    }

    @PostMapping("/transfers/receipts")
    String receive(
            @RequestPart(name = "package", required = false) @Nullable MultipartFile pkg,
            @RequestParam(defaultValue = "") String fondsCode,
            @RequestParam(defaultValue = "") String handedOverBy,
            @RequestParam(defaultValue = "") String witness,
            @RequestParam(defaultValue = "REFUSE") String duplicates,
            @RequestParam(required = false) @Nullable String duplicateReason,
            @RequestParam(required = false) @Nullable String progressToken,
            Access access) {
        var tracker = progress.start(access.actor().name(), progressToken);
        try {
            var receipt = TransferApi.receiveUpload(
                    packages,
                    pkg,
                    TransferApi.handover(fondsCode, handedOverBy, witness, duplicates, duplicateReason),
                    access,
                    tracker);
            return "redirect:/transfers?received=" + receipt.id();
        } catch (RuntimeException e) {
            tracker.refused();
            throw e;
        }
    }

    /** The live progress of the caller's receipt under way: the page polls it while the upload request runs. */
    @GetMapping("/transfers/receipts/{token}/progress")
    String progress(@PathVariable String token, Access access, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("receipt", progress.of(access.actor().name(), token));
        return "transfer/progress :: receipt";
    }
}
