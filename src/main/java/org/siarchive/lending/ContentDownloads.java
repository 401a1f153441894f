package org.siarchive.lending;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.catalog.Renditions;
import org.siarchive.preservation.Fixity;
import org.siarchive.preservation.FixityMismatchException;
import org.siarchive.preservation.Preservation;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.IntegrityException;
import org.siarchive.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Direct use within a reader's data scope: streams a stored file to the client while verifying it. A
 * mismatch found at the end aborts the transfer (the client sees a broken download, never silently
 * altered bytes) and is logged. Moved here from catalog, which does not read the store (docs/adr/0040).
 */
@Component
class ContentDownloads {

    private static final Logger log = LoggerFactory.getLogger(ContentDownloads.class);

    private final Catalog catalog;
    private final Renditions renditions;
    private final Preservation preservation;

    ContentDownloads(Catalog catalog, Renditions renditions, Preservation preservation) {
        this.catalog = catalog;
        this.renditions = renditions;
        this.preservation = preservation;
    }

    /**
     * The last block is written only after the stream reported its end, i.e. after verification: with a
     * Content-Length header a response is complete once its last byte is out, so a mismatch must stop it
     * before that byte.
     */
    static void copyHoldingBackTheLastBlock(InputStream in, OutputStream out) throws IOException {
        byte[] held = new byte[64 * 1024];
        byte[] next = new byte[64 * 1024];
        int heldLen = 0;
        int n;
        while ((n = in.read(next)) >= 0) {
            if (heldLen > 0) {
                out.write(held, 0, heldLen);
            }
            byte[] t = held;
            held = next;
            next = t;
            heldLen = n;
        }
        if (heldLen > 0) {
            out.write(held, 0, heldLen);
        }
    }

    /** Streams an access copy (e.g. the searchable PDF), verified like an archival file; scoped and audited. */
    void sendRendition(UUID itemId, String kind, Access access, HttpServletResponse response) throws IOException {
        var item = catalog.itemForDownload(itemId, 0, access);
        var r = renditions
                .find(itemId, kind)
                .orElseThrow(() -> new NotFoundException("RENDITION", itemId + "/" + kind));
        String name = r.logicalPath().substring(r.logicalPath().lastIndexOf('/') + 1);
        response.setContentType("application/pdf");
        response.setContentLengthLong(r.sizeBytes());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.inline()
                        .filename(name, StandardCharsets.UTF_8)
                        .build()
                        .toString());
        response.setHeader("X-Content-SM3", r.sm3());
        stream(item, r.logicalPath(), new Fixity(r.sizeBytes(), r.sm3(), r.sha256()), kind + " of ", response);
    }

    void send(UUID itemId, int seq, boolean inline, Access access, HttpServletResponse response) throws IOException {
        var item = catalog.itemForDownload(itemId, seq, access);
        var file = item.files().stream()
                .filter(f -> f.seq() == seq)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("FILE", itemId + "/" + seq));
        if (!item.preserved()) {
            throw new ConflictException("conflict.itemNotPreserved", item.archiveCode());
        }
        var disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.originalName(), StandardCharsets.UTF_8)
                .build();
        response.setContentType(file.mediaType());
        response.setContentLengthLong(file.sizeBytes());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition.toString());
        response.setHeader("X-Content-SM3", file.sm3());
        response.setHeader("X-Content-SHA256", file.sha256());
        response.setHeader("X-Content-Type-Options", "nosniff");
        stream(item, file.logicalPath(), new Fixity(file.sizeBytes(), file.sm3(), file.sha256()), "", response);
    }

    private void stream(ItemRecord item, String path, Fixity expected, String what, HttpServletResponse response)
            throws IOException {
        try (InputStream in = preservation.read(item.objectId(), path, expected)) {
            copyHoldingBackTheLastBlock(in, response.getOutputStream());
        } catch (FixityMismatchException e) {
            log.error("FIXITY FAILURE while serving {}{}: {}", what, item.archiveCode(), e.getMessage());
            if (!response.isCommitted()) {
                response.reset();
            }
            throw new IntegrityException(item.archiveCode() + " / " + path, e);
        }
    }
}
