package org.siarchive.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Scope;
import org.siarchive.shared.Violation;
import org.springframework.stereotype.Component;

/**
 * Analytics' API: what happened per day, organisation and activity, counted from the business events since the
 * read model was introduced (docs/adr/0047). Read within the caller's data scope (its organisation subtree, as a
 * bind parameter) and over at most {@value #MAX_DAYS} days.
 */
@Component
public class Activity {

    /** Longest period one read covers: a year, leap day included. */
    public static final int MAX_DAYS = 366;

    private final ActivityDays days;

    Activity(ActivityDays days) {
        this.days = days;
    }

    /**
     * One day of one activity in one organisation.
     *
     * @param day the calendar day in the people's zone (北京时间), not UTC
     * @param count how many events
     * @param amount what they carried together ({@link ActivityKind} names it per kind)
     */
    public record Day(LocalDate day, String orgPath, ActivityKind activity, long count, long amount) {}

    /**
     * The days from {@code from} to {@code to} (both included) of the organisations within the scope, by day,
     * organisation and activity; days with nothing are not listed. A longer or reversed period is a 422.
     */
    public List<Day> perDay(Scope scope, LocalDate from, LocalDate to) {
        requirePeriod(from, to);
        return days.between(scope, from, to);
    }

    private static void requirePeriod(LocalDate from, LocalDate to) {
        long length = ChronoUnit.DAYS.between(from, to) + 1;
        if (length < 1 || length > MAX_DAYS) {
            throw new InvalidInputException(Violation.of("to", "period", MAX_DAYS));
        }
    }
}
