package org.siarchive.reporting;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.shared.Actor;
import org.siarchive.support.Samples;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A county's holdings over several years for the annual report: real items captured into the county's fonds, then
 * re-dated, re-classified, put into volumes, destroyed, used, transferred and re-digitised with SQL (and the audit
 * trail's own API for transfers), so the report meets every kind of figure, including Beijing-time year boundaries.
 */
final class AnnualFixture {

    private static final String[] RETENTION = {"Y", "D100", "D30", "D10", "Y", "D50"};
    private static final String[] FILED = {
        "2023-06-01T10:00:00+08:00",
        "2024-03-15T09:00:00+08:00",
        "2024-12-31T23:30:00+08:00", // 15:30 UTC: still 2024 in Beijing
        "2025-01-01T00:30:00+08:00", // 2024-12-31 16:30 UTC: 2025 in Beijing
        "2025-07-01T10:00:00+08:00",
        "2025-11-11T10:00:00+08:00",
        "2026-01-05T10:00:00+08:00"
    };

    private final Captures captures;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    AnnualFixture(Captures captures, JdbcClient jdbc, AuditTrail audit, TransactionTemplate tx) {
        this.captures = captures;
        this.jdbc = jdbc;
        this.audit = audit;
        this.tx = tx;
    }

    /** The planted items and the retention they were captured with. */
    private final java.util.Map<UUID, String> planted = new java.util.LinkedHashMap<>();

    /**
     * Takes back what the fixture wrote behind the catalogue's back — the invented scan pages and the changed
     * retention — so sweeps and 四性 checks of later test classes in the shared database find nothing broken.
     */
    void restore() {
        planted.forEach((id, retention) -> {
            jdbc.sql("delete from item_rendition where item_id = :id and kind = 'SCAN_PAGE' and sm3 = :d")
                    .param("id", id)
                    .param("d", "0".repeat(64))
                    .update();
            jdbc.sql("update item set retention_code = :r where id = :id")
                    .param("r", retention)
                    .param("id", id)
                    .update();
        });
    }

    /** Plants {@code n} items (≤ 7) in the county's fonds; {@code shift} varies the pattern between counties. */
    List<UUID> plant(OrgUnit county, String fonds, int n, int shift, String run) {
        var ids = new ArrayList<UUID>();
        for (int i = 0; i < n; i++) {
            var item = captures.capture(
                            Samples.personEnrolment(
                                    fonds,
                                    null,
                                    Samples.acceptanceNo(),
                                    Samples.citizenId(1950 + i),
                                    "统计人" + run + i,
                                    null,
                                    null),
                            List.of(
                                    Upload.ofBytes("a.png", Samples.png((run + fonds + i).hashCode())),
                                    Upload.ofBytes("b.pdf", Samples.pdf("annual " + run + fonds + i))),
                            null,
                            Actor.SYSTEM)
                    .item();
            ids.add(item.id());
            planted.put(item.id(), item.retentionCode());
            jdbc.sql("update item set created_at = :at, retention_code = :r where id = :id")
                    .param("at", OffsetDateTime.parse(FILED[(i + shift) % FILED.length]))
                    .param("r", RETENTION[(i + shift) % RETENTION.length])
                    .param("id", item.id())
                    .update();
        }
        long v1 = volume(fonds, run + "A", "Y", "2024-02-01T10:00:00+08:00", null);
        long v2 = volume(fonds, run + "B", "D30", "2023-05-01T10:00:00+08:00", "2025-06-30");
        long v3 = volume(fonds, run + "C", "D10", "2025-12-31T23:59:00+08:00", null);
        inVolume(ids.get(0), v1);
        inVolume(ids.get(1), v1);
        inVolume(ids.get(2), v2);
        if (n > 4) {
            inVolume(ids.get(4), v3);
        }
        destroy(ids.get(3), "2025-03-01T10:00:00+08:00");
        if (shift > 0) {
            destroy(ids.get(2), "2025-12-31T23:00:00+08:00");
        }
        use(ids.get(0), "借阅甲" + run, "2025-05-06T09:00:00+08:00", county);
        use(ids.get(0), "借阅甲" + run, "2025-05-06T15:00:00+08:00", county); // same visit
        use(ids.get(1), "借阅甲" + run, "2025-05-06T16:00:00+08:00", county); // same visit, same volume
        use(ids.get(2), "借阅乙" + run, "2025-05-07T00:10:00+08:00", county);
        use(ids.get(0), "借阅乙" + run, "2024-12-31T23:50:00+08:00", county);
        use(ids.get(n - 1), "借阅丙" + run, "2025-08-08T10:00:00+08:00", county);
        scanned(ids.get(1), 3, "2025-04-01T10:00:00+08:00");
        scanned(ids.get(2), 2 + shift, "2024-04-01T10:00:00+08:00");
        transferred(ids.get(0));
        if (shift > 0) {
            transferred(ids.get(1));
        }
        return ids;
    }

    private long volume(String fonds, String code, String retention, String made, String destroyedOn) {
        return jdbc.sql(
                        """
                insert into volume (fonds_id, archive_code, title, year, retention_code, created_at,
                    physically_destroyed_on)
                select id, :code, '统计测试案卷', 2024, :r, :at, cast(:gone as date) from fonds where code = :fonds
                returning id""")
                .param("code", fonds + "-JT·2024-" + code) // a 案卷档号 as people read them
                .param("r", retention)
                .param("at", OffsetDateTime.parse(made))
                .param("gone", destroyedOn)
                .param("fonds", fonds)
                .query(Long.class)
                .single();
    }

    private void inVolume(UUID item, long volume) {
        jdbc.sql("update item set volume_id = :v where id = :id")
                .param("v", volume)
                .param("id", item)
                .update();
    }

    private void destroy(UUID item, String at) {
        jdbc.sql("update item set status = 'DESTROYED', destroyed_at = :at where id = :id")
                .param("at", OffsetDateTime.parse(at))
                .param("id", item)
                .update();
    }

    private void use(UUID item, String user, String at, OrgUnit county) {
        jdbc.sql(
                        """
                insert into utilisation (kind, item_id, archive_code, user_name, org_path, purpose_code, recorded_by, at)
                select 'VIEW', id, archive_code, :u, :path, 'CHECK', 'test', :at from item where id = :id""")
                .param("u", user)
                .param("path", county.path())
                .param("at", OffsetDateTime.parse(at))
                .param("id", item)
                .update();
    }

    private void scanned(UUID item, int pages, String at) {
        for (int p = 1; p <= pages; p++) {
            jdbc.sql(
                            """
                    insert into item_rendition (item_id, kind, logical_path, size_bytes, sm3, sha256, object_version,
                        created_at)
                    values (:id, 'SCAN_PAGE', :path, 100, :d, :d, 1, :at)""")
                    .param("id", item)
                    .param("path", "scan/" + p + ".png")
                    .param("d", "0".repeat(64))
                    .param("at", OffsetDateTime.parse(at))
                    .update();
        }
    }

    private void transferred(UUID item) {
        tx.executeWithoutResult(s -> audit.record(
                Actor.SYSTEM, AuditedObject.ITEM, item.toString(), AuditOperation.TRANSFER_EXPORT, null, "test"));
    }
}
