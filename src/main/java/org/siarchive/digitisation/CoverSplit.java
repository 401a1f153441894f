package org.siarchive.digitisation;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Splitting by cover sheets: a batch without a manifest is cut at its cover sheets (QR codes prefixed
 * {@code SIARCHIVE-COVER:}, read by {@link CoverSheets}). Each cover opens a new item that holds the pages
 * after it; pages before the first cover stay in the batch's first item. Runs in the caller's transaction.
 */
@Component
class CoverSplit {

    private record Row(long id, int seq, @Nullable String coverCode) {}

    private final JdbcClient jdbc;

    CoverSplit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void split(UUID batch) {
        var rows = jdbc.sql("select id, seq, cover_code from scan_page where batch_id = :b order by seq")
                .param("b", batch)
                .query(Row.class)
                .list();
        if (rows.stream().noneMatch(r -> r.coverCode() != null)) {
            return;
        }
        UUID first = jdbc.sql("select id from scan_item where batch_id = :b and seq = 1")
                .param("b", batch)
                .query(UUID.class)
                .single();
        boolean firstUsed = rows.get(0).coverCode() == null;
        UUID current = first;
        int seq = 1;
        for (var r : rows) {
            if (r.coverCode() == null) {
                movePage(r.id(), current);
                continue;
            }
            if (!firstUsed) {
                firstUsed = true;
                current = first;
            } else {
                current = newItem(batch, ++seq);
            }
            markCover(current, r.coverCode());
        }
    }

    private UUID newItem(UUID batch, int seq) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into scan_item (id, batch_id, seq, status) values (:id, :b, :seq, 'PENDING')")
                .param("id", id)
                .param("b", batch)
                .param("seq", seq)
                .update();
        return id;
    }

    private void markCover(UUID item, String coverCode) {
        jdbc.sql("update scan_item set cover_code = :c where id = :id")
                .param("c", coverCode)
                .param("id", item)
                .update();
    }

    private void movePage(long page, UUID item) {
        jdbc.sql("update scan_page set item_id = :i where id = :id")
                .param("i", item)
                .param("id", page)
                .update();
    }
}
