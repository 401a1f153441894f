package org.siarchive.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Actor;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact details an account gives to be told also by SMS or e-mail, and the language those messages are
 * written in (accounts themselves carry neither). Only the account itself sets them; every change is audited
 * (UPDATE on NOTIFICATION), the number and address masked in the trail.
 */
@Component
public class Contacts {

    static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[A-Za-z]{2,24}");

    /** An account's settings; {@link #NONE} when it gave none. */
    public record Contact(@Nullable String phone, @Nullable String email, String language, boolean sms, boolean mail) {

        public static final Contact NONE = new Contact(null, null, "zh-CN", false, false);
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    Contacts(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public Contact of(String account) {
        return find(account).orElse(Contact.NONE);
    }

    Optional<Contact> find(String account) {
        return jdbc.sql("select phone, email, language, sms, mail from notification_contact where account = :a")
                .param("a", account)
                .query(Contact.class)
                .optional();
    }

    /** Sets the caller's own settings: 422 naming every field that breaks a rule. */
    @Transactional
    public Contact set(Contact requested, Actor actor) {
        var c = valid(requested);
        jdbc.sql(
                        """
                        insert into notification_contact (account, phone, email, language, sms, mail, updated_by)
                        values (:a, :p, :e, :l, :s, :m, :a)
                        on conflict (account) do update set phone = excluded.phone, email = excluded.email,
                            language = excluded.language, sms = excluded.sms, mail = excluded.mail,
                            updated_by = excluded.updated_by, updated_at = now()""")
                .param("a", actor.name())
                .param("p", c.phone())
                .param("e", c.email())
                .param("l", c.language())
                .param("s", c.sms())
                .param("m", c.mail())
                .update();
        audit.record(
                actor,
                AuditedObject.NOTIFICATION,
                actor.name(),
                AuditOperation.UPDATE,
                null,
                AuditDetail.of(
                                "audit.detail.notificationContact",
                                Addresses.masked(c.phone()),
                                Addresses.masked(c.email()),
                                AuditDetail.label("audit.detail." + (c.sms() ? "yes" : "no")),
                                AuditDetail.label("audit.detail." + (c.mail() ? "yes" : "no")))
                        .encoded());
        return c;
    }

    private static Contact valid(Contact r) {
        String phone = blank(r.phone());
        String email = blank(r.email());
        var v = new ArrayList<Violation>();
        if (phone != null && !PHONE.matcher(phone).matches()) {
            v.add(Violation.of("phone", "format"));
        }
        if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
            v.add(Violation.of("email", "format"));
        }
        if (!List.of("zh-CN", "en").contains(r.language())) {
            v.add(Violation.of("language", "codeTable", r.language()));
        }
        if (r.sms() && phone == null) {
            v.add(Violation.of("phone", "required"));
        }
        if (r.mail() && email == null) {
            v.add(Violation.of("email", "required"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return new Contact(phone, email, r.language(), r.sms(), r.mail());
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
