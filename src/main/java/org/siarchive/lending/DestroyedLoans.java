package org.siarchive.lending;

import java.util.List;
import org.siarchive.catalog.ItemDestroyed;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.catalog.ItemState;
import org.siarchive.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Lending and destroyed items (docs/adr/0070): a destroyed item cannot be requested (409 naming the rule and
 * the 档号), and the requests naming it — pending or granted — end for it when the destruction is announced
 * ({@code loan_request_item.ended_at}); any use under them answers 410 Gone ({@link GrantedUse}). Watermarked
 * pages are drawn per request and never stored, so no page cache is left to drop. Idempotent.
 */
@Component
class DestroyedLoans {

    private final JdbcClient jdbc;

    DestroyedLoans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(ItemDestroyed event) {
        jdbc.sql("update loan_request_item set ended_at = now() where item_id = :id and ended_at is null")
                .param("id", event.itemId())
                .update();
    }

    /** 409 when any item asked for is destroyed, naming every such 档号. */
    static void refuseDestroyed(List<ItemRecord> items) {
        var gone = items.stream()
                .filter(i -> i.state() == ItemState.DESTROYED)
                .map(ItemRecord::archiveCode)
                .toList();
        if (!gone.isEmpty()) {
            throw new ConflictException("conflict.lending.itemDestroyed", String.join("、", gone));
        }
    }
}
