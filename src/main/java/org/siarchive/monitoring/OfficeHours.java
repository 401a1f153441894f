package org.siarchive.monitoring;

import java.time.Instant;
import org.siarchive.organisation.WorkingDays;
import org.siarchive.shared.ReadableTime;
import org.springframework.stereotype.Component;

/**
 * Working time as the OFF_HOURS rule's policy sets it: a working day of the calendar ({@link WorkingDays}, with
 * holidays and 调休 days) between the policy's start and end hour, Beijing time.
 */
@Component
class OfficeHours {

    private final WorkingDays days;
    private final ReadableTime time;

    OfficeHours(WorkingDays days, ReadableTime time) {
        this.days = days;
        this.time = time;
    }

    WorkingTime of(RulePolicy offHours) {
        int from = offHours.workStart() == null ? 8 : offHours.workStart();
        int to = offHours.workEnd() == null ? 18 : offHours.workEnd();
        return at -> working(at, from, to);
    }

    private boolean working(Instant at, int from, int to) {
        var local = time.at(at);
        int hour = local.getHour();
        return days.isWorkingDay(local.toLocalDate()) && hour >= from && hour < to;
    }
}
