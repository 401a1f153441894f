package org.siarchive.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.NewItem;
import org.siarchive.disposition.AppraisalApproval;
import org.siarchive.disposition.AppraisalBatches;
import org.siarchive.disposition.AppraisalWork;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Permission;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.Scope;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Appraisal of one batch of N items (default 10,000, {@code -Dbench.items}): propose, decide all 销毁 then
 * half 延期 (set-based), four members and their opinions, complete, approve, execute the extensions (catalogue
 * update, history rows and one audit entry per extended item). Items are prepared through the catalogue's
 * own registration ({@link Catalog#register}: 档号, retention, person-less 门诊待遇核定 items formed in 2010 and 2011 (件号 has four digits per class), one
 * file row each, no OCFL content), so they stay RECEIVING and never reach search. Run with
 * {@code ./mvnw -Pbench test -Dtest=AppraisalBenchmark}; prints and writes target/bench/appraisal.txt.
 */
@Tag("bench")
class AppraisalBenchmark extends IntegrationTest {

    private static final int N = Integer.getInteger("bench.items", 10_000);

    @Autowired
    Catalog catalog;

    @Autowired
    Organisations organisations;

    @Autowired
    AppraisalBatches batches;

    @Autowired
    AppraisalWork work;

    @Autowired
    AppraisalApproval approval;

    @Test
    void appraiseABatch() throws Exception {
        try (var heap = PeakHeap.watch()) {
            catalog.ensureFonds(
                    "0169", "鉴定基准全宗", "鉴定基准社保中心", organisations.root().id(), Actor.SYSTEM);
            long t0 = System.nanoTime();
            var ids = prepare();
            double prepare = seconds(t0);
            var archivist = access("bench-archivist", Permission.DISPOSITION_PROPOSE, Permission.DISPOSITION_EXECUTE);
            var leader = access("bench-leader", Permission.DISPOSITION_APPROVE);
            var out = new StringBuilder();
            line(
                    out,
                    "appraisal of one batch of %d items (prepared through catalogue registration in %.1f s)",
                    N,
                    prepare);
            long start = System.nanoTime();
            long t = System.nanoTime();
            var b = batches.propose(new AppraisalBatches.NewBatch("基准", ids, null, null, null), archivist);
            step(out, "propose", t);
            t = System.nanoTime();
            work.decide(b.id(), new AppraisalWork.NewDecision(null, "DESTROY", null, "已无查考价值"), archivist);
            work.decide(
                    b.id(), new AppraisalWork.NewDecision(ids.subList(0, N / 2), "EXTEND", "D30", "仍需查考"), archivist);
            step(out, "decide (all, then half)", t);
            t = System.nanoTime();
            for (String role : List.of("LEADER", "BUSINESS", "ARCHIVE", "HRSS")) {
                int seq = work.addMember(b.id(), new AppraisalWork.NewMember(role, null, "成员" + role, "单位"), archivist);
                work.opinion(b.id(), new AppraisalWork.NewOpinion(seq, null, "AGREE", "同意"), archivist);
            }
            work.complete(b.id(), archivist);
            approval.approve(b.id(), "同意", leader);
            step(out, "group, opinions, complete, approve", t);
            t = System.nanoTime();
            var done = approval.executeExtensions(b.id(), archivist);
            step(out, "execute " + (N / 2) + " extensions", t);
            double total = seconds(start);
            line(out, "%-40s %8.2f s  %10.0f items/s  (state %s)", "total", total, N / total, done.state());
            line(out, "%s", heap.line());
            System.out.print(out);
            Files.createDirectories(Path.of("target", "bench"));
            Files.writeString(Path.of("target", "bench", "appraisal.txt"), out);
        }
    }

    private List<UUID> prepare() throws Exception {
        var pool = Executors.newFixedThreadPool(2);
        try {
            var tasks = new ArrayList<Callable<UUID>>();
            for (int i = 0; i < N; i++) {
                int n = i;
                tasks.add(() -> catalog.register(newItem(n), Actor.SYSTEM).id());
            }
            var ids = new ArrayList<UUID>();
            for (var f : pool.invokeAll(tasks)) {
                ids.add(f.get());
            }
            return ids;
        } finally {
            pool.shutdown();
        }
    }

    private static NewItem newItem(int n) {
        var id = UUID.randomUUID();
        String sum = "%064x".formatted(n);
        var file = new NewItem.NewFile(1, "YB01", "a.pdf", "content/a.pdf", "application/pdf", "PDF", 1, sum, sum);
        return new NewItem(
                id,
                "bench-appraisal-" + id,
                "0169",
                "bench-appraisal-" + id,
                sum,
                "BENCH" + n,
                "MZHD",
                "310",
                "门诊待遇核定" + n,
                "测试市社会保险事业管理中心",
                LocalDate.of(2010 + n % 2, 3, 1),
                null,
                "0",
                null,
                null,
                "李经办",
                "测试市社会保险事业管理中心",
                OffsetDateTime.parse((2010 + n % 2) + "-03-01T09:30:00+08:00"),
                List.of(file));
    }

    private static Access access(String name, String... permissions) {
        return new Access(new Actor(name, "127.0.0.1", "bench"), Scope.EVERYTHING, Set.of(permissions));
    }

    private static void step(StringBuilder out, String what, long t) {
        double s = seconds(t);
        line(out, "%-40s %8.2f s  %10.0f items/s", what, s, N / s);
    }

    private static double seconds(long t) {
        return (System.nanoTime() - t) / 1e9;
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(format.formatted(args)).append('\n');
    }
}
