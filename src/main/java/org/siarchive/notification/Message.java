package org.siarchive.notification;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a notification says, never as a sentence: a message key and its arguments, rendered in the reader's own
 * language when it is read (the inbox) or sent (SMS, e-mail). An argument written {@code #key} is itself read as the
 * label under that key (a rule's name, a state); the others are numbers, dates and codes. What people typed (a
 * rectification's title) is the {@code subject}, shown beside the sentence as data, never inside it.
 *
 * @param naturalKey what makes it the same notification again (a redelivered event, a repeated daily sweep): one
 *     account is told once per natural key, one address once per channel and key
 * @param labelKey the sentence ({@code notification.message.…}, or {@code portal.notice.…} for the online service's
 *     messages to its own accounts)
 * @param link where the matter is worked, a path of the console, or null
 */
public record Message(
        NotificationKind kind,
        String naturalKey,
        String labelKey,
        List<String> args,
        @Nullable String subject,
        @Nullable String link) {

    /** Longest natural key, subject and link kept. */
    public static final int MAX_KEY = 200;

    public static final int MAX_SUBJECT = 200;

    public Message {
        Objects.requireNonNull(kind);
        if (naturalKey.isBlank() || naturalKey.length() > MAX_KEY) {
            throw new IllegalArgumentException("a natural key of 1 to 200 characters: " + naturalKey);
        }
        if (!labelKey.startsWith("notification.message.") && !labelKey.startsWith("portal.notice.")) {
            throw new IllegalArgumentException(
                    "a message key starts with notification.message. or portal.notice.: " + labelKey);
        }
        args = List.copyOf(args);
        if (subject != null && subject.length() > MAX_SUBJECT) {
            subject = subject.substring(0, MAX_SUBJECT);
        }
        if (link != null && (!link.startsWith("/") || link.startsWith("//") || link.length() > 300)) {
            throw new IllegalArgumentException("a link is a path of the console: " + link);
        }
    }

    /** An argument read as the label under {@code messageKey}. */
    public static String label(String messageKey) {
        return "#" + messageKey;
    }
}
