package org.siarchive.lending;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.siarchive.catalog.Ids;
import org.siarchive.shared.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Verified downloads of an item's stored files and of its access copy, within the caller's data scope
 * (404 outside it) and audited. The paths are the catalogue's item paths, unchanged since they were
 * served from catalog (docs/adr/0040).
 */
@RestController
@RequestMapping("/api/v1/items/{id}")
class ContentApi {

    private final ContentDownloads downloads;

    ContentApi(ContentDownloads downloads) {
        this.downloads = downloads;
    }

    @GetMapping("/files/{seq}")
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
    @GetMapping("/access.pdf")
    void accessCopy(@PathVariable String id, Access access, HttpServletResponse response) throws IOException {
        downloads.sendRendition(Ids.uuid("ITEM", id), "ACCESS_PDF", access, response);
    }
}
