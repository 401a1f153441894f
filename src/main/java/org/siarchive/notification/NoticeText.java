package org.siarchive.notification;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a notification's sentence in a language: its message key with the arguments, an argument written
 * {@code #key} read as the label under that key (falling back to the kind's label when another module's key is
 * missing, so that no code is ever shown).
 */
@Component
class NoticeText {

    private final MessageSource messages;

    NoticeText(MessageSource messages) {
        this.messages = messages;
    }

    String sentence(String labelKey, List<String> args, Locale locale) {
        Object[] values = args.stream()
                .map(a -> a.startsWith("#") ? label(a.substring(1), locale) : a)
                .toArray();
        return messages.getMessage(labelKey, values, locale);
    }

    String kind(String kind, Locale locale) {
        return messages.getMessage("notification.kind." + kind, null, locale);
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, messages.getMessage("notification.unknownLabel", null, locale), locale);
    }

    /** The whole text of an SMS or an e-mail: the sentence, then what people typed, then where to work it. */
    String text(Message m, Locale locale) {
        var sb = new StringBuilder(sentence(m.labelKey(), m.args(), locale));
        if (m.subject() != null && !m.subject().isBlank()) {
            sb.append(messages.getMessage("notification.subjectSeparator", null, locale))
                    .append(m.subject());
        }
        return sb.toString();
    }

    /** The e-mail's subject line: the platform's name and the kind. */
    String title(Message m, Locale locale) {
        return "[" + messages.getMessage("app.short", null, locale) + "] "
                + kind(m.kind().name(), locale);
    }

    static Locale locale(String language) {
        return "en".equals(language) ? Locale.ENGLISH : Recipient.CHINESE;
    }

    static String language(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "en" : "zh-CN";
    }
}
