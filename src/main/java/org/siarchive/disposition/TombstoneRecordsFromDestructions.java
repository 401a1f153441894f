package org.siarchive.disposition;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.siarchive.catalog.TombstoneRecords;
import org.siarchive.shared.ReadableTime;
import org.springframework.stereotype.Component;

/**
 * Catalog's {@link TombstoneRecords} port, answered from the destruction record ({@link DestructionRecords}):
 * the catalogue, lending and the web door show a destroyed item's record without depending on disposition.
 * Each backup still holding the content reads as its time and the time it expires, in Beijing time.
 */
@Component
class TombstoneRecordsFromDestructions implements TombstoneRecords {

    private final DestructionRecords records;
    private final ReadableTime time;

    TombstoneRecordsFromDestructions(DestructionRecords records, ReadableTime time) {
        this.records = records;
        this.time = time;
    }

    @Override
    public Optional<Destruction> of(UUID itemId) {
        return records.of(itemId)
                .map(r -> new Destruction(
                        r.method(),
                        r.place(),
                        r.executor(),
                        List.of(r.supervisor1(), r.supervisor2()),
                        r.batchNo(),
                        r.listNo(),
                        r.finishedAt() == null ? r.startedAt() : r.finishedAt(),
                        r.backupsHolding().stream()
                                .map(b -> time.at(b.takenAt()).format(ReadableTime.MINUTES) + " → "
                                        + time.at(b.expiresAt()).format(ReadableTime.MINUTES))
                                .toList()));
    }
}
