package org.siarchive.certificates;

import java.util.List;
import java.util.Optional;
import org.siarchive.certificates.Certificates.Certificate;
import org.siarchive.preservation.Fixity;
import org.siarchive.shared.Access;
import org.siarchive.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of certificates: the issued row with its bytes and digests, and the reads. {@link #visible} is the
 * one scope check (the issuing organisation lies in the caller's subtree, ADR 0017, 0031); the other reads
 * are for the public verification page or follow a scope check.
 */
@Component
class CertificateRows {

    private final JdbcClient jdbc;

    CertificateRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What is stored of an issued certificate (the subject's name already masked). */
    record Issued(
            String code,
            String format,
            long personId,
            String subjectName,
            String subjectId,
            int items,
            String purpose,
            String issuer,
            String keyId,
            Fixity fixity,
            byte[] document,
            String issuedBy,
            String orgPath) {}

    long insert(Issued c) {
        return jdbc.sql(
                        """
                insert into certificate (code, kind, format, person_id, subject_name, subject_id, items, purpose,
                    issuer, key_id, size_bytes, sm3, sha256, document, issued_by, org_path)
                values (:code, 'EXTRACT', :f, :person, :name, :sid, :n, :p, :issuer, :key, :size, :sm3, :sha, :doc, :by,
                    :org)
                returning id
                """)
                .param("code", c.code())
                .param("f", c.format())
                .param("person", c.personId())
                .param("name", c.subjectName())
                .param("sid", c.subjectId())
                .param("n", c.items())
                .param("p", c.purpose())
                .param("issuer", c.issuer())
                .param("key", c.keyId())
                .param("size", c.fixity().size())
                .param("sm3", c.fixity().sm3())
                .param("sha", c.fixity().sha256())
                .param("doc", c.document())
                .param("by", c.issuedBy())
                .param("org", c.orgPath())
                .query(Long.class)
                .single();
    }

    Optional<Certificate> byCode(String code) {
        return jdbc.sql(SELECT + " where code = :c")
                .param("c", code.strip().toUpperCase())
                .query(Certificate.class)
                .optional();
    }

    Certificate visible(long id, Access access) {
        return jdbc.sql(SELECT + " where id = :id and " + IN_SCOPE)
                .param("id", id)
                .param("scopeOrg", access.scope().orgPattern())
                .query(Certificate.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("CERTIFICATE", Long.toString(id)));
    }

    /** Unscoped: after {@link #visible}. */
    byte[] document(long id) {
        return jdbc.sql("select document from certificate where id = :id")
                .param("id", id)
                .query(byte[].class)
                .single();
    }

    List<Certificate> recent(int limit, Access access) {
        return jdbc.sql(SELECT + " where " + IN_SCOPE + " order by id desc limit :n")
                .param("scopeOrg", access.scope().orgPattern())
                .param("n", limit)
                .query(Certificate.class)
                .list();
    }

    /** The certificates one account issued itself (a person's own extracts), newest first. */
    List<Certificate> issuedBy(String issuedBy, int limit) {
        return jdbc.sql(SELECT + " where issued_by = :by order by id desc limit :n")
                .param("by", issuedBy)
                .param("n", limit)
                .query(Certificate.class)
                .list();
    }

    /** A certificate this account issued itself, else 404 as for an id that does not exist. */
    Certificate issuedBy(long id, String issuedBy) {
        return jdbc.sql(SELECT + " where id = :id and issued_by = :by")
                .param("id", id)
                .param("by", issuedBy)
                .query(Certificate.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("CERTIFICATE", Long.toString(id)));
    }

    /** Unscoped: the certificate just issued. */
    Certificate byId(long id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(Certificate.class)
                .single();
    }

    /** Data scope of a certificate: the issuing organisation lies in the caller's subtree (ADR 0017, 0031). */
    private static final String IN_SCOPE = "org_path like :scopeOrg";

    private static final String SELECT =
            """
            select id, code, kind, format, subject_name, subject_id, items, purpose, issuer, key_id, size_bytes, sm3,
                   issued_by, issued_at
            from certificate
            """;
}
