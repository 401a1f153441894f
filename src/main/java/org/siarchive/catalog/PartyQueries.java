package org.siarchive.catalog;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.siarchive.crypto.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read side of the party registers: a person by id or by certificate number (through its blind index, docs/adr/0032)
 * with identity fields decrypted, an employer by credit code. Callers mask identity fields unless the reader unmasks
 * them; rows are mapped by hand (a mapper by class pays pgjdbc an exception per camelCase name).
 */
@Component
class PartyQueries {

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    PartyQueries(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Person by certificate number, found through its blind index. */
    Optional<Long> personId(String certNo) {
        return jdbc.sql("select id from person where cert_no_index = :k order by id limit 1")
                .param("k", cipher.blindIndex(certNo, ItemQueries.CERT_CONTEXT))
                .query(Long.class)
                .optional();
    }

    /** A person with decrypted identity fields; callers mask them unless the reader unmasks. */
    record PersonRow(
            long id,
            String certType,
            @Nullable String certNo,
            String name,
            @Nullable String gender,
            java.time.@Nullable LocalDate birthDate,
            @Nullable String phone,
            @Nullable String bankAccount) {}

    private static final String PERSON_SELECT =
            "select id, cert_type, cert_no_enc, name, gender, birth_date, phone_enc, bank_account_enc from person";

    Optional<PersonRow> person(long id) {
        return jdbc.sql(PERSON_SELECT + " where id = :id")
                .param("id", id)
                .query(this::personRow)
                .optional();
    }

    /** The person by certificate number (blind index) in one statement: {@link #personId} and {@link #person}. */
    Optional<PersonRow> personByCertNo(String certNo) {
        return jdbc.sql(PERSON_SELECT + " where cert_no_index = :k order by id limit 1")
                .param("k", cipher.blindIndex(certNo, ItemQueries.CERT_CONTEXT))
                .query(this::personRow)
                .optional();
    }

    private PersonRow personRow(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new PersonRow(
                rs.getLong("id"),
                rs.getString("cert_type"),
                cipher.decrypt(rs.getBytes("cert_no_enc"), ItemQueries.CERT_CONTEXT),
                rs.getString("name"),
                rs.getString("gender"),
                rs.getObject("birth_date", java.time.LocalDate.class),
                cipher.decrypt(rs.getBytes("phone_enc"), ItemQueries.PHONE_CONTEXT),
                cipher.decrypt(rs.getBytes("bank_account_enc"), ItemQueries.BANK_CONTEXT));
    }

    Optional<PartyFile.Party> employer(String creditCode) {
        return jdbc.sql(
                        """
                select id, credit_code, name from employer where credit_code = :k
                """)
                .param("k", creditCode)
                .query((rs, n) -> new PartyFile.Party(
                        rs.getLong("id"),
                        "EMPLOYER",
                        rs.getString("credit_code"),
                        null,
                        rs.getString("name"),
                        null,
                        null,
                        null,
                        null))
                .optional();
    }
}
