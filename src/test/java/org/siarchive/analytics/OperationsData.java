package org.siarchive.analytics;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Actor;
import org.siarchive.support.Samples;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A generated data set of the operations figures: a city of its own with two counties, each with items captured
 * through the real capture path and then dated over several years by SQL (handling and filing days, a required
 * material missing now and then), so expected figures can be counted directly from the catalogue's tables.
 */
final class OperationsData {

    static final int PER_COUNTY = 8;

    final String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    final OrgUnit city;
    final OrgUnit east;
    final OrgUnit west;
    final List<ItemRecord> eastItems = new ArrayList<>();
    final List<ItemRecord> westItems = new ArrayList<>();

    private final JdbcClient jdbc;

    OperationsData(Organisations organisations, Catalog catalog, Captures captures, JdbcClient jdbc) {
        this.jdbc = jdbc;
        city = organisations.create(organisations.root().id(), "OC" + run, "运营统计市" + run, "CITY", Actor.SYSTEM);
        east = organisations.create(city.id(), "OE" + run, "运营东县" + run, "COUNTY", Actor.SYSTEM);
        west = organisations.create(city.id(), "OW" + run, "运营西县" + run, "COUNTY", Actor.SYSTEM);
        String eastFonds = "7" + run.substring(0, 3); // four digits, as 全宗号 are
        String westFonds = "9" + run.substring(0, 3);
        catalog.ensureFonds(eastFonds, "运营东县档案" + run, east.name(), east.id(), Actor.SYSTEM);
        catalog.ensureFonds(westFonds, "运营西县档案" + run, west.name(), west.id(), Actor.SYSTEM);
        for (int i = 0; i < PER_COUNTY; i++) {
            eastItems.add(capture(captures, eastFonds, i));
            westItems.add(capture(captures, westFonds, i + 100));
        }
    }

    List<ItemRecord> all() {
        var all = new ArrayList<>(eastItems);
        all.addAll(westItems);
        return all;
    }

    private static ItemRecord capture(Captures captures, String fonds, int n) {
        var s = Samples.personEnrolment(
                fonds, null, Samples.acceptanceNo(), Samples.citizenId(1960 + n % 40), "运营" + n, null, null);
        return captures.capture(
                        s,
                        List.of(
                                Upload.ofBytes("a.png", Samples.png(System.nanoTime())),
                                Upload.ofBytes("b.pdf", Samples.pdf("ops " + UUID.randomUUID()))),
                        null,
                        Actor.SYSTEM)
                .item();
    }

    /** Waits until the capture events of every item were counted. */
    void awaitFiled() {
        var ids = all().stream().map(ItemRecord::id).toArray(UUID[]::new);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from filing_item where item_id = any(:ids)")
                                .param("ids", ids)
                                .query(Long.class)
                                .single()
                        == ids.length);
    }

    /**
     * Dates the items over 2022–2024: item k is filed on a day of year 2022 + k % 3 and handled 0 to 70 days
     * earlier (some just before midnight Beijing time); every third misses a required material.
     */
    void dateOverSeveralYears() {
        var items = all();
        String other = jdbc.sql(
                        """
                select code from material_type
                 where code not in (select material_code from business_step_material where step_code = 'GRCB')
                 order by code limit 1
                """)
                .query(String.class)
                .single();
        for (int k = 0; k < items.size(); k++) {
            var filed = OffsetDateTime.parse("%d-%02d-%02dT%s+08:00"
                    .formatted(2022 + k % 3, 1 + (k * 5) % 12, 1 + (k * 7) % 28, k % 4 == 0 ? "23:50:00" : "10:00:00"));
            var handled = filed.minusDays((k * 11L) % 71).minusHours(k % 2 == 0 ? 0 : 12);
            jdbc.sql("update item set created_at = :c, handled_at = :h where id = :id")
                    .param("c", filed)
                    .param("h", handled)
                    .param("id", items.get(k).id())
                    .update();
            if (k % 3 == 0) {
                jdbc.sql("update item_file set material_code = :m where item_id = :id and seq = 1")
                        .param("m", other)
                        .param("id", items.get(k).id())
                        .update();
            }
        }
    }

    /** Forgets what the read models counted of this data set, so a backfill counts it again. */
    void forgetFiling() {
        var ids = all().stream().map(ItemRecord::id).toArray(UUID[]::new);
        jdbc.sql("delete from filing_item where item_id = any(:ids)")
                .param("ids", ids)
                .update();
        jdbc.sql("delete from filing_month where org_path like :org")
                .param("org", city.path() + "%")
                .update();
    }
}
