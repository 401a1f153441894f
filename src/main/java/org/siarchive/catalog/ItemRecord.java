package org.siarchive.catalog;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Everything the catalogue knows about one item (件), with its files and their registered digests. */
public record ItemRecord(
        UUID id,
        String archiveCode,
        String fondsCode,
        String fondsName,
        int itemNo,
        String title,
        String responsible,
        LocalDate docDate,
        int year,
        @Nullable String docNo,
        String securityLevel,
        String categoryCode,
        String categoryName,
        String stepCode,
        String stepName,
        @Nullable String insuranceType,
        @Nullable String insuranceName,
        String acceptanceNo,
        String handler,
        String handlingAgency,
        OffsetDateTime handledAt,
        String retentionCode,
        String retentionName,
        LocalDate retentionStart,
        @Nullable LocalDate retentionEnd,
        @Nullable String certType,
        @Nullable String certNo,
        @Nullable String personName,
        @Nullable String registeredPersonName,
        @Nullable String creditCode,
        @Nullable String employerName,
        String status,
        @Nullable String statusReason,
        String objectId,
        int objectVersion,
        String idempotencyKey,
        String fingerprint,
        OffsetDateTime createdAt,
        List<ItemFile> files) {

    /** The item's state, from the catalogue's {@code status} column. */
    public ItemState state() {
        return ItemState.valueOf(status);
    }

    public boolean preserved() {
        return state() == ItemState.PRESERVED;
    }

    public ItemRecord withFiles(List<ItemFile> f) {
        return copy(title, responsible, docNo, certNo, f);
    }

    /** The same item with the certificate number in another form (decrypted, or masked for display). */
    public ItemRecord withCertNo(@Nullable String value) {
        return copy(title, responsible, docNo, value, files);
    }

    /** The same item with corrected descriptive fields (档号 and everything else unchanged). */
    public ItemRecord withDescription(String newTitle, String newResponsible, @Nullable String newDocNo) {
        return copy(newTitle, newResponsible, newDocNo, certNo, files);
    }

    private ItemRecord copy(String t, String r, @Nullable String no, @Nullable String cert, List<ItemFile> f) {
        return new ItemRecord(
                id,
                archiveCode,
                fondsCode,
                fondsName,
                itemNo,
                t,
                r,
                docDate,
                year,
                no,
                securityLevel,
                categoryCode,
                categoryName,
                stepCode,
                stepName,
                insuranceType,
                insuranceName,
                acceptanceNo,
                handler,
                handlingAgency,
                handledAt,
                retentionCode,
                retentionName,
                retentionStart,
                retentionEnd,
                certType,
                cert,
                personName,
                registeredPersonName,
                creditCode,
                employerName,
                status,
                statusReason,
                objectId,
                objectVersion,
                idempotencyKey,
                fingerprint,
                createdAt,
                f);
    }

    /** One stored file of the item. {@code originalName} is the sender's name, kept as metadata only. */
    public record ItemFile(
            int seq,
            String materialCode,
            String materialName,
            String originalName,
            String logicalPath,
            String mediaType,
            String formatName,
            long sizeBytes,
            String sm3,
            String sha256) {}
}
