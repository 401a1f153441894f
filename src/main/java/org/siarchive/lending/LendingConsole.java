package org.siarchive.lending;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.ArchiveCodeList;
import org.siarchive.catalog.Ids;
import org.siarchive.shared.Access;
import org.siarchive.shared.ReadableTime;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Lending console (利用): requests and grants for readers, approvals for approvers, the watermarked viewer,
 * physical loans and the utilisation register for archivists. What a page offers follows the caller's
 * permissions; the HTTP rules enforce them.
 */
@Controller
class LendingConsole {

    static final String REQUEST = "lending:request";
    static final String APPROVE = "lending:approve";
    static final String MANAGE = "lending:manage";

    private final LoanRequests requests;
    private final GrantedUse use;
    private final PhysicalLoans physical;
    private final Utilisation register;

    private final ReadableTime time;

    LendingConsole(
            LoanRequests requests, GrantedUse use, PhysicalLoans physical, Utilisation register, ReadableTime time) {
        this.time = time;
        this.requests = requests;
        this.use = use;
        this.physical = physical;
        this.register = register;
    }

    @GetMapping("/lending")
    String home(Access access, Model model) {
        model.addAttribute("nav", "lending");
        model.addAttribute("canRequest", access.can(REQUEST));
        model.addAttribute("canApprove", access.can(APPROVE));
        model.addAttribute("mine", access.can(REQUEST) ? requests.mine(access) : List.of());
        model.addAttribute("awaiting", access.can(APPROVE) ? requests.awaiting(access) : List.of());
        model.addAttribute("purposes", LoanRequests.PURPOSES.stream().sorted().toList());
        return "lending/home";
    }

    @PostMapping("/lending/requests")
    String request(
            @RequestParam(defaultValue = "") String archiveCodes,
            @RequestParam(defaultValue = "") String purposeCode,
            @RequestParam(defaultValue = "") String purpose,
            @RequestParam(defaultValue = "0") int periodDays,
            @RequestParam(defaultValue = "false") boolean download,
            @RequestParam(defaultValue = "false") boolean print,
            Access access) {
        long id = requests.request(
                new LoanRequests.NewRequest(
                        ArchiveCodeList.parse(archiveCodes), purposeCode, purpose, periodDays, download, print),
                access);
        return "redirect:/lending/requests/" + id;
    }

    @GetMapping("/lending/requests/{id}")
    String request(@PathVariable long id, Access access, Model model) {
        var r = requests.visible(id, access, access.can(APPROVE));
        model.addAttribute("nav", "lending");
        model.addAttribute("r", r);
        model.addAttribute("items", requests.items(id));
        model.addAttribute("approvals", requests.approvals(id));
        model.addAttribute("mine", r.applicant().equals(access.actor().name()));
        model.addAttribute("active", r.active(java.time.OffsetDateTime.now()));
        model.addAttribute("canDecide", access.can(APPROVE) && requests.decidable(r, access));
        return "lending/request";
    }

    @PostMapping("/lending/requests/{id}/decision")
    String decide(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean approve,
            @RequestParam(required = false) @Nullable String note,
            Access access) {
        requests.decide(id, approve, note, access);
        return "redirect:/lending/requests/" + id;
    }

    @PostMapping("/lending/requests/{id}/withdraw")
    String withdraw(@PathVariable long id, Access access) {
        requests.withdraw(id, access);
        return "redirect:/lending/requests/" + id;
    }

    @GetMapping("/lending/requests/{id}/items/{item}")
    String viewer(@PathVariable long id, @PathVariable String item, Access access, Model model) {
        UUID itemId = Ids.uuid("ITEM", item);
        model.addAttribute("nav", "lending");
        model.addAttribute("r", requests.grant(id, itemId, access));
        model.addAttribute("itemId", itemId);
        model.addAttribute(
                "code",
                requests.items(id).stream()
                        .filter(i -> i.itemId().equals(itemId))
                        .findFirst()
                        .orElseThrow()
                        .archiveCode());
        model.addAttribute("pages", use.pages(id, itemId, access));
        return "lending/viewer";
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
                                .filename(d.name(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(new InputStreamResource(d.content()));
    }

    // ------------------------------------------------------------ archivists: physical loans, register

    @GetMapping("/lending/physical")
    String physical(Access access, Model model) {
        model.addAttribute("nav", "lending");
        model.addAttribute("open", physical.open(access));
        model.addAttribute("overdue", physical.overdue(access));
        model.addAttribute("today", time.today());
        model.addAttribute("purposes", LoanRequests.PURPOSES.stream().sorted().toList());
        return "lending/physical";
    }

    @PostMapping("/lending/physical")
    String lend(
            @RequestParam(defaultValue = "") String borrower,
            @RequestParam(defaultValue = "") String borrowerUnit,
            @RequestParam(defaultValue = "PERSON") String borrowerKind,
            @RequestParam(defaultValue = "") String purposeCode,
            @RequestParam(defaultValue = "") String purpose,
            @RequestParam(defaultValue = "") String archiveCodes,
            @RequestParam(required = false) @Nullable LocalDate dueDate,
            Access access) {
        long id = physical.lend(
                new PhysicalLoans.NewLoan(
                        borrower,
                        borrowerUnit,
                        borrowerKind,
                        purposeCode,
                        purpose,
                        ArchiveCodeList.parse(archiveCodes),
                        dueDate),
                access);
        return "redirect:/lending/physical/" + id;
    }

    @GetMapping("/lending/physical/{id}")
    String loan(@PathVariable long id, Access access, Model model) {
        model.addAttribute("nav", "lending");
        model.addAttribute("loan", physical.loan(id, access));
        model.addAttribute("items", physical.items(id));
        model.addAttribute("events", physical.events(id));
        model.addAttribute("today", time.today());
        return "lending/loan";
    }

    @PostMapping("/lending/physical/{id}/extend")
    String extend(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable LocalDate dueDate,
            @RequestParam(defaultValue = "") String reason,
            Access access) {
        physical.extend(id, dueDate, reason, access);
        return "redirect:/lending/physical/" + id;
    }

    @PostMapping("/lending/physical/{id}/return")
    String giveBack(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String archiveCodes,
            @RequestParam(defaultValue = "false") boolean damaged,
            Access access) {
        physical.giveBack(id, ArchiveCodeList.parse(archiveCodes), damaged, access);
        return "redirect:/lending/physical/" + id;
    }

    @GetMapping("/lending/register")
    String register(
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            Model model,
            Access access) {
        LocalDate t = to == null ? time.today() : to;
        LocalDate f = from == null ? t.minusDays(90) : from;
        model.addAttribute("nav", "lending");
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("entries", register.recent(f, t, 500, access));
        model.addAttribute("stats", register.statistics(f, t, access));
        return "lending/register";
    }
}
