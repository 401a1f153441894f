package org.siarchive.portal;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Portal accounts: one per real-name identity and kind — a person's 公民身份号码 is their key, kept encrypted with
 * a blind index (context {@value #CERT_CONTEXT}); the phone likewise. Whoever proved the identity (the
 * identity provider, or the registration's one-time code) calls {@link #ensure}.
 */
@Component
public class PortalAccounts {

    static final String CERT_CONTEXT = "portal.cert_no";
    static final String PHONE_CONTEXT = "portal.phone";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final org.siarchive.security.Credentials credentials;

    PortalAccounts(
            JdbcClient jdbc, FieldCipher cipher, AuditTrail audit, org.siarchive.security.Credentials credentials) {
        this.credentials = credentials;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
    }

    /**
     * The account of this identity and kind, created (ACTIVE, audited CREATE) on first use. {@code certNo}
     * must already be a checked, normalised 公民身份号码.
     */
    @Transactional
    public long ensure(PortalUser.Kind kind, String displayName, String certNo, @Nullable String phone, Actor actor) {
        var existing = find(kind, certNo);
        if (existing.isPresent()) {
            return existing.get();
        }
        long id = jdbc.sql(
                        """
                insert into portal_account (kind, display_name, cert_no_enc, cert_no_index, phone_enc)
                values (:k, :n, :c, :i, :p) returning id""")
                .param("k", kind.name())
                .param("n", displayName)
                .param("c", cipher.encrypt(certNo, CERT_CONTEXT))
                .param("i", cipher.blindIndex(certNo, CERT_CONTEXT))
                .param("p", cipher.encrypt(phone, PHONE_CONTEXT))
                .query(Long.class)
                .single();
        audit.record(actor, AuditedObject.PORTAL_ACCOUNT, Long.toString(id), AuditOperation.CREATE, null, kind.name());
        return id;
    }

    /** The account of this identity and kind, if one exists. */
    public Optional<Long> find(PortalUser.Kind kind, String certNo) {
        return jdbc.sql("select id from portal_account where kind = :k and cert_no_index = :i")
                .param("k", kind.name())
                .param("i", cipher.blindIndex(certNo, CERT_CONTEXT))
                .query(Long.class)
                .optional();
    }

    /** The account holder's own 公民身份号码 (to find their items; never shown whole). */
    public String certNo(long accountId) {
        byte[] stored = jdbc.sql("select cert_no_enc from portal_account where id = :a")
                .param("a", accountId)
                .query(byte[].class)
                .single();
        return java.util.Objects.requireNonNull(cipher.decrypt(stored, CERT_CONTEXT));
    }

    /**
     * Sets the fallback sign-in's password of an account without asking for the old one — for the demo's person
     * on first start, never from a page (a person changes theirs on the account page). Audited CHANGE_PASSWORD.
     */
    @Transactional
    public void setPassword(long accountId, String rawPassword, Actor actor) {
        jdbc.sql("update portal_account set password_hash = :h where id = :a")
                .param("h", credentials.hash(rawPassword))
                .param("a", accountId)
                .update();
        audit.record(
                actor,
                AuditedObject.PORTAL_ACCOUNT,
                Long.toString(accountId),
                AuditOperation.CHANGE_PASSWORD,
                null,
                null);
    }
}
