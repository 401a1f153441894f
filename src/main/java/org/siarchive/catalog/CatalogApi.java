package org.siarchive.catalog;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Actor;
import org.siarchive.shared.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read API of the catalogue: items with files and digests, verified downloads, person and employer files. */
@RestController
@RequestMapping("/api/v1")
class CatalogApi {

    private final Catalog catalog;
    private final ItemCorrections corrections;
    private final ContentDownloads downloads;

    CatalogApi(Catalog catalog, ItemCorrections corrections, ContentDownloads downloads) {
        this.catalog = catalog;
        this.corrections = corrections;
        this.downloads = downloads;
    }

    @GetMapping("/items/{id}")
    ItemRecord item(@PathVariable String id) {
        return catalog.requireItem(Ids.uuid("ITEM", id));
    }

    @GetMapping("/items/by-archive-code")
    ItemRecord byArchiveCode(@RequestParam String code) {
        return catalog.itemByArchiveCode(code).orElseThrow(() -> new NotFoundException("ITEM", code));
    }

    @GetMapping("/items/{id}/files/{seq}")
    void download(
            @PathVariable String id,
            @PathVariable int seq,
            @RequestParam(defaultValue = "false") boolean inline,
            HttpServletResponse response)
            throws IOException {
        downloads.send(Ids.uuid("ITEM", id), seq, inline, response);
    }

    @PostMapping("/items/{id}/corrections")
    ItemRecord correct(@PathVariable String id, @RequestBody CorrectionRequest body, HttpServletRequest request) {
        var actor =
                new Actor("local-operator", request.getRemoteAddr(), String.valueOf(request.getHeader("User-Agent")));
        return corrections.correct(
                Ids.uuid("ITEM", id),
                new Catalog.Correction(body.title(), body.responsible(), body.docNo(), body.reason()),
                actor);
    }

    record CorrectionRequest(String title, String responsible, @Nullable String docNo, String reason) {}

    @GetMapping("/persons/{certNo}/items")
    PartyFile personFile(@PathVariable String certNo) {
        String key = certNo.strip().toUpperCase(java.util.Locale.ROOT);
        return catalog.personFile(key).orElseThrow(() -> new NotFoundException("PERSON", key));
    }

    @GetMapping("/employers/{creditCode}/items")
    PartyFile employerFile(@PathVariable String creditCode) {
        String key = creditCode.strip().toUpperCase(java.util.Locale.ROOT);
        return catalog.employerFile(key).orElseThrow(() -> new NotFoundException("EMPLOYER", key));
    }

    @GetMapping("/classification")
    Classification classification() {
        return catalog.classification();
    }
}
