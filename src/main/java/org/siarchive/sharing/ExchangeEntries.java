package org.siarchive.sharing;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.quality.CitizenIdNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the exchange register ({@code exchange_entry}): answered requests inside the answer's transaction,
 * refused ones in a transaction of their own so they stay when the request fails. The subject is kept only
 * as its token (context {@value #SUBJECT_CONTEXT}) and masked.
 */
@Component
class ExchangeEntries {

    static final String SUBJECT_CONTEXT = "exchange.subject";

    /** One line of the register as written. */
    record Entry(
            @Nullable Long clientId,
            String clientName,
            @Nullable String requestRef,
            @Nullable String purpose,
            @Nullable String legalBasisRef,
            @Nullable String consentRef,
            @Nullable String subject,
            List<String> requested,
            List<String> answered,
            String result,
            @Nullable String refusal,
            String remoteAddr,
            int durationMs) {}

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    ExchangeEntries(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** The register's token of an ID number (normalised first), or null for none. */
    byte @Nullable [] token(@Nullable String certNo) {
        return certNo == null || certNo.isBlank()
                ? null
                : cipher.blindIndex(CitizenIdNumber.normalize(certNo), SUBJECT_CONTEXT);
    }

    /** The ID number as the register shows it: the first 3 and last 4 characters. */
    static @Nullable String mask(@Nullable String certNo) {
        if (certNo == null || certNo.isBlank()) {
            return null;
        }
        String s = CitizenIdNumber.normalize(certNo);
        if (s.length() > 40) {
            s = s.substring(0, 40);
        }
        return s.length() <= 7
                ? "*".repeat(s.length())
                : s.substring(0, 3) + "*".repeat(s.length() - 7) + s.substring(s.length() - 4);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long record(Entry e) {
        return insert(e);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    long recordAlone(Entry e) {
        return insert(e);
    }

    private long insert(Entry e) {
        return jdbc.sql(
                        """
                insert into exchange_entry (client_id, client_name, request_ref, purpose, legal_basis_ref,
                    consent_ref, subject_token, subject_masked, fields_requested, fields_answered, result, refusal,
                    remote_addr, duration_ms)
                values (:client, :name, :ref, :purpose, :basis, :consent, :token, :masked, :requested, :answered,
                    :result, :refusal, :addr, :ms)
                returning id""")
                .param("client", e.clientId())
                .param("name", cut(e.clientName(), 100))
                .param("ref", cut(e.requestRef(), 64))
                .param("purpose", cut(e.purpose(), 32))
                .param("basis", cut(e.legalBasisRef(), 200))
                .param("consent", cut(e.consentRef(), 200))
                .param("token", token(e.subject()))
                .param("masked", mask(e.subject()))
                .param("requested", cut(String.join(",", e.requested()), 1000))
                .param("answered", cut(String.join(",", e.answered()), 1000))
                .param("result", e.result())
                .param("refusal", cut(e.refusal(), 64))
                .param("addr", cut(e.remoteAddr(), 64))
                .param("ms", e.durationMs())
                .query(Long.class)
                .single();
    }

    private static @Nullable String cut(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
