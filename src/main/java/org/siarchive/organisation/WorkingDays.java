package org.siarchive.organisation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
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
 * The working-day calendar deadlines are counted in (转移接续: 15 working days per step; warning deadlines).
 * Monday to Friday work unless {@code working_calendar_day} marks a holiday; a Saturday or Sunday works when
 * it is marked 调休上班. The rows are reference data kept by the system administrator; a year without any row
 * counts plain weekdays, and {@link #maintained(int)} says so, for pages to warn.
 */
@Component
public class WorkingDays {

    /** Longest span a deadline may be counted over, in working days. */
    static final int MAX_DAYS = 3_660;

    /** A day that differs from the weekday rule. */
    public record CalendarDay(LocalDate day, boolean working, String name, boolean verified) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Map<Integer, Map<LocalDate, Boolean>> years = new ConcurrentHashMap<>();

    WorkingDays(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public boolean isWorkingDay(LocalDate day) {
        Boolean marked = year(day.getYear()).get(day);
        if (marked != null) {
            return marked;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The {@code n}-th working day after {@code from} ({@code from} itself not counted); {@code n ≥ 0}. */
    public LocalDate plus(LocalDate from, int n) {
        if (n < 0 || n > MAX_DAYS) {
            throw new IllegalArgumentException("working days out of range: " + n);
        }
        LocalDate day = from;
        int left = n;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after it. */
    public int between(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    /** Whether the administrator has entered any day of this year (else only weekdays count). */
    public boolean maintained(int year) {
        return !year(year).isEmpty();
    }

    public List<CalendarDay> days(int year) {
        return jdbc.sql(
                        """
                        select day, working, name, verified from working_calendar_day
                        where day >= :from and day < :to order by day""")
                .param("from", LocalDate.of(year, 1, 1))
                .param("to", LocalDate.of(year + 1, 1, 1))
                .query((rs, n) -> new CalendarDay(
                        rs.getObject(1, LocalDate.class), rs.getBoolean(2), rs.getString(3), rs.getBoolean(4)))
                .list();
    }

    /** Marks a day as a holiday or a working day (verified: checked against the notice); audited. */
    @Transactional
    public void set(LocalDate day, boolean working, String name, Actor actor) {
        if (name.isBlank() || name.length() > 40) {
            throw new InvalidInputException(Violation.of("name", name.isBlank() ? "required" : "tooLong"));
        }
        jdbc.sql(
                        """
                        insert into working_calendar_day (day, working, name, verified, changed_by, changed_at)
                        values (:d, :w, :n, true, :a, now())
                        on conflict (day) do update set working = excluded.working, name = excluded.name,
                            verified = true, changed_by = excluded.changed_by, changed_at = now()""")
                .param("d", day)
                .param("w", working)
                .param("n", name.strip())
                .param("a", actor.name())
                .update();
        audit.record(
                actor,
                AuditedObject.WORKING_CALENDAR,
                day.toString(),
                AuditOperation.SET,
                null,
                AuditDetail.of(working ? "audit.detail.calendarWorking" : "audit.detail.calendarHoliday", name.strip())
                        .encoded());
        years.remove(day.getYear());
    }

    /** Returns a day to the weekday rule; audited. */
    @Transactional
    public void clear(LocalDate day, Actor actor) {
        jdbc.sql("delete from working_calendar_day where day = :d")
                .param("d", day)
                .update();
        audit.record(
                actor,
                AuditedObject.WORKING_CALENDAR,
                day.toString(),
                AuditOperation.UPDATE,
                null,
                AuditDetail.of("audit.detail.calendarCleared").encoded());
        years.remove(day.getYear());
    }

    private Map<LocalDate, Boolean> year(int year) {
        return years.computeIfAbsent(year, y -> days(y).stream()
                .collect(Collectors.toUnmodifiableMap(CalendarDay::day, CalendarDay::working)));
    }
}
