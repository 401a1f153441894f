package org.siarchive.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.crypto.Masks;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finding a party by what people know of it: a person by name (today's ID-number lookup needs the number),
 * an employer by name or 统一社会信用代码. Only parties with an item in the reader's scope are listed, at most
 * {@value #LIMIT} (more: the list says so, refine the name); a person shows with the masked ID number and the
 * birth year, enough to tell namesakes apart. Every lookup is audited.
 */
@Component
class PartyLookup {

    static final int LIMIT = 50;
    static final int MAX_TEXT = 100;

    /** A person found by name: masked number, birth year, and how many items of theirs the reader may see. */
    record PersonMatch(long id, String name, String maskedCertNo, @Nullable Integer birthYear, long items) {}

    /** An employer found by name or credit code, with how many items of it the reader may see. */
    record EmployerMatch(String creditCode, String name, long items) {}

    /** A bounded list: {@code more} when matches were left out. */
    record Matches<T>(List<T> list, boolean more) {}

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final AuditTrail audit;

    PartyLookup(JdbcClient jdbc, FieldCipher cipher, AuditTrail audit) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
    }

    @Transactional
    Matches<PersonMatch> personsNamed(@Nullable String name, Access access) {
        String text = required("name", name);
        var params = ItemQueries.scopeParams(access.scope());
        params.put("name", contains(text));
        var rows = jdbc.sql(
                        """
                select p.id, p.name, p.cert_no_enc, p.birth_date, count(i.id) as items
                from person p
                join item i on i.person_id = p.id
                join fonds f on f.id = i.fonds_id
                where (p.name like :name escape '\\' or i.person_name like :name escape '\\') and %s
                group by p.id, p.name, p.cert_no_enc, p.birth_date
                order by p.name, p.birth_date nulls last, p.id
                limit %d
                """
                                .formatted(ItemQueries.SCOPE_CLAUSE, LIMIT + 1))
                .params(params)
                .query((rs, n) -> new PersonMatch(
                        rs.getLong("id"),
                        rs.getString("name"),
                        Objects.requireNonNullElse(
                                Masks.idNumber(cipher.decrypt(rs.getBytes("cert_no_enc"), ItemQueries.CERT_CONTEXT)),
                                ""),
                        birthYear(rs.getObject("birth_date", LocalDate.class)),
                        rs.getLong("items")))
                .list();
        var result = bounded(rows);
        audit.record(
                access.actor(),
                AuditedObject.PERSON,
                "*",
                AuditOperation.QUERY,
                null,
                AuditDetail.of("audit.detail.personLookup", text, result.list().size())
                        .encoded());
        return result;
    }

    @Transactional
    Matches<EmployerMatch> employers(@Nullable String nameOrCode, Access access) {
        String text = required("q", nameOrCode);
        var params = ItemQueries.scopeParams(access.scope());
        params.put("name", contains(text));
        params.put("code", escape(text.toUpperCase(java.util.Locale.ROOT)) + "%");
        var rows = jdbc.sql(
                        """
                select e.credit_code, e.name, count(i.id) as items
                from employer e
                join item i on i.employer_id = e.id
                join fonds f on f.id = i.fonds_id
                where (e.name like :name escape '\\' or e.credit_code like :code escape '\\') and %s
                group by e.id, e.credit_code, e.name
                order by e.name, e.credit_code
                limit %d
                """
                                .formatted(ItemQueries.SCOPE_CLAUSE, LIMIT + 1))
                .params(params)
                .query(EmployerMatch.class)
                .list();
        var result = bounded(rows);
        audit.record(
                access.actor(),
                AuditedObject.EMPLOYER,
                "*",
                AuditOperation.QUERY,
                null,
                AuditDetail.of(
                                "audit.detail.employerLookup",
                                text,
                                result.list().size())
                        .encoded());
        return result;
    }

    private static String required(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(Violation.of(field, "required"));
        }
        String text = value.strip();
        if (text.length() > MAX_TEXT) {
            throw new InvalidInputException(Violation.of(field, "maxLength", MAX_TEXT));
        }
        return text;
    }

    private static <T> Matches<T> bounded(List<T> rows) {
        return rows.size() > LIMIT ? new Matches<>(rows.subList(0, LIMIT), true) : new Matches<>(rows, false);
    }

    private static @Nullable Integer birthYear(@Nullable LocalDate birth) {
        return birth == null ? null : birth.getYear();
    }

    private static String contains(String text) {
        return "%" + escape(text) + "%";
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
