package org.siarchive.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.disposition.AppraisalApproval;
import org.siarchive.disposition.AppraisalBatches;
import org.siarchive.disposition.AppraisalWork;
import org.siarchive.disposition.DestructionListFiling;
import org.siarchive.disposition.DestructionLists;
import org.siarchive.disposition.Destructions;
import org.siarchive.organisation.Organisations;
import org.siarchive.quality.Submission;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Scope;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Appraising and destroying one batch of N items (default 10,000, {@code -Dbench.items=}), phase by phase,
 * through the disposition services the console and API call: propose, decide (one decision for all), the
 * four members and their opinions, complete, approve, generate and file the 销毁清册 (archived as an item),
 * then the supervised destruction (two supervisors with password and TOTP; purge of every OCFL object,
 * tombstones, ItemDestroyed events). Items are prepared through the real capture path (4 clients in
 * process, one small PDF each, formed 2010–2013 so every 10-year term has ended and no 件号 sequence passes
 * 9999) — honest and the slowest part; its rate is
 * printed too but not counted. The halves alone: AppraisalBenchmark (catalogue-registered items without
 * content) and DestructionBenchmark (batch rows written directly); this one joins them on real content and
 * prints the destruction's own step timings too. Run with
 * {@code ./mvnw -Pbench test -Dtest=DispositionBenchmark -Dbench.items=2000}.
 */
@Tag("bench")
class DispositionBenchmark extends IntegrationTest {

    private static final int ITEMS = Integer.getInteger("bench.items", 10_000);
    private static final String FONDS = "0001";

    @Autowired
    Captures captures;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    AppraisalBatches batches;

    @Autowired
    AppraisalWork work;

    @Autowired
    AppraisalApproval approval;

    @Autowired
    DestructionLists lists;

    @Autowired
    DestructionListFiling filing;

    @Autowired
    Destructions destructions;

    private final StringBuilder out = new StringBuilder();

    @Test
    void appraiseAndDestroyABatch() throws Exception {
        try (var heap = PeakHeap.watch()) {
            String run = Integer.toString((int) (System.nanoTime() % 900_000) + 100_000);
            long root = organisations.root().id();
            var archivist = TestAccounts.create(accounts, "bxhdg" + run, root, Set.of(Role.ARCHIVIST), 3, false);
            var clerk = TestAccounts.create(accounts, "bxhyw" + run, root, Set.of(Role.CLERK), 3, false);
            var leader = TestAccounts.create(accounts, "bxhld" + run, root, Set.of(Role.APPROVER), 3, true);
            var supA = TestAccounts.create(accounts, "bxhjxa" + run, root, Set.of(Role.ARCHIVIST), 3, true);
            var supB = TestAccounts.create(accounts, "bxhjxb" + run, root, Set.of(Role.APPROVER), 3, true);
            Access arch = access(archivist.username(), Role.ARCHIVIST);
            Access clk = access(clerk.username(), Role.CLERK);
            Access lead = access(leader.username(), Role.APPROVER);

            long t0 = System.nanoTime();
            List<UUID> ids = prepare(ITEMS, run);
            line(
                    "prepared %d items through the capture path in %.1f s (%.1f items/s, not counted below)",
                    ids.size(), secs(t0), ids.size() / secs(t0));

            long start = System.nanoTime();
            long t = System.nanoTime();
            var batch = batches.propose(new AppraisalBatches.NewBatch("基准鉴定" + run, ids, null, null, null), arch);
            phase("propose the batch", t);

            t = System.nanoTime();
            work.decide(batch.id(), new AppraisalWork.NewDecision(null, "DESTROY", null, "保管期满，无继续保存价值"), arch);
            phase("decide 销毁 for all", t);

            t = System.nanoTime();
            work.addMember(batch.id(), new AppraisalWork.NewMember("LEADER", leader.username(), null, null), arch);
            work.addMember(batch.id(), new AppraisalWork.NewMember("BUSINESS", clerk.username(), null, null), arch);
            work.addMember(batch.id(), new AppraisalWork.NewMember("ARCHIVE", archivist.username(), null, null), arch);
            int hrss =
                    work.addMember(batch.id(), new AppraisalWork.NewMember("HRSS", null, "王审核", "测试市人力资源和社会保障局"), arch);
            work.opinion(batch.id(), new AppraisalWork.NewOpinion(null, null, "AGREE", "同意"), lead);
            work.opinion(batch.id(), new AppraisalWork.NewOpinion(null, null, "AGREE", "同意"), clk);
            work.opinion(batch.id(), new AppraisalWork.NewOpinion(null, null, "AGREE", "同意"), arch);
            work.opinion(batch.id(), new AppraisalWork.NewOpinion(hrss, null, "AGREE", "同意（代录）"), arch);
            phase("group and opinions", t);

            t = System.nanoTime();
            work.complete(batch.id(), arch);
            phase("complete the appraisal", t);

            t = System.nanoTime();
            approval.approve(batch.id(), "同意", lead);
            phase("approve", t);

            t = System.nanoTime();
            long list = lists.generate(batch.id(), arch);
            filing.file(
                    list,
                    ReadableTime.beijing().today().toString(),
                    "人社备〔" + ReadableTime.beijing().today().getYear() + "〕1号",
                    arch);
            phase("generate + file the 销毁清册", t);

            t = System.nanoTime();
            var done = destructions.execute(
                    batch.id(),
                    new Destructions.Request(
                            "电子数据彻底删除",
                            "档案室",
                            new Destructions.Supervisor(
                                    supA.username(),
                                    supA.password(),
                                    supA.codes().get()),
                            new Destructions.Supervisor(
                                    supB.username(),
                                    supB.password(),
                                    supB.codes().get())),
                    arch);
            phase("execute the destruction", t);
            var d = done.timings();
            line(
                    "  of which (ms): read %d, primary purge %d, replica purge %d, mark purged %d, tombstones %d, finish %d",
                    d.readMs(), d.primaryMs(), d.replicaMs(), d.markMs(), d.tombstoneMs(), d.finishMs());
            if (d.items() != ITEMS) {
                throw new AssertionError("destroyed " + d.items() + " of " + ITEMS);
            }

            line("%-32s %8.1f s  %8.1f items/s", "total (propose .. destroyed)", secs(start), ITEMS / secs(start));
            line("%s", heap.line());
            Path file = Path.of("target", "bench", "disposition.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, out);
            System.out.print(out);
        }
    }

    private Access access(String login, Role role) {
        return new Access(new Actor(login, null, "127.0.0.1", "bench"), Scope.EVERYTHING, role.permissions());
    }

    private List<UUID> prepare(int n, String run) throws Exception {
        var ids = Collections.synchronizedList(new ArrayList<UUID>(n));
        var next = new AtomicInteger();

        var pool = Executors.newFixedThreadPool(4);
        var tasks = new ArrayList<Callable<Void>>();
        for (int w = 0; w < 4; w++) {
            tasks.add(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    var s = new Submission(
                            FONDS,
                            Samples.acceptanceNo(),
                            "SHDY",
                            "510",
                            "生育保险待遇核定表",
                            "测试市社会保险事业管理中心",
                            (2010 + i % 4) + "-04-01",
                            null,
                            null,
                            new Submission.Person("01", Samples.citizenId(1960 + i % 30), "基准" + i),
                            null,
                            "李经办",
                            "测试市社会保险事业管理中心",
                            (2010 + i % 4) + "-04-01T09:30:00+08:00",
                            List.of(new Submission.Material("SH01")));
                    ids.add(captures.capture(
                                    s,
                                    List.of(Upload.ofBytes(
                                            "sh01.pdf", Samples.pdf("disposition bench " + run + " " + i))),
                                    null,
                                    Actor.SYSTEM)
                            .item()
                            .id());
                }
                return null;
            });
        }
        for (var f : pool.invokeAll(tasks)) {
            f.get();
        }
        pool.shutdown();
        return new ArrayList<>(ids);
    }

    private void phase(String name, long startNanos) {
        double s = secs(startNanos);
        line("%-32s %8.2f s  %8.1f items/s", name, s, ITEMS / s);
    }

    private static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private void line(String format, Object... args) {
        out.append(format.formatted(args)).append('\n');
    }
}
