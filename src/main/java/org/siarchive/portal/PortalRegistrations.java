package org.siarchive.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.crypto.Sm3;
import org.siarchive.notification.Message;
import org.siarchive.notification.NotificationKind;
import org.siarchive.notification.Notifications;
import org.siarchive.notification.Recipient;
import org.siarchive.security.Credentials;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fallback registration: name, 公民身份号码 and phone → a six-digit one-time code by SMS ({@link #CODE_LIFETIME},
 * {@link #TRIES} tries, kept as an SM3 digest only) → a password of the staff policy → the account, signed in. An
 * identity that already has an account of the kind gets the same answer and no code (nothing tells whether it
 * exists); the attempt is audited (docs/adr/0102).
 */
@Component
class PortalRegistrations {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    static final int TRIES = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A registration started: the pending row's token (carried by the code page). */
    record Started(String token) {}

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final PortalAccounts accounts;
    private final Notifications notifications;
    private final Credentials credentials;
    private final AuditTrail audit;

    PortalRegistrations(
            JdbcClient jdbc,
            FieldCipher cipher,
            PortalAccounts accounts,
            Notifications notifications,
            Credentials credentials,
            AuditTrail audit) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.accounts = accounts;
        this.notifications = notifications;
        this.credentials = credentials;
        this.audit = audit;
    }

    /** Starts a registration of checked input; sends the code unless the identity already has an account. */
    @Transactional
    public Started start(
            PortalUser.Kind kind,
            String name,
            String certNo,
            String phone,
            Locale language,
            HttpServletRequest request) {
        String token = random();
        var actor = PortalSignIn.actor(request, null);
        jdbc.sql("delete from portal_registration where expires_at < now()").update();
        if (accounts.find(kind, certNo).isPresent()) {
            audit.record(
                    actor,
                    AuditedObject.PORTAL_ACCOUNT,
                    "registration",
                    AuditOperation.REGISTER,
                    AuditTrail.FAILURE,
                    "account exists",
                    null);
            return new Started(token);
        }
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        String address = request.getRemoteAddr();
        jdbc.sql(
                        """
                insert into portal_registration
                  (token_hash, kind, display_name, cert_no_enc, phone_enc, code_hash, tries_left, expires_at, client_address)
                values (:h, :k, :n, :c, :p, :code, :t, now() + make_interval(secs => :s), :ip)""")
                .param("h", Sm3.digest(token))
                .param("k", kind.name())
                .param("n", name)
                .param("c", cipher.encrypt(certNo, PortalAccounts.CERT_CONTEXT))
                .param("p", cipher.encrypt(phone, PortalAccounts.PHONE_CONTEXT))
                .param("code", codeHash(token, code))
                .param("t", TRIES)
                .param("s", CODE_LIFETIME.toSeconds())
                .param("ip", address.length() > 64 ? address.substring(0, 64) : address)
                .update();
        notifications.send(
                Recipient.phone(phone, language),
                new Message(
                        NotificationKind.DIRECT,
                        "portal-code:" + Sm3.hex(Sm3.digest(token)),
                        "notification.message.code",
                        List.of(code, Long.toString(CODE_LIFETIME.toMinutes())),
                        null,
                        null));
        audit.record(
                actor,
                AuditedObject.PORTAL_ACCOUNT,
                "registration",
                AuditOperation.REGISTER,
                AuditTrail.SUCCESS,
                "code sent",
                null);
        return new Started(token);
    }

    /**
     * Checks the code and the new password; all right → the account (audited REGISTER) and its id. Otherwise the
     * violations: a wrong code costs a try (the last one ends the registration), a password against the policy
     * costs none.
     */
    @Transactional(noRollbackFor = RegistrationRefused.class)
    public long confirm(
            String token,
            @Nullable String code,
            @Nullable String password,
            @Nullable String confirm,
            HttpServletRequest request) {
        var p = pending(token, code, request);
        var v = new ArrayList<Violation>(
                credentials.passwordProblems(password == null ? "" : password, "password", ""));
        if (password != null && !password.equals(confirm)) {
            v.add(Violation.of("confirm", "passwordMismatch"));
        }
        if (!v.isEmpty()) {
            throw new RegistrationRefused(v);
        }
        jdbc.sql("delete from portal_registration where token_hash = :h")
                .param("h", Sm3.digest(token))
                .update();
        if (accounts.find(p.kind(), p.certNo()).isPresent()) {
            // an account appeared meanwhile (the identity provider): never take it over with a new password
            throw new RegistrationRefused(List.of(Violation.of("code", "portalCode")));
        }
        long id = accounts.ensure(p.kind(), p.name(), p.certNo(), p.phone(), PortalSignIn.actor(request, null));
        jdbc.sql("update portal_account set password_hash = :p where id = :a")
                .param("p", credentials.hash(java.util.Objects.requireNonNull(password)))
                .param("a", id)
                .update();
        audit.record(
                PortalSignIn.actor(request, id),
                AuditedObject.PORTAL_ACCOUNT,
                Long.toString(id),
                AuditOperation.REGISTER,
                AuditTrail.SUCCESS,
                null,
                null);
        return id;
    }

    private record Pending(PortalUser.Kind kind, String name, String certNo, @Nullable String phone) {}

    /** The waiting registration whose code this is; a wrong code costs a try and is refused. */
    private Pending pending(String token, @Nullable String code, HttpServletRequest request) {
        var row = jdbc.sql(
                        """
                select kind, display_name, cert_no_enc, phone_enc, code_hash from portal_registration
                 where token_hash = :h and expires_at > now() and tries_left > 0 for update""")
                .param("h", Sm3.digest(token))
                .query((rs, n) ->
                        new Object[] {rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4), rs.getBytes(5)})
                .optional();
        if (row.isEmpty()
                || code == null
                || !code.strip().matches("\\d{6}")
                || !MessageDigest.isEqual((byte[]) row.get()[4], codeHash(token, code.strip()))) {
            if (row.isPresent()) {
                jdbc.sql("update portal_registration set tries_left = tries_left - 1 where token_hash = :h")
                        .param("h", Sm3.digest(token))
                        .update();
            }
            audit.record(
                    PortalSignIn.actor(request, null),
                    AuditedObject.PORTAL_ACCOUNT,
                    "registration",
                    AuditOperation.REGISTER,
                    AuditTrail.FAILURE,
                    "code wrong or expired",
                    null);
            throw new RegistrationRefused(List.of(Violation.of("code", "portalCode")));
        }
        var r = row.get();
        return new Pending(
                PortalUser.Kind.valueOf((String) r[0]),
                (String) r[1],
                java.util.Objects.requireNonNull(cipher.decrypt((byte[]) r[2], PortalAccounts.CERT_CONTEXT)),
                cipher.decrypt((byte[]) r[3], PortalAccounts.PHONE_CONTEXT));
    }

    private static byte[] codeHash(String token, String code) {
        return Sm3.digest((token + ":" + code).getBytes(StandardCharsets.UTF_8));
    }

    private static String random() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** The registration's input broke a rule; its violations name the fields. */
    static final class RegistrationRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<Violation> violations;

        RegistrationRefused(List<Violation> violations) {
            super("registration refused", null, false, false);
            this.violations = List.copyOf(violations);
        }

        List<Violation> violations() {
            return violations;
        }
    }
}
