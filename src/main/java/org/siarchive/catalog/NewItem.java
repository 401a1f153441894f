package org.siarchive.catalog;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A validated item (件) to register; its 档号 and retention are assigned by the catalogue. */
public record NewItem(
        UUID id,
        String objectId,
        String fondsCode,
        String idempotencyKey,
        String fingerprint,
        String acceptanceNo,
        String stepCode,
        @Nullable String insuranceType,
        String title,
        String responsible,
        LocalDate docDate,
        @Nullable String docNo,
        String securityLevel,
        @Nullable PersonRef person,
        @Nullable EmployerRef employer,
        String handler,
        String handlingAgency,
        OffsetDateTime handledAt,
        List<NewFile> files) {

    public NewItem {
        files = List.copyOf(files);
    }

    /**
     * The person the item is about. {@code gender} (GB/T 2261.1 code) and {@code birthDate} are what the
     * sender's certificate number states (a citizen ID number, GB 11643), null for other certificates.
     */
    public record PersonRef(
            String certType,
            String certNo,
            String name,
            @Nullable String gender,
            @Nullable LocalDate birthDate,
            @Nullable String phone,
            @Nullable String bankAccount) {}

    public record EmployerRef(String creditCode, String name) {}

    /** One file of the item as staged: where it will live in the object and its fixity. */
    public record NewFile(
            int seq,
            String materialCode,
            String originalName,
            String logicalPath,
            String mediaType,
            String formatName,
            long sizeBytes,
            String sm3,
            String sha256) {

        public NewFile withLogicalPath(String path) {
            return new NewFile(seq, materialCode, originalName, path, mediaType, formatName, sizeBytes, sm3, sha256);
        }
    }
}
