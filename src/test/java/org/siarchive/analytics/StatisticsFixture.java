package org.siarchive.analytics;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.quality.Submission;
import org.siarchive.security.Permission;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.Scope;
import org.siarchive.support.Samples;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Items for the statistics ITs, captured through the capture path, and the waits for the read models. */
final class StatisticsFixture {

    private StatisticsFixture() {}

    /** 失业保险金核定 (SYHD, category 05, 险种 210): 10 years. */
    static final String TEN_YEARS = "SYHD";

    /** 年度统计报表 (TJBB, category 08, no 险种): 永久. */
    static final String PERMANENT = "TJBB";

    static ItemRecord capture(Captures captures, String fonds, String step, String docDate, String title) {
        var materials = step.equals(PERMANENT)
                ? List.of(new Submission.Material("TJ01"))
                : List.of(new Submission.Material("SY02"), new Submission.Material("SY03"));
        var s = new Submission(
                fonds,
                Samples.acceptanceNo(),
                step,
                step.equals(PERMANENT) ? null : "210",
                title,
                "测试市社会保险事业管理中心",
                docDate,
                null,
                "1",
                new Submission.Person("01", Samples.citizenId(1970), title),
                null,
                "李经办",
                "测试市社会保险事业管理中心",
                docDate + "T10:00:00+08:00",
                materials);
        var uploads = materials.stream()
                .map(m -> Upload.ofBytes(m.material() + ".pdf", Samples.pdf(m.material() + "-" + System.nanoTime())))
                .toList();
        return captures.capture(s, uploads, null, Actor.SYSTEM).item();
    }

    static Access viewer(String name, String orgPath) {
        return new Access(
                new Actor(name, orgPath, "127.0.0.1", "junit"),
                new Scope(orgPath, null, 3),
                Set.of(Permission.STATISTICS_VIEW));
    }

    /** Waits until the holdings listeners have handled every event published so far. */
    static void awaitCounted(JdbcClient jdbc) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            long open = jdbc.sql("select count(*) from event_publication where completion_date is null"
                            + " and (listener_id like '%HoldingsCounter%' or listener_id like '%CaptureCounters%')")
                    .query(Long.class)
                    .single();
            if (open == 0) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("holdings events still being counted after 30 s");
    }
}
