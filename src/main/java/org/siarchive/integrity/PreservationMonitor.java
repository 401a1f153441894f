package org.siarchive.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.ItemFeed;
import org.siarchive.platform.DataDirectory;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.ReadableTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Storage capacity and growth, and the alerts an archivist must acknowledge. Once an hour the store's
 * file system and the catalogue's content volume are sampled (one row per day); crossing the warning or
 * critical share of the file system raises an alert, as does any fixity finding. An alert stays open
 * until acknowledged with a note (audited); a condition that persists does not raise a second one while
 * the first is open, and is raised again at most once a day after it was acknowledged.
 */
@Component
public class PreservationMonitor {

    private static final Logger log = LoggerFactory.getLogger(PreservationMonitor.class);
    static final Actor MONITOR = new Actor("preservation-monitor", null, "127.0.0.1", "siarchive monitoring");
    /** The subject of storage alerts: the preservation store by name (its path stays on the server). */
    static final String STORE = "OCFL 保存库";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final DataDirectory data;
    private final int warnPercent;
    private final int criticalPercent;
    private final ItemFeed feed;
    private final ReadableTime time;

    PreservationMonitor(
            JdbcClient jdbc,
            TransactionTemplate tx,
            AuditTrail audit,
            DataDirectory data,
            ItemFeed feed,
            @Value("${siarchive.monitoring.storage-warn-percent:80}") int warnPercent,
            @Value("${siarchive.monitoring.storage-critical-percent:90}") int criticalPercent,
            ReadableTime time) {
        this.time = time;
        if (warnPercent < 1 || criticalPercent > 100 || warnPercent > criticalPercent) {
            throw new IllegalArgumentException(
                    "siarchive.monitoring: need 1 <= storage-warn-percent <= storage-critical-percent <= 100");
        }
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.data = data;
        this.feed = feed;
        this.warnPercent = warnPercent;
        this.criticalPercent = criticalPercent;
    }

    /** An alert as the console lists it. */
    public record Alert(
            long id,
            String kind,
            String subject,
            String detail,
            OffsetDateTime raisedAt,
            @Nullable String acknowledgedBy,
            @Nullable OffsetDateTime acknowledgedAt,
            @Nullable String ackNote) {}

    /** One day's sample. */
    public record Sample(LocalDate day, long storedBytes, int items, long fsTotal, long fsUsable) {
        public int usedPercent() {
            return fsTotal == 0 ? 0 : (int) Math.round(100.0 * (fsTotal - fsUsable) / fsTotal);
        }
    }

    /**
     * Capacity now: the latest sample, the average daily growth of the catalogued content over the
     * samples of the last 30 days, and the days until the file system is full at that rate (null when
     * the content did not grow).
     */
    public record Capacity(
            Sample latest,
            long growthBytesPerDay,
            @Nullable Long daysUntilFull,
            int warnPercent,
            int criticalPercent,
            List<Sample> history) {}

    @Scheduled(
            initialDelayString = "${siarchive.monitoring.first-sample:PT30S}",
            fixedDelayString = "${siarchive.monitoring.sample-interval:PT1H}")
    @SchedulerLock(name = "integrity-preservation-monitor", lockAtMostFor = "PT30M")
    void scheduledSample() {
        try {
            sample();
        } catch (RuntimeException e) {
            log.error("storage sample failed: {}", e.toString(), e);
        }
    }

    /** Takes today's sample (replacing an earlier one of today) and raises threshold alerts. */
    public Sample sample() {
        var root = data.resolve("ocfl");
        long total;
        long usable;
        try {
            var store = Files.getFileStore(root);
            total = store.getTotalSpace();
            usable = store.getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tx.execute(s -> {
            var volume = feed.volume(ItemFeed.WHOLE_STORE);
            var sample = new Sample(time.today(), volume.bytes(), (int) volume.items(), total, usable);
            jdbc.sql(
                            """
                    insert into storage_sample (day, stored_bytes, items, fs_total, fs_usable)
                    values (:d, :b, :i, :t, :u)
                    on conflict (day) do update set stored_bytes = excluded.stored_bytes, items = excluded.items,
                        fs_total = excluded.fs_total, fs_usable = excluded.fs_usable, sampled_at = now()
                    """)
                    .param("d", sample.day())
                    .param("b", sample.storedBytes())
                    .param("i", sample.items())
                    .param("t", sample.fsTotal())
                    .param("u", sample.fsUsable())
                    .update();
            int used = sample.usedPercent();
            // the store is named, never its server path: alerts are read on the console (issue 12, finding 11)
            String detail = "已用 " + used + "%，剩余 " + usable / 1_000_000 + " MB，共 " + total / 1_000_000 + " MB";
            if (used >= criticalPercent) {
                raise("STORAGE_CRITICAL", STORE, detail + "（严重告警线 " + criticalPercent + "%）");
            } else if (used >= warnPercent) {
                raise("STORAGE_WARN", STORE, detail + "（告警线 " + warnPercent + "%）");
            }
            return sample;
        });
    }

    public Capacity capacity() {
        var history = jdbc.sql(
                        """
                select day, stored_bytes, items, fs_total, fs_usable from storage_sample
                where day > :today - 30 order by day
                """)
                .param("today", time.today())
                .query(Sample.class)
                .list();
        var latest = history.isEmpty() ? sample() : history.get(history.size() - 1);
        long growth = 0;
        if (history.size() > 1) {
            var first = history.get(0);
            long days = java.time.temporal.ChronoUnit.DAYS.between(first.day(), latest.day());
            growth = days == 0 ? 0 : (latest.storedBytes() - first.storedBytes()) / days;
        }
        Long daysUntilFull = growth > 0 ? latest.fsUsable() / growth : null;
        return new Capacity(latest, growth, daysUntilFull, warnPercent, criticalPercent, history);
    }

    /**
     * Raises an alert unless one of the same kind and subject is still open; in the caller's transaction
     * when there is one. Returns whether a new alert was raised.
     */
    public boolean raise(String kind, String subject, String detail) {
        Boolean raised = tx.execute(s -> {
            int n = jdbc.sql(
                            """
                    insert into preservation_alert (kind, subject, detail)
                    select :k, :s, :d where not exists (
                        select 1 from preservation_alert where kind = :k and subject = :s
                        and (acknowledged_at is null or acknowledged_at > now() - interval '1 day'))
                    on conflict (kind, subject) where acknowledged_at is null do nothing
                    """)
                    .param("k", kind)
                    .param("s", truncate(subject, 255))
                    .param("d", truncate(detail, 1000))
                    .update();
            if (n > 0) {
                audit.record(
                        MONITOR,
                        AuditedObject.PRESERVATION_ALERT,
                        kind + " " + truncate(subject, 150),
                        AuditOperation.RAISE,
                        null,
                        detail);
            }
            return n > 0;
        });
        if (Boolean.TRUE.equals(raised)) {
            log.error("PRESERVATION ALERT {} {}: {}", kind, subject, detail);
        }
        return Boolean.TRUE.equals(raised);
    }

    public List<Alert> open() {
        return jdbc.sql(ALERTS + " where acknowledged_at is null order by id desc")
                .query(Alert.class)
                .list();
    }

    public List<Alert> recent(int limit) {
        return jdbc.sql(ALERTS + " order by id desc limit :n")
                .param("n", limit)
                .query(Alert.class)
                .list();
    }

    public void acknowledge(long id, String note, Actor actor) {
        tx.executeWithoutResult(s -> {
            var alert = jdbc.sql(ALERTS + " where id = :id for update")
                    .param("id", id)
                    .query(Alert.class)
                    .optional()
                    .orElseThrow(() -> new NotFoundException("PRESERVATION_ALERT", Long.toString(id)));
            if (alert.acknowledgedAt() != null) {
                throw new ConflictException("conflict.alertAcknowledged", Long.toString(id));
            }
            jdbc.sql(
                            """
                    update preservation_alert set acknowledged_by = :by, acknowledged_at = now(), ack_note = :n
                    where id = :id
                    """)
                    .param("by", actor.name())
                    .param("n", note)
                    .param("id", id)
                    .update();
            audit.record(
                    actor,
                    AuditedObject.PRESERVATION_ALERT,
                    Long.toString(id),
                    AuditOperation.ACKNOWLEDGE,
                    note,
                    AuditDetail.of("audit.detail.alert", AuditDetail.label("alert.kind." + alert.kind()))
                            .encoded());
        });
    }

    Optional<Alert> alert(long id) {
        return jdbc.sql(ALERTS + " where id = :id")
                .param("id", id)
                .query(Alert.class)
                .optional();
    }

    private static final String ALERTS =
            """
            select id, kind, subject, detail, raised_at, acknowledged_by, acknowledged_at, ack_note
            from preservation_alert
            """;

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
