package org.siarchive.catalog;

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
 * Read API of the catalogue: items with files and digests, person and employer files. Everything answers
 * within the caller's data scope (404 outside it), with personal data masked and every read audited;
 * unmasking a person takes a reason. Items are answered as {@link ItemView}. Downloads are served by
 * lending, corrections by capture, under the same {@code /api/v1/items/…} paths (docs/adr/0040).
 */
@RestController
@RequestMapping("/api/v1")
class CatalogApi {

    private final Catalog catalog;
    private final RelatedRecords related;

    CatalogApi(Catalog catalog, RelatedRecords related) {
        this.catalog = catalog;
        this.related = related;
    }

    /** The item's person, employer and business case with their other items, and same-event suggestions. */
    @GetMapping("/items/{id}/related")
    RelatedRecords.Graph related(@PathVariable String id, Access access) {
        return related.of(catalog.readItem(Ids.uuid("ITEM", id), access), access.scope());
    }

    @GetMapping("/items/{id}")
    ItemView item(@PathVariable String id, Access access) {
        return ItemView.of(catalog.readItem(Ids.uuid("ITEM", id), access));
    }

    @GetMapping("/items/by-archive-code")
    ItemView byArchiveCode(@RequestParam String code, Access access) {
        return ItemView.of(catalog.readItemByArchiveCode(code, access));
    }

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
