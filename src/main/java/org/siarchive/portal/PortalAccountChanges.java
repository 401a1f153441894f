package org.siarchive.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.crypto.Masks;
import org.siarchive.security.Credentials;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a signed-in user changes on their account page: the password (current one required; every other session
 * ends), a TOTP second factor enrolled (a code of the new secret proves the app has it) or removed (current
 * password required). Each change audited on the account. Accounts of the identity provider have no password here.
 */
@Component
class PortalAccountChanges {

    /** What the account page shows: the identity masked, and which credentials the account has. */
    record View(String name, String kind, String certNo, @Nullable String phone, boolean password, boolean totp) {}

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final Credentials credentials;
    private final AuditTrail audit;

    PortalAccountChanges(JdbcClient jdbc, FieldCipher cipher, Credentials credentials, AuditTrail audit) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.credentials = credentials;
        this.audit = audit;
    }

    View view(long accountId) {
        return jdbc.sql(
                        """
                select display_name, kind, cert_no_enc, phone_enc, password_hash is not null, totp_secret_enc is not null
                  from portal_account where id = :a""")
                .param("a", accountId)
                .query((rs, n) -> new View(
                        rs.getString(1),
                        rs.getString(2),
                        String.valueOf(Masks.idNumber(cipher.decrypt(rs.getBytes(3), PortalAccounts.CERT_CONTEXT))),
                        Masks.phone(cipher.decrypt(rs.getBytes(4), PortalAccounts.PHONE_CONTEXT)),
                        rs.getBoolean(5),
                        rs.getBoolean(6)))
                .single();
    }

    @Transactional
    public void changePassword(
            long accountId,
            @Nullable String current,
            @Nullable String next,
            @Nullable String confirm,
            HttpServletRequest request) {
        checkCurrent(accountId, current);
        var v = new ArrayList<Violation>(credentials.passwordProblems(next == null ? "" : next, "newPassword", ""));
        if (next != null && !next.equals(confirm)) {
            v.add(Violation.of("confirmPassword", "passwordMismatch"));
        }
        if (next != null && next.equals(current)) {
            v.add(Violation.of("newPassword", "passwordReused", 1));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        jdbc.sql("update portal_account set password_hash = :p where id = :a")
                .param("p", credentials.hash(java.util.Objects.requireNonNull(next)))
                .param("a", accountId)
                .update();
        audited(accountId, AuditOperation.CHANGE_PASSWORD, request);
    }

    @Transactional
    public void enrolTotp(long accountId, @Nullable String secret, @Nullable String code, HttpServletRequest request) {
        if (secret == null || !secret.matches("[A-Z2-7]{32}")) {
            throw new InvalidInputException(List.of(Violation.of("code", "portalCode")));
        }
        long step = credentials.totpStep(secret, code, 0);
        if (step < 0) {
            throw new InvalidInputException(List.of(Violation.of("code", "portalCode")));
        }
        jdbc.sql(
                        """
                update portal_account set totp_secret_enc = :s, totp_last_step = :t
                where id = :a and password_hash is not null""")
                .param("s", cipher.encrypt(secret, PortalPasswordLogin.TOTP_CONTEXT))
                .param("t", step)
                .param("a", accountId)
                .update();
        audited(accountId, AuditOperation.ENROL_TOTP, request);
    }

    @Transactional
    public void removeTotp(long accountId, @Nullable String current, HttpServletRequest request) {
        checkCurrent(accountId, current);
        jdbc.sql("update portal_account set totp_secret_enc = null, totp_last_step = 0 where id = :a")
                .param("a", accountId)
                .update();
        audited(accountId, AuditOperation.RESET_TOTP, request);
    }

    String newSecret() {
        return credentials.newTotpSecret();
    }

    String totpUri(long accountId, String secret) {
        return credentials.totpUri("portal-" + accountId, secret);
    }

    private void checkCurrent(long accountId, @Nullable String current) {
        String hash = jdbc.sql("select password_hash from portal_account where id = :a for update")
                .param("a", accountId)
                .query(String.class)
                .optional()
                .orElse(null);
        if (hash == null || !credentials.matches(current, hash)) {
            throw new InvalidInputException(List.of(Violation.of("currentPassword", "passwordWrong")));
        }
    }

    private void audited(long accountId, AuditOperation op, HttpServletRequest request) {
        audit.record(
                PortalSignIn.actor(request, accountId),
                AuditedObject.PORTAL_ACCOUNT,
                Long.toString(accountId),
                op,
                AuditTrail.SUCCESS,
                null,
                null);
    }
}
