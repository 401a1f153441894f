package org.siarchive.catalog;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Port: the destruction record of a destroyed item, kept by the module that executed the destruction
 * (disposition implements it; catalog, lending and the web door cannot depend on it). {@link Tombstones}
 * joins it with what the catalogue itself keeps (档号, time, digests) into the record a 410 shows.
 */
public interface TombstoneRecords {

    /** Empty when no destruction names the item (it was not destroyed, or the record is not written yet). */
    Optional<Destruction> of(UUID itemId);

    /**
     * The destruction of one item: method, place, executor and the two supervisors (logins; shown by name),
     * the appraisal batch and 销毁清册 numbers, when it was purged, and the backups still holding it.
     */
    record Destruction(
            @Nullable String method,
            @Nullable String place,
            @Nullable String executor,
            List<String> supervisors,
            @Nullable String batchNo,
            @Nullable String listNo,
            @Nullable OffsetDateTime at,
            List<String> backupsHolding) {}
}
