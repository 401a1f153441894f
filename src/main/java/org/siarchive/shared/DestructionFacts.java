package org.siarchive.shared;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a tombstone tells about a destroyed item (issue 16): its 档号, when, how and where it was destroyed,
 * by whom and under whose supervision (names people read), the appraisal batch and the 销毁清册 that
 * authorised it, the digests its content had, and the backups that still hold it until they expire. Parts
 * the destruction record does not (yet) hold are null or empty; the 档号 and the time never are.
 */
public record DestructionFacts(
        String archiveCode,
        OffsetDateTime destroyedAt,
        @Nullable String method,
        @Nullable String place,
        @Nullable String executor,
        List<String> supervisors,
        @Nullable String batchNo,
        @Nullable String listNo,
        List<Digest> digests,
        List<String> backupsHolding) {

    /** A digest the content had: the file's path in the object, its SM3 and SHA-256. */
    public record Digest(String logicalPath, String sm3, String sha256) {}

    public DestructionFacts {
        supervisors = List.copyOf(supervisors);
        digests = List.copyOf(digests);
        backupsHolding = List.copyOf(backupsHolding);
    }
}
