package org.siarchive.integrity;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The OFD copies still to be made, as rows of {@code ofd_copy_pending} (docs/adr/0122): the database, not memory,
 * knows them, so a backlog of any size costs no heap and survives a kill. Every method runs in the caller's
 * transaction.
 */
@Component
class PendingCopies {

    private final JdbcClient jdbc;

    PendingCopies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many copies wait (and since when the oldest), and how many were given up after their last attempt. */
    record Backlog(long pending, @Nullable OffsetDateTime oldest, long failed) {}

    /** Queues the item's copy (once: queuing it again changes nothing). */
    void queue(UUID itemId) {
        jdbc.sql("insert into ofd_copy_pending (item_id) values (:id) on conflict (item_id) do nothing")
                .param("id", itemId)
                .update();
    }

    /**
     * Takes the next copy to make (fewest attempts, then oldest) and locks its row until the transaction ends; rows
     * another worker holds are passed over.
     */
    Optional<UUID> claim(int maxAttempts) {
        return jdbc.sql(
                        """
                select item_id from ofd_copy_pending where attempts < :max
                order by attempts, queued_at limit 1 for update skip locked
                """)
                .param("max", maxAttempts)
                .query(UUID.class)
                .optional();
    }

    /** The copy is made (or no longer needed): its row goes. */
    void done(UUID itemId) {
        jdbc.sql("delete from ofd_copy_pending where item_id = :id")
                .param("id", itemId)
                .update();
    }

    /** An attempt failed: counted, with its reason; tried again after the others. */
    void failed(UUID itemId, String reason) {
        jdbc.sql("update ofd_copy_pending set attempts = attempts + 1, last_error = :e where item_id = :id")
                .param("e", reason.length() > 500 ? reason.substring(0, 500) : reason)
                .param("id", itemId)
                .update();
    }

    Backlog backlog(int maxAttempts) {
        return jdbc.sql(
                        """
                select count(*) filter (where attempts < :max) as pending,
                       min(queued_at) filter (where attempts < :max) as oldest,
                       count(*) filter (where attempts >= :max) as failed
                from ofd_copy_pending
                """)
                .param("max", maxAttempts)
                .query(Backlog.class)
                .single();
    }
}
