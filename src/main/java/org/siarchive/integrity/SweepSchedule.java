package org.siarchive.integrity;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.ReadableTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Starts fixity sweeps on a cron schedule ({@code siarchive.fixity.schedule}, default Sundays 01:00;
 * "-" switches it off) at the scheduled read-rate limit. The schedule is measured from the last sweep it
 * started, which the database remembers: a run missed while the platform was down starts at the next
 * check after start-up instead of waiting a whole period. A sweep already running is left alone.
 */
@Component
class SweepSchedule {

    private static final Logger log = LoggerFactory.getLogger(SweepSchedule.class);
    static final String SCHEDULER = "fixity-schedule";
    private static final org.siarchive.shared.Actor ACTOR =
            new org.siarchive.shared.Actor(SCHEDULER, "127.0.0.1", "siarchive fixity schedule");

    private final FixitySweeps sweeps;
    private final JdbcClient jdbc;
    private final @Nullable CronExpression cron;
    private final int rateMbS;
    private final ZoneId zone;
    private final Instant activeSince = Instant.now();

    SweepSchedule(
            FixitySweeps sweeps,
            JdbcClient jdbc,
            @Value("${siarchive.fixity.schedule:0 0 1 * * SUN}") String schedule,
            @Value("${siarchive.fixity.schedule-rate-mb-s:100}") int rateMbS,
            ReadableTime time) {
        this.sweeps = sweeps;
        this.jdbc = jdbc;
        this.cron = schedule.isBlank() || schedule.equals("-") ? null : CronExpression.parse(schedule);
        if (rateMbS < 0) {
            throw new IllegalArgumentException("siarchive.fixity.schedule-rate-mb-s must be 0 (no limit) or more");
        }
        this.rateMbS = rateMbS;
        this.zone = time.zone();
    }

    /** The next time a sweep is due, for the console; empty when the schedule is off. */
    Optional<Instant> next(Instant now) {
        if (cron == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(due(cron, lastScheduled().orElse(activeSince), zone));
    }

    /**
     * When, after {@code last}, the schedule next fires (null: never). The cron is read on the people's
     * clock ("1 o'clock on Sunday" is 01:00 Beijing time), not the machine's.
     */
    static @Nullable Instant due(CronExpression cron, Instant last, ZoneId zone) {
        var next = cron.next(ZonedDateTime.ofInstant(last, zone));
        return next == null ? null : next.toInstant();
    }

    @Scheduled(
            initialDelayString = "${siarchive.fixity.schedule-check:PT1M}",
            fixedDelayString = "${siarchive.fixity.schedule-check:PT1M}")
    @SchedulerLock(name = "integrity-sweep-schedule", lockAtMostFor = "PT10M")
    void check() {
        try {
            tick(Instant.now());
        } catch (RuntimeException e) {
            log.error("scheduled fixity sweep: {}", e.toString(), e);
        }
    }

    /** Starts a sweep when one is due at {@code now}; returns its id. */
    Optional<Long> tick(Instant now) {
        if (cron == null || sweeps.current().isPresent()) {
            return Optional.empty();
        }
        var due = due(cron, lastScheduled().orElse(activeSince), zone);
        if (due == null || due.isAfter(now)) {
            return Optional.empty();
        }
        long id = sweeps.start(rateMbS, ACTOR);
        log.info("scheduled fixity sweep {} started (due {})", id, due);
        return Optional.of(id);
    }

    private Optional<Instant> lastScheduled() {
        return jdbc.sql("select started_at from fixity_sweep where started_by = :by order by started_at desc limit 1")
                .param("by", SCHEDULER)
                .query(java.time.OffsetDateTime.class)
                .optional()
                .map(java.time.OffsetDateTime::toInstant);
    }
}
