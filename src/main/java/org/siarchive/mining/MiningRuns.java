package org.siarchive.mining;

import java.time.YearMonth;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.cluster.ClusterNodes;
import org.siarchive.cluster.NodesLeft;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mining runs (数据挖掘): started from the page for the caller's own unit (its data scope) or monthly by the
 * schedule {@code siarchive.mining.schedule} ("-" switches it off) for every province, city and county unit of the
 * tree, each its own run. Starting records the run as RUNNING (one per unit, a second is a 409) with its COMPUTE
 * audit entry in one transaction; the pass then reads outside any transaction and the results are stored with the
 * run. A failure, or a restart finding a run still RUNNING, marks it FAILED.
 */
@Component
public class MiningRuns {

    private static final Logger log = LoggerFactory.getLogger(MiningRuns.class);

    /** Most units one scheduled round analyses. */
    static final int MAX_SCHEDULED_UNITS = 200;

    private final JdbcClient jdbc;
    private final MiningPass pass;
    private final MiningRunStore store;
    private final MiningSettings settings;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final ReadableTime time;
    private final TransactionTemplate tx;
    private final ClusterNodes nodes;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        var t = new Thread(r, "mining-run");
        t.setDaemon(true);
        return t;
    });

    MiningRuns(
            JdbcClient jdbc,
            MiningPass pass,
            MiningRunStore store,
            MiningSettings settings,
            Organisations organisations,
            AuditTrail audit,
            ReadableTime time,
            TransactionTemplate tx,
            ClusterNodes nodes) {
        this.nodes = nodes;
        this.jdbc = jdbc;
        this.pass = pass;
        this.store = store;
        this.settings = settings;
        this.organisations = organisations;
        this.audit = audit;
        this.time = time;
        this.tx = tx;
    }

    /** A started run: its id, its unit and the scope it reads. */
    record Started(long id, OrgUnit unit, Scope scope, long cap) {}

    /** Starts a run over the caller's scope and analyses in the background; returns the run's id. */
    long launch(Access access) {
        var started = start(access, "MANUAL", settings.cap());
        background.execute(() -> execute(started));
        return started.id();
    }

    /** Runs over the caller's scope to the end in the calling thread (tests); {@code cap} items at most. */
    long run(Access access, long cap) {
        var started = start(access, "MANUAL", cap);
        execute(started);
        return started.id();
    }

    Started start(Access access, String trigger, long cap) {
        MiningSettings.check(cap, settings.minSupport(), settings.minConfidence());
        var scope = access.scope();
        var unit = organisations.byPath(scope.orgPath()).orElseGet(organisations::root);
        try {
            long id = tx.execute(s -> {
                long runId = jdbc.sql(
                                """
                        insert into mining_run (org_id, org_path, trigger_kind, started_by, item_cap, min_support,
                                                min_confidence, node_id)
                        values (:o, :p, :t, :by, :cap, :sup, :conf, :node) returning id
                        """)
                        .param("node", nodes.self())
                        .param("o", unit.id())
                        .param("p", scope.orgPath())
                        .param("t", trigger)
                        .param("by", access.actor().name())
                        .param("cap", cap)
                        .param("sup", settings.minSupport())
                        .param("conf", settings.minConfidence())
                        .query(Long.class)
                        .single();
                audit.record(
                        access.actor(),
                        AuditedObject.STATISTICS,
                        "mining-" + runId,
                        AuditOperation.COMPUTE,
                        null,
                        AuditDetail.of("audit.detail.miningRun", unit.name(), cap)
                                .encoded());
                return runId;
            });
            return new Started(id, unit, scope, cap);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("mining.run.alreadyRunning", unit.name());
        }
    }

    void execute(Started started) {
        long t0 = System.nanoTime();
        try {
            var result = pass.run(new MiningPass.Request(
                    started.scope(),
                    started.cap(),
                    settings.minSupport(),
                    settings.minConfidence(),
                    YearMonth.from(time.today()).minusMonths(1)));
            store.finished(started.id(), result, (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            log.error("mining run {} failed: {}", started.id(), e.toString(), e);
            store.failed(started.id());
        }
    }

    /** The monthly round: every province, city and county unit of the tree, each a run of its own subtree. */
    @Scheduled(cron = "${siarchive.mining.schedule:0 0 3 2 * *}", zone = ReadableTime.DEFAULT_ZONE)
    @SchedulerLock(name = "mining-monthly-round", lockAtMostFor = "PT12H", lockAtLeastFor = "PT5M")
    public void scheduled() {
        var root = organisations.root();
        organisations.all().stream()
                .filter(u -> u.id() == root.id() || !"AGENCY".equals(u.level()))
                .limit(MAX_SCHEDULED_UNITS)
                .forEach(u -> {
                    var access = new Access(Actor.SYSTEM, new Scope(u.path(), null, 3), java.util.Set.of());
                    try {
                        execute(start(access, "SCHEDULED", settings.cap()));
                    } catch (ConflictException e) {
                        log.info("scheduled mining of {} skipped: a run is under way", u.path());
                    }
                });
    }

    /** Runs a restart found RUNNING were cut off — this node's, in a cluster: they become FAILED. */
    @EventListener(ApplicationReadyEvent.class)
    public void reconcile() {
        store.running().stream().filter(r -> nodes.mayFinish(r.node())).forEach(r -> store.failed(r.id()));
    }

    /** Runs that nodes declared gone had under way (issue 21): cut off, they become FAILED. */
    @ApplicationModuleListener
    void on(NodesLeft left) {
        store.running().stream()
                .filter(r -> r.node() != null && left.nodeIds().contains(r.node()))
                .forEach(r -> store.failed(r.id()));
    }
}
