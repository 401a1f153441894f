package org.siarchive.digitisation;

import java.util.Optional;
import java.util.UUID;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.search.RecognisedTexts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Search's {@link RecognisedTexts} port: the recognised (OCR) text of a captured item that came from a scan
 * batch, its pages in order, decrypted for the platform's own use (the search index tokenises the personal
 * numbers in it before storing). Digitisation's tables are read here only (docs/adr/0045).
 */
@Component
class ScannedItemTexts implements RecognisedTexts {

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    ScannedItemTexts(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Empty when the item was not scanned here or none of its pages has text. */
    @Override
    public Optional<String> ofItem(UUID catalogueItemId) {
        var pages = jdbc.sql(
                        """
                select p.ocr_text_enc from scan_page p join scan_item s on s.id = p.item_id
                where s.item_id = :id and p.superseded_at is null and p.ocr_text_enc is not null order by p.seq
                """)
                .param("id", catalogueItemId)
                .query((rs, n) -> cipher.decrypt(rs.getBytes(1), ScanBatches.TEXT_CONTEXT))
                .list();
        var text = new StringBuilder();
        for (String p : pages) {
            if (p != null && !p.isBlank()) {
                text.append(p).append('\n');
            }
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text.toString());
    }
}
