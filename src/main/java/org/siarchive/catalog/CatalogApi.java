package org.siarchive.catalog;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.siarchive.crypto.Masks;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Violation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read API of the catalogue: items with files and digests, verified downloads, person and employer
 * files. Everything answers within the caller's data scope (404 outside it), with personal data masked
 * and every read audited; unmasking a person takes a reason.
 */
@RestController
@RequestMapping("/api/v1")
class CatalogApi {

    private final Catalog catalog;
    private final ItemCorrections corrections;
    private final ContentDownloads downloads;

    private final RelatedRecords related;

    CatalogApi(Catalog catalog, ItemCorrections corrections, ContentDownloads downloads, RelatedRecords related) {
        this.catalog = catalog;
        this.corrections = corrections;
        this.downloads = downloads;
        this.related = related;
    }

    /** The item's person, employer and business case with their other items, and same-event suggestions. */
    @GetMapping("/items/{id}/related")
    RelatedRecords.Graph related(@PathVariable String id, Access access) {
        return related.of(catalog.readItem(Ids.uuid("ITEM", id), access), access.scope());
    }

    @GetMapping("/items/{id}")
    ItemRecord item(@PathVariable String id, Access access) {
        return catalog.readItem(Ids.uuid("ITEM", id), access);
    }

    @GetMapping("/items/by-archive-code")
    ItemRecord byArchiveCode(@RequestParam String code, Access access) {
        return catalog.readItemByArchiveCode(code, access);
    }

    @GetMapping("/items/{id}/files/{seq}")
    void download(
            @PathVariable String id,
            @PathVariable int seq,
            @RequestParam(defaultValue = "false") boolean inline,
            Access access,
            HttpServletResponse response)
            throws IOException {
        downloads.send(Ids.uuid("ITEM", id), seq, inline, access, response);
    }

    /** The searchable access copy of a scanned item (double-layer PDF), verified while streaming. */
    @GetMapping("/items/{id}/access.pdf")
    void accessCopy(@PathVariable String id, Access access, HttpServletResponse response) throws IOException {
        downloads.sendRendition(Ids.uuid("ITEM", id), "ACCESS_PDF", access, response);
    }

    @PostMapping("/items/{id}/corrections")
    ItemRecord correct(@PathVariable String id, @RequestBody CorrectionRequest body, Access access) {
        return corrections.correct(
                Ids.uuid("ITEM", id),
                new Catalog.Correction(body.title(), body.responsible(), body.docNo(), body.reason()),
                access);
    }

    record CorrectionRequest(String title, String responsible, @Nullable String docNo, String reason) {}

    record PersonLookup(@Nullable String certNo) {}

    /**
     * 一人一档 by certificate number, found through its blind index. The number travels in the body, never
     * in the URL, where proxies and access logs would keep it; the former {@code GET /persons/{certNo}/items}
     * is gone (docs/adr/0032).
     */
    @PostMapping("/persons/lookup")
    PartyFile personFile(@RequestBody PersonLookup body, Access access) {
        String key = body.certNo() == null ? "" : body.certNo().strip().toUpperCase(Locale.ROOT);
        if (key.isEmpty()) {
            throw new InvalidInputException(Violation.of("certNo", "required"));
        }
        long id = catalog.findPerson(key, access)
                .orElseThrow(() -> new NotFoundException("PERSON", String.valueOf(Masks.idNumber(key))));
        return catalog.personFile(id, access);
    }

    record UnmaskRequest(@Nullable String reason) {}

    /** The person's identity fields in clear; needs personal:unmask and a reason, which the audit keeps. */
    @PostMapping("/persons/{personId}/unmask")
    Catalog.Identity unmask(@PathVariable long personId, @RequestBody UnmaskRequest body, Access access) {
        return catalog.unmaskPerson(personId, body.reason() == null ? "" : body.reason(), access);
    }

    @GetMapping("/employers/{creditCode}/items")
    PartyFile employerFile(@PathVariable String creditCode, Access access) {
        return catalog.employerFile(creditCode.strip().toUpperCase(Locale.ROOT), access);
    }

    @GetMapping("/classification")
    Classification classification() {
        return catalog.classification();
    }
}
