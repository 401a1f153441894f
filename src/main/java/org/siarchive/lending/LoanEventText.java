package org.siarchive.lending;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * The detail of a physical loan's event (催还, 续借, 归还) as stored — a message key and its arguments,
 * separated by {@code |} — and as people read it (issue 14). Details written before are shown as written.
 */
final class LoanEventText {

    private static final String PREFIX = "lending.eventDetail.";

    private LoanEventText() {}

    static String reminded(boolean overdue, LocalDate due) {
        return PREFIX + (overdue ? "overdue" : "due") + "|" + due;
    }

    static String extended(LocalDate from, LocalDate to, String reason) {
        return PREFIX + "extend|" + from + "|" + to + "|" + reason;
    }

    static String returned(int returned, boolean damaged, long stillOut) {
        return PREFIX + (damaged ? "returnDamaged" : "return") + "|" + returned + "|" + stillOut;
    }

    /** The detail in the reader's language. */
    static String readable(@Nullable String detail, MessageSource messages, Locale locale) {
        if (detail == null || !detail.startsWith(PREFIX)) {
            return detail == null ? "" : detail;
        }
        String[] parts = detail.split("\\|", detail.startsWith(PREFIX + "extend|") ? 4 : -1);
        Object[] args = Arrays.copyOfRange(parts, 1, parts.length);
        return messages.getMessage(parts[0], args, detail, locale);
    }
}
