package org.siarchive.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Maps the item select to {@link ItemRecord} (files are attached separately). */
final class ItemRows {

    private ItemRows() {}

    static ItemRecord item(ResultSet rs) throws SQLException {
        return new ItemRecord(
                rs.getObject("id", UUID.class),
                rs.getString("archive_code"),
                rs.getString("fonds_code"),
                rs.getString("fonds_name"),
                rs.getInt("item_no"),
                rs.getString("title"),
                rs.getString("responsible"),
                rs.getObject("doc_date", LocalDate.class),
                rs.getInt("year"),
                rs.getString("doc_no"),
                rs.getString("security_level"),
                rs.getString("category_code"),
                rs.getString("category_name"),
                rs.getString("step_code"),
                rs.getString("step_name"),
                rs.getString("insurance_type"),
                rs.getString("insurance_name"),
                rs.getString("acceptance_no"),
                rs.getString("handler"),
                rs.getString("handling_agency"),
                rs.getObject("handled_at", OffsetDateTime.class),
                rs.getString("retention_code"),
                rs.getString("retention_name"),
                rs.getObject("retention_start", LocalDate.class),
                rs.getObject("retention_end", LocalDate.class),
                rs.getString("cert_type"),
                null, // encrypted: ItemQueries decrypts cert_no_enc
                rs.getString("person_name"),
                rs.getString("registered_person_name"),
                rs.getString("credit_code"),
                rs.getString("employer_name"),
                rs.getString("status"),
                rs.getString("status_reason"),
                rs.getString("object_id"),
                rs.getInt("object_version"),
                rs.getString("idempotency_key"),
                rs.getString("fingerprint"),
                rs.getObject("created_at", OffsetDateTime.class),
                List.of());
    }
}
