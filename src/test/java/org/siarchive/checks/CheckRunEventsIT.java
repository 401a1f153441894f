package org.siarchive.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Actor;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A four-property check run that completes publishes {@link CheckRunFinished} with its report (ADR 0046):
 * the counts of items passed, failed and not checked agree with the report's lines, and it names the run's
 * organisation and the time it finished. A run only opened publishes nothing.
 */
@RecordApplicationEvents
class CheckRunEventsIT extends IntegrationTest {

    @Autowired
    FourPropertyChecks checks;

    @Autowired
    Organisations organisations;

    @Autowired
    ApplicationEvents events;

    @Test
    void aRunRecordedInOneGoPublishesCheckRunFinishedWithTheReportsCounts() {
        // given the findings of two records, one of which failed the fixity item
        var f = checks.begin(Stage.CQ);
        f.record();
        f.record();
        for (var d : CheckCatalog.of(Stage.CQ)) {
            f.pass(d.code());
        }
        f.fail(CheckCatalog.CQ_FIXITY, null, "0001-事件-1", "SM3 不符");

        // when the run is recorded
        var report = checks.record("事件测试", f, Actor.SYSTEM);

        // then CheckRunFinished tells the same counts as the report
        assertThat(events.stream(CheckRunFinished.class)).singleElement().satisfies(e -> {
            assertThat(e.runId()).isEqualTo(report.run().id());
            assertThat(e.stage()).isEqualTo(Stage.CQ);
            assertThat(e.passedItems()).isEqualTo(count(report, "PASS"));
            assertThat(e.failedItems()).isEqualTo(count(report, "FAIL"));
            assertThat(e.notCheckedItems()).isEqualTo(count(report, "NOT_CHECKED"));
            assertThat(e.passed()).isEqualTo(report.passed());
            assertThat(e.records()).isEqualTo(2);
            assertThat(e.orgPath()).isEqualTo(organisations.root().path());
            assertThat(e.finishedAt()).isEqualTo(report.run().finishedAt());
        });
    }

    @Test
    void aRunOpenedPublishesOnlyWhenItFinishes() {
        long id = checks.open(Stage.CQ, "事件测试（长时间）", Actor.SYSTEM);
        assertThat(events.stream(CheckRunFinished.class)).isEmpty();

        var f = checks.begin(Stage.CQ);
        f.record();
        var report = checks.finish(id, f, Actor.SYSTEM);

        assertThat(events.stream(CheckRunFinished.class)).singleElement().satisfies(e -> {
            assertThat(e.runId()).isEqualTo(id);
            assertThat(e.failedItems()).isZero();
            assertThat(e.passedItems()).isEqualTo(count(report, "PASS"));
            assertThat(e.records()).isEqualTo(1);
        });
    }

    /** A batch's runs, recorded together, are announced together: one event naming every run (docs/adr/0127). */
    @Test
    void runsRecordedTogetherPublishOneEventForAll() {
        var pending = new java.util.ArrayList<FourPropertyChecks.Pending>();
        for (int i = 0; i < 3; i++) {
            var f = checks.begin(Stage.GD);
            f.record();
            if (i == 1) {
                f.fail(CheckCatalog.of(Stage.GD).get(0).code(), null, "0001-事件-" + i, "不通过");
            }
            pending.add(new FourPropertyChecks.Pending("事件测试（批）" + i, f));
        }

        var reports = checks.recordAll(pending, Actor.SYSTEM);

        assertThat(events.stream(CheckRunFinished.class)).as("no event per run").isEmpty();
        assertThat(events.stream(CheckRunsFinished.class)).singleElement().satisfies(e -> {
            assertThat(e.runs())
                    .extracting(CheckRunFinished::runId)
                    .containsExactlyElementsOf(
                            reports.stream().map(r -> r.run().id()).toList());
            assertThat(e.runs()).extracting(CheckRunFinished::passed).containsExactly(true, false, true);
        });
    }

    private static int count(FourPropertyChecks.Report report, String result) {
        return (int)
                report.items().stream().filter(i -> i.result().equals(result)).count();
    }
}
