package org.siarchive.catalog;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.BiPredicate;
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

    /** Size and digests of a file as a stored sidecar records them; a digest it does not name is empty. */
    public record RecordedFile(long sizeBytes, String sm3, String sha256) {}

    /**
     * Fields in which a stored sidecar disagrees with the catalogue: identity, description and every
     * file's path, size and digests (times are compared as instants, so offsets do not matter). Whether a
     * recorded size and digests are the registered ones the caller's {@code sameFixity} says: fixity is compared
     * in one place, preservation's {@code Fixity} (docs/adr/0042), which the catalogue does not know.
     */
    public List<String> differences(
            ItemRecord i, byte[] stored, BiPredicate<ItemRecord.ItemFile, RecordedFile> sameFixity) {
        var out = new java.util.ArrayList<String>();
        tools.jackson.databind.JsonNode doc;
        try {
            doc = json.readTree(stored);
        } catch (RuntimeException e) {
            return List.of("unreadable");
        }
        compare(out, "archiveCode", doc, i.archiveCode());
        compare(out, "id", doc, i.id().toString());
        compare(out, "title", doc, i.title());
        compare(out, "responsible", doc, i.responsible());
        compare(out, "docNo", doc, i.docNo());
        compare(out, "securityLevel", doc, i.securityLevel());
        compare(out, "businessStep", doc, i.stepCode());
        compare(out, "retention", doc, i.retentionCode());
        var files = doc.get("files");
        if (files == null || files.size() != i.files().size()) {
            out.add("files");
            return out;
        }
        for (int k = 0; k < i.files().size(); k++) {
            var f = i.files().get(k);
            var n = files.get(k);
            if (!f.logicalPath().equals(text(n, "logicalPath")) || !sameFixity.test(f, recorded(n))) {
                out.add("files[" + f.seq() + "]");
            }
        }
        return out;
    }

    private static void compare(
            List<String> out, String field, tools.jackson.databind.JsonNode doc, @Nullable String expected) {
        String actual = text(doc, field);
        if (!java.util.Objects.equals(actual, expected)) {
            out.add(field);
        }
    }

    private static RecordedFile recorded(tools.jackson.databind.JsonNode n) {
        return new RecordedFile(
                n.path("sizeBytes").asLong(-1),
                java.util.Objects.requireNonNullElse(text(n, "sm3"), ""),
                java.util.Objects.requireNonNullElse(text(n, "sha256"), ""));
    }

    private static @Nullable String text(tools.jackson.databind.JsonNode node, String field) {
        var v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

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
