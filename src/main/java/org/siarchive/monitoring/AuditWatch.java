package org.siarchive.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditFeed;
import org.siarchive.shared.ReadableTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The evaluator: reads the audit trail after its watermark in batches and runs the enabled rules over each batch;
 * the alerts, their audit entries, the events and the new watermark of a batch commit together (a batch that
 * fails is read again next time). On its first run it starts at the end of the trail (history is not judged).
 * Scheduled every 30 seconds ({@code siarchive.security-monitoring.schedule}, {@code -} switches it off; tests
 * call {@link #evaluate(WorkingTime)} with the working time they choose).
 */
@Component
public class AuditWatch {

    private static final Logger log = LoggerFactory.getLogger(AuditWatch.class);

    static final int BATCH = 1_000;

    /** The most batches one evaluation reads (the next one goes on). */
    static final int MAX_BATCHES = 50;

    private final AuditFeed feed;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final MonitoringRules rules;
    private final OfficeHours office;
    private final WindowRules windows;
    private final SightingRules sightings;
    private final AlertRaising raising;
    private final Observations observations;
    private final ApiBaselines baselines;

    AuditWatch(
            AuditFeed feed,
            JdbcClient jdbc,
            TransactionTemplate tx,
            MonitoringRules rules,
            OfficeHours office,
            WindowRules windows,
            SightingRules sightings,
            AlertRaising raising,
            Observations observations,
            ApiBaselines baselines) {
        this.feed = feed;
        this.jdbc = jdbc;
        this.tx = tx;
        this.rules = rules;
        this.office = office;
        this.windows = windows;
        this.sightings = sightings;
        this.raising = raising;
        this.observations = observations;
        this.baselines = baselines;
    }

    @Scheduled(cron = "${siarchive.security-monitoring.schedule:*/30 * * * * *}", zone = ReadableTime.DEFAULT_ZONE)
    @SchedulerLock(name = "monitoring-audit-watch", lockAtMostFor = "PT10M")
    void scheduled() {
        try {
            evaluate(null);
        } catch (RuntimeException e) {
            log.error("security monitoring failed: {}", e.toString(), e);
        }
    }

    /** Evaluates what the trail holds after the watermark, in working time as the policy sets it. */
    public int evaluate() {
        return evaluate(null);
    }

    /**
     * Evaluates what the trail holds after the watermark; {@code working} decides what is working time (null: the
     * policy's hours on the calendar's working days). Returns how many alerts were raised.
     */
    public synchronized int evaluate(@Nullable WorkingTime working) {
        int raised = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            Integer r = tx.execute(s -> batch(working));
            if (r == null || r < 0) {
                break;
            }
            raised += r;
        }
        var now = Instant.now();
        tx.executeWithoutResult(s -> {
            observations.prune(now.minus(Duration.ofDays(2)));
            baselines.prune(now.minus(Duration.ofDays(366)));
        });
        return raised;
    }

    /** One batch: alerts raised, or -1 when nothing was left to read. */
    private int batch(@Nullable WorkingTime working) {
        jdbc.sql("insert into monitoring_watermark (id, last_entry_id, updated_at) values (1, :last, now())"
                        + " on conflict do nothing")
                .param("last", feed.lastId())
                .update();
        long last = jdbc.sql("select last_entry_id from monitoring_watermark where id = 1 for update")
                .query(Long.class)
                .single();
        var entries = feed.after(last, BATCH);
        if (entries.isEmpty()) {
            return -1;
        }
        var policies = rules.byCode();
        var time = working != null ? working : office.of(policies.get(RuleCode.OFF_HOURS));
        var hits = new ArrayList<Hit>();
        hits.addAll(windows.detect(entries, policies));
        hits.addAll(sightings.detect(entries, policies, time));
        int raised = raising.raise(hits, policies);
        jdbc.sql("update monitoring_watermark set last_entry_id = :id, updated_at = now() where id = 1")
                .param("id", entries.get(entries.size() - 1).id())
                .update();
        return raised;
    }
}
