package org.siarchive.analytics;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The N of "share filed within N days" (随办随归) a reader asks for: the {@code days} parameter of the dashboard
 * request (page, JSON or Excel), 0 to {@value FilingLedger#MAX_DAYS}; blank or absent: the configured {@code
 * siarchive.statistics.filing-days}. Anything else is a 422 naming {@code days}.
 */
@Component
class FilingDays {

    private final int configured;

    FilingDays(@Value("${siarchive.statistics.filing-days:30}") int configured) {
        this.configured = Math.max(0, Math.min(configured, FilingLedger.MAX_DAYS));
    }

    int configured() {
        return configured;
    }

    /** The days asked for in the current request, or the configured ones. */
    int current() {
        return parse(typed());
    }

    /** The {@code days} parameter of the current request as typed (at most 10 characters kept), or null. */
    @Nullable
    String typed() {
        var attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return null;
        }
        String text = servlet.getRequest().getParameter("days");
        return text == null || text.length() <= 10 ? text : text.substring(0, 10);
    }

    int parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return configured;
        }
        String t = text.strip();
        if (t.length() > 3 || !t.matches("[0-9]+") || Integer.parseInt(t) > FilingLedger.MAX_DAYS) {
            throw new InvalidInputException(new Violation(
                    "days",
                    "range",
                    "statistics.ops.rule.days",
                    List.of("0", Integer.toString(FilingLedger.MAX_DAYS))));
        }
        return Integer.parseInt(t);
    }
}
