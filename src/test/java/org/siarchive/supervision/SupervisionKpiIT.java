package org.siarchive.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.siarchive.analytics.ReadModelDoors;
import org.siarchive.analytics.UnitFigures;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemCorrected;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.digitisation.ScanBatchDecided;
import org.siarchive.lending.LoanDecided;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.shared.Actor;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The KPIs of a plan over two counties of a generated data set (items captured through the real path, then dated
 * over 2025 by SQL: the east county files late, misses required materials and had corrections; the west files on
 * time): each KPI value of each unit equals a direct SQL count over the catalogue, fixity and loan tables (or the
 * planted scan and loan decisions), the scores follow the rule of docs/adr/0092, the ranking puts the west first,
 * and computing, evaluating and closing are audited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupervisionKpiIT extends IntegrationTest {

    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1_000 + 31);
    private static final int PER_COUNTY = 6;

    @Autowired
    Organisations organisations;

    @Autowired
    Accounts accounts;

    @Autowired
    Catalog catalog;

    @Autowired
    Captures captures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationContext context;

    @Autowired
    UnitFigures figures;

    @Autowired
    InspectionPlans plans;

    @Autowired
    PlanEvaluation evaluation;

    SupervisionFixture f;
    final List<ItemRecord> eastItems = new ArrayList<>();
    final List<ItemRecord> westItems = new ArrayList<>();
    final List<ItemRecord> corrected = new ArrayList<>();

    @BeforeAll
    void generate() {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        f = new SupervisionFixture(organisations, accounts, run, "KP");
        String eastFonds = "3" + run.substring(0, 3); // four digits, as 全宗号 are
        String westFonds = "2" + run.substring(0, 3);
        catalog.ensureFonds(eastFonds, "考核东县档案" + run, f.east.name(), f.east.id(), Actor.SYSTEM);
        catalog.ensureFonds(westFonds, "考核西县档案" + run, f.west.name(), f.west.id(), Actor.SYSTEM);
        for (int i = 0; i < PER_COUNTY; i++) {
            eastItems.add(capture(eastFonds, i));
            westItems.add(capture(westFonds, i + 50));
        }
        ReadModelDoors.awaitFiling(jdbc);
        date(eastItems, 60, true);
        date(westItems, 3, false);
        corrected.addAll(List.of(eastItems.get(1), eastItems.get(2)));
        for (var item : corrected) {
            publish(new ItemCorrected(item.id(), item.archiveCode(), 2));
        }
        var all = new ArrayList<>(eastItems);
        all.addAll(westItems);
        ReadModelDoors.recountFiling(context, all.stream().map(ItemRecord::id).toList(), f.city.path());
        var day = OffsetDateTime.parse("2025-06-10T09:00:00+08:00");
        publish(new ScanBatchDecided(UUID.randomUUID(), ScanBatchDecided.Decision.ACCEPTED, 20, f.east.path(), day));
        publish(new ScanBatchDecided(UUID.randomUUID(), ScanBatchDecided.Decision.REJECTED, 10, f.east.path(), day));
        publish(new ScanBatchDecided(UUID.randomUUID(), ScanBatchDecided.Decision.ACCEPTED, 12, f.west.path(), day));
        publish(new LoanDecided(IDS.incrementAndGet(), true, f.east.path(), day.minusHours(96), day));
        publish(new LoanDecided(IDS.incrementAndGet(), true, f.west.path(), day.minusHours(4), day));
        fixity(all);
        physicalLoans(all);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> figures.of(f.city.path(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
                                .loansDecided()
                        == 2);
    }

    @Test
    void everyKpiEqualsADirectCountAndTheRankingPutsTheBetterUnitFirst() {
        var access = f.inspectorAccess();
        var plan = plans.create(
                new PlanRequest("2025 年度考核" + f.run, "YEAR", "2025", "", List.of("" + f.east.id(), "" + f.west.id())),
                access);
        plans.start(plan.id(), access);
        evaluation.compute(plan.id(), access);
        var values = evaluation.kpis(plans.get(plan.id(), access));
        assertThat(values).hasSize(2 * InspectionKpi.values().length);
        for (OrgUnit unit : List.of(f.east, f.west)) {
            var filing = filing(unit);
            assertRatio(values, unit, InspectionKpi.COMPLETENESS, filing.get("complete"), filing.get("items"));
            assertRatio(values, unit, InspectionKpi.TIMELINESS, filing.get("within"), filing.get("items"));
            assertRatio(values, unit, InspectionKpi.ACCURACY, filing.get("accurate"), filing.get("items"));
            var fix = fixityCounts(unit);
            assertRatio(values, unit, InspectionKpi.FIXITY, fix.get(0), fix.get(1));
            var out = loansOut(unit);
            assertRatio(values, unit, InspectionKpi.ON_TIME_RETURNS, out.get(0) - out.get(1), out.get(0));
        }
        assertRatio(values, f.east, InspectionKpi.DIGITISATION, 20, 30);
        assertRatio(values, f.west, InspectionKpi.DIGITISATION, 12, 12);
        assertThat(value(values, f.east, InspectionKpi.TURNAROUND).value()).isEqualTo(96.0);
        // scores are kept with four decimals
        assertThat(value(values, f.east, InspectionKpi.TURNAROUND).score()).isCloseTo(7 * 48.0 / 96, within());
        assertThat(value(values, f.west, InspectionKpi.TURNAROUND).score()).isCloseTo(7.0, within());
        var completeness = value(values, f.east, InspectionKpi.COMPLETENESS);
        assertThat(completeness.score())
                .isCloseTo(10 * Math.min(1, completeness.value() / 0.95), org.assertj.core.data.Offset.offset(1e-4));

        evaluation.score(plan.id(), "" + f.east.id(), "RULES", "8", "", access);
        evaluation.score(plan.id(), "" + f.west.id(), "RULES", "6", "", access);
        var evaluated = evaluation.evaluate(plan.id(), access);
        assertThat(evaluated.state()).isEqualTo(PlanState.EVALUATED);
        var ranking = Ranking.of(evaluated, evaluation.kpis(evaluated), evaluation.checklist(evaluated));
        assertThat(ranking).extracting(r -> r.unit().orgId()).containsExactly(f.west.id(), f.east.id());
        assertThat(ranking.get(0).total()).isGreaterThan(ranking.get(1).total());
        assertThat(ranking.get(1).checklistScore()).isEqualTo(8.0);
        plans.close(plan.id(), access);
        assertThat(jdbc.sql("select operation from audit_entry where object_type = 'INSPECTION_PLAN'"
                                + " and object_id = :o order by id")
                        .param("o", plan.planNo())
                        .query(String.class)
                        .list())
                .containsExactly("CREATE", "START", "COMPUTE", "SCORE", "SCORE", "SCORE", "CLOSE");
    }

    // ----------------------------------------------------------------------------------------------------------

    private ItemRecord capture(String fonds, int n) {
        var s = Samples.personEnrolment(
                fonds, null, Samples.acceptanceNo(), Samples.citizenId(1960 + n % 40), "考核" + n, null, null);
        return captures.capture(
                        s,
                        List.of(
                                Upload.ofBytes("a.png", Samples.png(System.nanoTime())),
                                Upload.ofBytes("b.pdf", Samples.pdf("kpi " + UUID.randomUUID()))),
                        null,
                        Actor.SYSTEM)
                .item();
    }

    /** Filed on days of 2025, handled up to {@code maxDays} earlier; every second one incomplete when asked. */
    private void date(List<ItemRecord> items, int maxDays, boolean incomplete) {
        String other = jdbc.sql(
                        """
                select code from material_type
                 where code not in (select material_code from business_step_material where step_code = 'GRCB')
                 order by code limit 1""")
                .query(String.class)
                .single();
        for (int k = 0; k < items.size(); k++) {
            var filed = OffsetDateTime.parse("2025-%02d-%02dT10:00:00+08:00".formatted(1 + k * 2, 3 + k));
            jdbc.sql("update item set created_at = :c, handled_at = :h where id = :id")
                    .param("c", filed)
                    .param("h", filed.minusDays(maxDays * (long) k / Math.max(1, items.size() - 1)))
                    .param("id", items.get(k).id())
                    .update();
            if (incomplete && k % 2 == 0) {
                jdbc.sql("update item_file set material_code = :m where item_id = :id and seq = 1")
                        .param("m", other)
                        .param("id", items.get(k).id())
                        .update();
            }
        }
    }

    private Map<String, Long> filing(OrgUnit unit) {
        int n = figures.of(unit.path(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
                .withinDays();
        var row = jdbc.sql(
                        """
                with filed as (
                    select i.id,
                           (i.created_at at time zone 'Asia/Shanghai')::date
                             - (i.handled_at at time zone 'Asia/Shanghai')::date as days,
                           not exists (select 1 from business_step_material m
                                        where m.step_code = i.step_code and m.required
                                          and not exists (select 1 from item_file x where x.item_id = i.id
                                                             and x.material_code = m.material_code)) as complete
                      from item i join fonds f on f.id = i.fonds_id
                     where f.org_path like :org and i.status <> 'RECEIVING'
                       and (i.created_at at time zone 'Asia/Shanghai')::date between '2025-01-01' and '2025-12-31')
                select count(*) as items, count(*) filter (where complete) as complete,
                       count(*) filter (where days <= :n) as within, count(*) filter (where id <> all(:corrected)) as accurate
                  from filed""")
                .param("org", unit.path() + "%")
                .param("n", n)
                .param("corrected", corrected.stream().map(ItemRecord::id).toArray(UUID[]::new))
                .query()
                .singleRow();
        var out = new java.util.HashMap<String, Long>();
        row.forEach((k, v) -> out.put(k, ((Number) v).longValue()));
        assertThat(out.get("items")).isEqualTo(PER_COUNTY);
        return out;
    }

    /** Every item checked in May 2025; every third east item failed. */
    private void fixity(List<ItemRecord> all) {
        long sweep = jdbc.sql("insert into fixity_sweep (status, rate_mb_s, items_total, started_by, finished_at)"
                        + " values ('DONE', 0, 0, '考核测试', now()) returning id")
                .query(Long.class)
                .single();
        for (int k = 0; k < all.size(); k++) {
            jdbc.sql(
                            """
                    insert into item_fixity (item_id, sweep_id, checked_at, passed) values (:id, :s, :at, :p)
                    on conflict (item_id) do update set sweep_id = excluded.sweep_id,
                        checked_at = excluded.checked_at, passed = excluded.passed""")
                    .param("id", all.get(k).id())
                    .param("s", sweep)
                    .param("at", OffsetDateTime.parse("2025-05-%02dT08:00:00+08:00".formatted(1 + k)))
                    .param("p", !(k < PER_COUNTY && k % 3 == 0))
                    .update();
        }
        ReadModelDoors.refreshFixity(context);
    }

    private List<Long> fixityCounts(OrgUnit unit) {
        return jdbc.sql(
                        """
                select count(*) filter (where x.passed), count(*)
                  from item_fixity x join item i on i.id = x.item_id join fonds f on f.id = i.fonds_id
                 where f.org_path like :org
                   and (x.checked_at at time zone 'Asia/Shanghai')::date between '2025-01-01' and '2025-12-31'""")
                .param("org", unit.path() + "%")
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    /** Originals lent in 2025: two east loans still out at the year's end, one overdue; one west out, on time. */
    private void physicalLoans(List<ItemRecord> all) {
        lend(f.east, all.get(0), LocalDate.of(2025, 3, 1), null);
        lend(f.east, all.get(1), LocalDate.of(2026, 12, 1), null);
        lend(f.east, all.get(2), LocalDate.of(2025, 3, 1), OffsetDateTime.parse("2025-02-20T09:00:00+08:00"));
        lend(f.west, all.get(PER_COUNTY), LocalDate.of(2026, 12, 1), null);
    }

    private void lend(OrgUnit org, ItemRecord item, LocalDate due, OffsetDateTime back) {
        var lent = OffsetDateTime.parse("2025-02-01T09:00:00+08:00");
        long loan = jdbc.sql(
                        """
                insert into physical_loan (borrower, borrower_unit, borrower_kind, purpose, due_date, status,
                                           lent_by, lent_at, returned_at, org_path, purpose_code)
                values ('考核借阅人', '审计局', 'PERSON', '核查', :due, :status, '考核测试', :lent, :back, :org,
                        'AUDIT') returning id""")
                .param("due", due)
                .param("status", back == null ? "OUT" : "RETURNED")
                .param("lent", lent)
                .param("back", back)
                .param("org", org.path())
                .query(Long.class)
                .single();
        jdbc.sql("insert into physical_loan_item (loan_id, item_id, archive_code, returned_at)"
                        + " values (:l, :i, :c, :back)")
                .param("l", loan)
                .param("i", item.id())
                .param("c", item.archiveCode())
                .param("back", back)
                .update();
    }

    private List<Long> loansOut(OrgUnit unit) {
        var at = OffsetDateTime.parse("2026-01-01T00:00:00+08:00");
        return jdbc.sql(
                        """
                select count(*), count(*) filter (where l.due_date <= '2025-12-31')
                  from physical_loan l join physical_loan_item i on i.loan_id = l.id
                 where l.org_path like :org and l.lent_at < :at
                   and (i.returned_at is null or i.returned_at >= :at)""")
                .param("org", unit.path() + "%")
                .param("at", at)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    private static ScoreRows.KpiValue value(List<ScoreRows.KpiValue> values, OrgUnit unit, InspectionKpi kpi) {
        return values.stream()
                .filter(v -> v.orgId() == unit.id() && v.kpi() == kpi)
                .findFirst()
                .orElseThrow();
    }

    private static void assertRatio(
            List<ScoreRows.KpiValue> values, OrgUnit unit, InspectionKpi kpi, long part, long whole) {
        var v = value(values, unit, kpi);
        assertThat(List.of(v.part(), v.whole())).as(unit.name() + " " + kpi).containsExactly(part, whole);
        assertThat(v.value()).as(unit.name() + " " + kpi).isCloseTo(whole == 0 ? 0 : (double) part / whole, within());
    }

    private void publish(Object event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
