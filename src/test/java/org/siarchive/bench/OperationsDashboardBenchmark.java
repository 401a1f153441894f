package org.siarchive.bench;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.analytics.Dashboards;
import org.siarchive.analytics.UnitFigures;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Permission;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Scope;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operations dashboards (digitisation, utilisation, efficiency, preservation, warnings) and {@link UnitFigures}
 * at N items (default 1,000,000, {@code -Dbench.items=}): the read models are written as N items filed over three
 * years in a province of 3 cities × 4 counties and 30 business steps would leave them (one {@code filing_item} row
 * per item, {@code filing_month} per month × county × step, daily activity and fixity rows per county), then each
 * dashboard is read 40 times for the province and for a county over 36 months; p50/p95 printed. Run with
 * {@code ./mvnw -B -o -q -Pbench test -Dspotless.check.skip=true -Dtest=OperationsDashboardBenchmark}.
 */
@Tag("bench")
class OperationsDashboardBenchmark extends IntegrationTest {

    private static final int ITEMS = Integer.getInteger("bench.items", 1_000_000);
    private static final int RUNS = 40;

    @Autowired
    Dashboards dashboards;

    @Autowired
    UnitFigures figures;

    @Autowired
    Organisations organisations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void dashboardsAnswerWithin200MsAtAMillionItems() {
        try (var heap = PeakHeap.watch()) {
            String run = Long.toString(System.nanoTime() % 100_000);
            var province =
                    organisations.create(organisations.root().id(), "BP" + run, "基准省" + run, "PROVINCE", Actor.SYSTEM);
            var counties = new ArrayList<OrgUnit>();
            for (int c = 0; c < 3; c++) {
                var city = organisations.create(province.id(), "BC" + run + c, "基准市" + c, "CITY", Actor.SYSTEM);
                for (int k = 0; k < 4; k++) {
                    counties.add(
                            organisations.create(city.id(), "BK" + run + c + k, "基准县" + c + k, "COUNTY", Actor.SYSTEM));
                }
            }
            long t0 = System.nanoTime();
            seed(counties.stream().map(OrgUnit::path).toArray(String[]::new));
            System.out.printf("seeded read models of %,d items in %.1f s%n", ITEMS, (System.nanoTime() - t0) / 1e9);

            var to = YearMonth.from(ReadableTime.beijing().today()).minusMonths(1);
            var from = to.minusMonths(35);
            for (var viewer : List.of(viewer(province), viewer(counties.get(5)))) {
                for (String id : List.of("digitisation", "utilisation", "efficiency", "preservation", "warnings")) {
                    measure(
                            id + " @" + viewer.scope().orgPath(),
                            () -> dashboards.view(id, null, from.toString(), to.toString(), viewer, Locale.CHINA));
                }
            }
            var end = ReadableTime.beijing().today().minusDays(1);
            measure("UnitFigures year @province", () -> figures.of(province.path(), end.minusDays(364), end));
            measure("UnitFigures year @county", () -> figures.of(counties.get(5).path(), end.minusDays(364), end));
            System.out.println(heap.line());
        }
    }

    private void seed(String[] counties) {
        var today = ReadableTime.beijing().today();
        jdbc.sql(
                        """
                insert into filing_item (item_id, day, org_path, step_code, days_to_file, complete, corrected, destroyed)
                select gen_random_uuid(), cast(:today as date) - 1 - (g % 1095), (cast(:c as text[]))[1 + g % 12],
                       'BS' || lpad((g % 30)::text, 2, '0'), (g * 7) % 120, g % 10 <> 0, g % 17 = 0, g % 50 = 0
                  from generate_series(1, :n) g
                """)
                .param("today", today)
                .param("c", counties)
                .param("n", ITEMS)
                .update();
        jdbc.sql(
                        """
                with g as (
                    select date_trunc('month', day)::date as month, org_path, step_code, count(*) as n,
                           count(*) filter (where complete) as complete, count(*) filter (where corrected) as corrected,
                           count(*) filter (where destroyed) as destroyed, sum(days_to_file) as days
                      from filing_item where org_path = any(cast(:c as text[])) group by 1, 2, 3)
                insert into filing_month (month, org_path, step_code, items, complete, corrected, destroyed, days_total,
                                          hist)
                select month, org_path, step_code, n, complete, corrected, destroyed, days,
                       array(select (g.n * least(d + 1, 120) / 120)::int from generate_series(0, 366) d)
                  from g
                """)
                .param("c", counties)
                .update();
        jdbc.sql(
                        """
                insert into activity_day (day, org_path, activity, count, amount)
                select cast(:today as date) - 1 - d, c, k, 1 + (d % 7), 10 + (d % 90) * 100
                  from generate_series(0, 1094) d, unnest(cast(:c as text[])) c,
                       unnest(array['LOAN_REQUESTED', 'LOAN_APPROVED', 'LOAN_REFUSED', 'SCAN_BATCH_ACCEPTED',
                                    'SCAN_BATCH_REJECTED', 'SCAN_PAGES_ACCEPTED', 'SCAN_PAGES_REJECTED', 'OCR_PAGES',
                                    'ITEM_CAPTURED', 'LOAN_GRANTED']) k
                """)
                .param("today", today)
                .param("c", counties)
                .update();
        jdbc.sql(
                        """
                insert into activity_month (month, org_path, activity, count, amount)
                select date_trunc('month', day)::date, org_path, activity, sum(count), sum(amount) from activity_day
                 where org_path = any(cast(:c as text[])) group by 1, 2, 3
                """)
                .param("c", counties)
                .update();
        jdbc.sql(
                        """
                insert into fixity_day (day, org_path, passed, failed)
                select cast(:today as date) - 1 - d, c, 70 + d % 13, d % 3
                  from generate_series(0, 1094) d, unnest(cast(:c as text[])) c
                """)
                .param("today", today)
                .param("c", counties)
                .update();
        jdbc.sql("analyze filing_item, filing_month, activity_day, activity_month, fixity_day")
                .update();
    }

    private static void measure(String what, Supplier<?> read) {
        for (int i = 0; i < 5; i++) {
            read.get();
        }
        var ms = new ArrayList<Double>();
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            read.get();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf(
                "%-40s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms%n",
                what, ms.get(RUNS / 2), ms.get((int) Math.ceil(RUNS * 0.95) - 1), ms.get(RUNS - 1));
    }

    private static Access viewer(OrgUnit org) {
        return new Access(
                new Actor("bench-" + org.id(), org.path(), "127.0.0.1", "bench"),
                new Scope(org.path(), null, 3),
                Set.of(Permission.STATISTICS_VIEW));
    }
}
