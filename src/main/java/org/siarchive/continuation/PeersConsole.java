package org.siarchive.continuation;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.siarchive.shared.Access;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The security administrator's 转移接续对端机构 page: the registered peers, the form to register one (or replace a
 * region's entry; the token is never shown again), and this platform's own SM2 key to give to the peers.
 */
@Controller
class PeersConsole {

    private final ContinuationPeers peers;

    PeersConsole(ContinuationPeers peers) {
        this.peers = peers;
    }

    @GetMapping("/admin/continuation-peers")
    String list(Model model) {
        return view(new ContinuationPeers.PeerForm(null, null, null, null, null, null, null, null), model);
    }

    @PostMapping("/admin/continuation-peers")
    String register(
            @ModelAttribute ContinuationPeers.PeerForm form, Access access, Model model, HttpServletResponse response) {
        try {
            peers.register(form, access.actor());
            return "redirect:/admin/continuation-peers";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
            return view(
                    new ContinuationPeers.PeerForm(
                            form.regionCode(),
                            form.agencyName(),
                            form.phone(),
                            form.address(),
                            form.postcode(),
                            form.endpoint(),
                            null,
                            form.certificate()),
                    model);
        }
    }

    @GetMapping("/admin/continuation-peers/certificate")
    ResponseEntity<byte[]> certificate() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/x-pem-file"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("siarchive-sm2.pem")
                                .build()
                                .toString())
                .body(peers.ownCertificate().getBytes(StandardCharsets.US_ASCII));
    }

    private String view(ContinuationPeers.PeerForm form, Model model) {
        model.addAttribute("nav", "continuationPeers");
        model.addAttribute("peers", peers.list());
        model.addAttribute("form", form);
        model.addAttribute("ownPem", peers.ownCertificate());
        model.addAttribute("ownKeyId", peers.ownKeyId());
        model.asMap().putIfAbsent("formErrors", FormErrors.none());
        return "continuation/peers";
    }
}
