package org.siarchive.notification;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Who a message goes to: an account (its inbox, and its phone or e-mail when it gave them), or — for the public
 * portal's one-time codes — a person who has no account, by a phone number or e-mail address alone. The language
 * is the one the message is written in when it leaves by SMS or e-mail.
 *
 * @param account the login name, or null for a person without an account
 */
public record Recipient(@Nullable String account, @Nullable String phone, @Nullable String email, Locale language) {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    public Recipient {
        if (account == null && phone == null && email == null) {
            throw new IllegalArgumentException("a recipient has an account, a phone number or an e-mail address");
        }
    }

    /** A person without an account, reached by SMS on this phone number. */
    public static Recipient phone(String phone, Locale language) {
        return new Recipient(null, phone, null, language);
    }

    /** A person without an account, reached by e-mail at this address. */
    public static Recipient email(String email, Locale language) {
        return new Recipient(null, null, email, language);
    }

    /** The address a channel reaches, or null when this recipient has none for it. */
    public @Nullable String address(String channel) {
        return switch (channel) {
            case Notifier.SMS -> phone;
            case Notifier.MAIL -> email;
            default -> account;
        };
    }
}
