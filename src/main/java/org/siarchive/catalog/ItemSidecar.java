package org.siarchive.catalog;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metadata sidecar ({@code metadata.json}) stored in every object version, so the preservation
 * store describes itself without the database: 档号, DA/T 46 core elements, the social-insurance
 * fields, the parties and each file with its registered SM3 and SHA-256.
 */
@Component
public class ItemSidecar {

    public static final String SCHEMA = "siarchive-item/1";

    private final JsonMapper json;

    ItemSidecar(JsonMapper json) {
        this.json = json;
    }

    /** What the sidecar holds. */
    public record Document(
            String schema,
            UUID id,
            String archiveCode,
            String fondsCode,
            String fondsName,
            String title,
            String responsible,
            LocalDate docDate,
            int year,
            @Nullable String docNo,
            String securityLevel,
            String category,
            String businessStep,
            @Nullable String insuranceType,
            String acceptanceNo,
            String handler,
            String handlingAgency,
            OffsetDateTime handledAt,
            String retention,
            LocalDate retentionStart,
            @Nullable LocalDate retentionEnd,
            @Nullable String certType,
            @Nullable String certNo,
            @Nullable String personName,
            @Nullable String creditCode,
            @Nullable String employerName,
            List<ItemRecord.ItemFile> files) {}

    public byte[] write(ItemRecord i) {
        var doc = new Document(
                SCHEMA,
                i.id(),
                i.archiveCode(),
                i.fondsCode(),
                i.fondsName(),
                i.title(),
                i.responsible(),
                i.docDate(),
                i.year(),
                i.docNo(),
                i.securityLevel(),
                i.categoryCode(),
                i.stepCode(),
                i.insuranceType(),
                i.acceptanceNo(),
                i.handler(),
                i.handlingAgency(),
                i.handledAt(),
                i.retentionCode(),
                i.retentionStart(),
                i.retentionEnd(),
                i.certType(),
                i.certNo(),
                i.personName(),
                i.creditCode(),
                i.employerName(),
                i.files());
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
    }

    public Document read(byte[] bytes) {
        return json.readValue(bytes, Document.class);
    }
}
