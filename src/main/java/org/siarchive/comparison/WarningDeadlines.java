package org.siarchive.comparison;

import java.time.LocalDate;
import org.siarchive.organisation.WorkingDays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A warning's deadline in working days (organisation's calendar, holidays and 调休 included), per state:
 * {@code siarchive.comparison.warnings.decide-days} (default 15) to confirm or exclude a warning raised or
 * routed to a unit, {@code close-days} (default 10) to close a decided one. See docs/adr/0078.
 */
@Component
class WarningDeadlines {

    private final WorkingDays days;
    private final int decide;
    private final int close;

    WarningDeadlines(
            WorkingDays days,
            @Value("${siarchive.comparison.warnings.decide-days:15}") int decide,
            @Value("${siarchive.comparison.warnings.close-days:10}") int close) {
        if (decide < 1 || decide > 120 || close < 1 || close > 120) {
            throw new IllegalArgumentException("warning deadlines are 1 to 120 working days: " + decide + ", " + close);
        }
        this.days = days;
        this.decide = decide;
        this.close = close;
    }

    /** The deadline for the decision, counted from {@code from}. */
    LocalDate toDecide(LocalDate from) {
        return days.plus(from, decide);
    }

    /** The deadline for closing, counted from the decision on {@code from}. */
    LocalDate toClose(LocalDate from) {
        return days.plus(from, close);
    }

    /** The deadline of a warning in {@code state} from {@code from}. */
    LocalDate of(WarningState state, LocalDate from) {
        return state == WarningState.CHECKING ? toDecide(from) : toClose(from);
    }
}
