package org.siarchive.digitisation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.UUID;
import org.siarchive.catalog.ItemDestroyed;
import org.siarchive.catalog.Tombstones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Forgets what digitisation kept of a destroyed item (docs/adr/0070): the scan pages that became it lose
 * their master files (and a rescan's), their OCR text and words, their prepared comparison sheets and
 * fingerprint thumbnails; the scanned item loses the person's name, ID number and title. What stays are
 * facts without content: the page rows with their SHA-256 and pHash, sizes and quality figures, marked by
 * {@code scan_item.destroyed_at}. Runs from the persisted event publication; idempotent (a second delivery
 * finds no files and nothing left to clear).
 */
@Component
class DestroyedScans {

    private static final Logger log = LoggerFactory.getLogger(DestroyedScans.class);

    private final JdbcClient jdbc;
    private final ScanBatches batches;
    private final Tombstones tombstones;

    DestroyedScans(JdbcClient jdbc, ScanBatches batches, Tombstones tombstones) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.tombstones = tombstones;
    }

    @ApplicationModuleListener
    void on(ItemDestroyed event) {
        var pages = jdbc.sql(
                        """
                select p.batch_id, p.path from scan_page p join scan_item s on s.id = p.item_id
                where s.item_id = :id
                """)
                .param("id", event.itemId())
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)})
                .list();
        int deleted = 0;
        for (Object[] p : pages) {
            deleted += deleteFile((UUID) p[0], (String) p[1]) ? 1 : 0;
        }
        jdbc.sql(
                        """
                update scan_page set ocr_text_enc = null, ocr_words_enc = null, sheet = null, fingerprint = null
                where item_id in (select id from scan_item where item_id = :id)
                """)
                .param("id", event.itemId())
                .update();
        int items = jdbc.sql(
                        """
                update scan_item set person_name = null, cert_no_enc = null, title = null,
                       destroyed_at = coalesce(destroyed_at, now())
                where item_id = :id
                """)
                .param("id", event.itemId())
                .update();
        if (items > 0) {
            log.info("scan material of destroyed item {}: {} page files deleted", event.archiveCode(), deleted);
        }
    }

    private boolean deleteFile(UUID batch, String path) {
        var dir = batches.dir(batch).toAbsolutePath().normalize();
        var file = dir.resolve(path).normalize();
        if (!file.startsWith(dir)) {
            return false; // a stored path never leaves its batch directory
        }
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the publication stays incomplete and is retried
        }
    }

    /** 410 with the destruction record when page {@code seq} of the batch belonged to a destroyed item. */
    void refuseIfDestroyed(UUID batch, int seq) {
        jdbc.sql(
                        """
                select s.item_id from scan_page p join scan_item s on s.id = p.item_id
                where p.batch_id = :b and p.seq = :seq and s.destroyed_at is not null and s.item_id is not null
                """)
                .param("b", batch)
                .param("seq", seq)
                .query(UUID.class)
                .optional()
                .ifPresent(tombstones::refuseIfDestroyed);
    }
}
