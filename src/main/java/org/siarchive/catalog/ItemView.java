package org.siarchive.catalog;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An item as the REST API answers it: what a client needs to recognise, cite and fetch the item, under
 * the same JSON names the catalogue row has. The row's bookkeeping (store object id, idempotency key,
 * submission fingerprint) stays inside (docs/adr/0040). {@code certNo} is whatever the caller gave the
 * row: masked for a reader.
 */
public record ItemView(
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
        int objectVersion,
        OffsetDateTime createdAt,
        List<FileView> files) {

    public static ItemView of(ItemRecord i) {
        return new ItemView(
                i.id(),
                i.archiveCode(),
                i.fondsCode(),
                i.fondsName(),
                i.itemNo(),
                i.title(),
                i.responsible(),
                i.docDate(),
                i.year(),
                i.docNo(),
                i.securityLevel(),
                i.categoryCode(),
                i.categoryName(),
                i.stepCode(),
                i.stepName(),
                i.insuranceType(),
                i.insuranceName(),
                i.acceptanceNo(),
                i.handler(),
                i.handlingAgency(),
                i.handledAt(),
                i.retentionCode(),
                i.retentionName(),
                i.retentionStart(),
                i.retentionEnd(),
                i.certType(),
                i.certNo(),
                i.personName(),
                i.registeredPersonName(),
                i.creditCode(),
                i.employerName(),
                i.status(),
                i.statusReason(),
                i.objectVersion(),
                i.createdAt(),
                i.files().stream().map(FileView::of).toList());
    }

    /** One stored file: its place in the item (the DA/T 31 name), format and registered digests. */
    public record FileView(
            int seq,
            String materialCode,
            String materialName,
            String originalName,
            String logicalPath,
            String mediaType,
            String formatName,
            long sizeBytes,
            String sm3,
            String sha256) {

        static FileView of(ItemRecord.ItemFile f) {
            return new FileView(
                    f.seq(),
                    f.materialCode(),
                    f.materialName(),
                    f.originalName(),
                    f.logicalPath(),
                    f.mediaType(),
                    f.formatName(),
                    f.sizeBytes(),
                    f.sm3(),
                    f.sha256());
        }
    }
}
