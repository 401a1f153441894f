package org.siarchive.supervision;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Bounds;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;

/**
 * A rectification item as the inspector types it: the unit, the owner (login, blank for the unit), what must
 * be rectified, and the deadline — a date, or a number of working days from today counted on the working-day
 * calendar (organisation's {@code WorkingDays}); the date wins when both are given.
 */
record RaiseRequest(String orgId, String owner, String title, String detail, String deadline, String workingDays) {

    static final int MAX_TITLE = 200;
    static final int MAX_DETAIL = 2000;
    static final int MAX_WORKING_DAYS = 250;
    static final int MAX_YEARS_AHEAD = 2;

    RaiseRequest {
        orgId = nz(orgId);
        owner = nz(owner);
        title = nz(title).strip();
        detail = nz(detail).strip();
        deadline = nz(deadline).strip();
        workingDays = nz(workingDays).strip();
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }

    /** The checked fields: a deadline date or a count of working days (one of them non-null). */
    record Checked(long orgId, String title, @Nullable String detail, @Nullable LocalDate deadline, int days) {}

    Checked check(LocalDate today) {
        var v = new ArrayList<Violation>();
        long org = -1;
        try {
            org = Long.parseLong(orgId.strip());
        } catch (NumberFormatException e) {
            v.add(Violation.of("orgId", "required"));
        }
        if (title.isEmpty()) {
            v.add(Violation.of("title", "required"));
        } else {
            Bounds.text("title", title, MAX_TITLE).ifPresent(v::add);
        }
        Bounds.text("detail", detail, MAX_DETAIL).ifPresent(v::add);
        LocalDate date = null;
        int days = 0;
        if (!deadline.isEmpty()) {
            try {
                date = LocalDate.parse(deadline);
                if (date.isBefore(today) || date.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
                    v.add(Violation.of("deadline", "range", today, today.plusYears(MAX_YEARS_AHEAD)));
                }
            } catch (DateTimeParseException e) {
                v.add(Violation.of("deadline", "dateFormat"));
            }
        } else if (!workingDays.isEmpty()) {
            try {
                days = Integer.parseInt(workingDays);
                if (days < 1 || days > MAX_WORKING_DAYS) {
                    v.add(Violation.of("workingDays", "range", 1, MAX_WORKING_DAYS));
                }
            } catch (NumberFormatException e) {
                v.add(Violation.of("workingDays", "integer"));
            }
        } else {
            v.add(Violation.of("deadline", "required"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return new Checked(org, title, detail.isEmpty() ? null : detail, date, days);
    }

    static List<String> fields() {
        return List.of("orgId", "owner", "title", "detail", "deadline", "workingDays");
    }
}
