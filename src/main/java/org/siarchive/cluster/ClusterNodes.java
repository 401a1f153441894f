package org.siarchive.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.siarchive.platform.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This node and the others (docs/adr/0138): the node's id, its heartbeat in {@code cluster_node}, and — on one node
 * at a time — the search for nodes silent longer than {@code gone-after}, each declared gone once in the transaction
 * that publishes {@link NodesLeft}. Work a node begins carries its id; whose work this node may finish is
 * {@link #mayFinish}.
 */
@Component
public class ClusterNodes implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ClusterNodes.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final ClusterSettings settings;
    private final String self;
    private final ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(r -> {
        var t = new Thread(r, "cluster-heartbeat");
        t.setDaemon(true);
        return t;
    });

    ClusterNodes(
            JdbcClient jdbc,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            ClusterSettings settings,
            DataDirectory data,
            @Value("${server.port:8080}") String port) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
        this.settings = settings;
        this.self = NodeIdentity.of(data.root(), settings.nodeId());
        jdbc.sql(
                        """
                insert into cluster_node (node_id, address, started_at, last_seen) values (:id, :address, now(), now())
                on conflict (node_id) do update set address = excluded.address, started_at = now(), last_seen = now(),
                    left_at = null
                """)
                .param("id", self)
                .param("address", address(port))
                .update();
        log.info("cluster node {} ({})", self, settings.enabled() ? "one of several" : "single node");
        long period = settings.heartbeat().toMillis();
        beat.scheduleWithFixedDelay(this::heartbeatSafely, period, period, TimeUnit.MILLISECONDS);
    }

    /** This node's id, stamped on the work it begins. */
    public String self() {
        return self;
    }

    /** Whether several nodes share the database ({@code siarchive.cluster.enabled}). */
    public boolean clustered() {
        return settings.enabled();
    }

    /**
     * Whether this node's start-up may finish interrupted work that {@code owner} began: a single node finishes
     * everything; in a cluster only its own and unmarked work (from before issue 21), the rest waits for
     * {@link NodesLeft}.
     */
    public boolean mayFinish(@Nullable String owner) {
        return !settings.enabled() || owner == null || owner.equals(self);
    }

    /** Stops the heartbeat: the node is leaving (or its context is closing). */
    @Override
    public void destroy() {
        beat.shutdownNow();
    }

    /**
     * The heartbeat runs on a thread of its own from the moment the node's row exists: not on the scheduler, whose
     * threads start only once the context is up and may all be busy with long jobs — a node silent for either reason
     * would be declared gone while it works.
     */
    private void heartbeatSafely() {
        try {
            heartbeat();
        } catch (RuntimeException e) {
            log.warn("heartbeat of node {} not written: {}", self, e.toString());
        }
    }

    void heartbeat() {
        int seen = jdbc.sql("update cluster_node set last_seen = now() where node_id = :id and left_at is null")
                .param("id", self)
                .update();
        if (seen == 0) {
            // declared gone while it was silent (a pause longer than gone-after): what it had begun was taken over,
            // and the state checks of every finishing step refuse to finish it twice
            log.error("node {} was declared gone by the cluster while it was silent; it rejoins", self);
            jdbc.sql("update cluster_node set last_seen = now(), left_at = null where node_id = :id")
                    .param("id", self)
                    .update();
        }
    }

    /** The schedule: on one node at a time. */
    @Scheduled(
            initialDelayString = "${siarchive.cluster.heartbeat:PT10S}",
            fixedDelayString = "${siarchive.cluster.heartbeat:PT10S}")
    @SchedulerLock(name = "cluster-nodes-gone", lockAtMostFor = "PT5M")
    void scheduledSearch() {
        declareGone();
    }

    /** Declares gone, once, every node silent for longer than {@code gone-after}; returns them. */
    public List<String> declareGone() {
        var gone = tx.execute(s -> {
            var ids = jdbc.sql(
                            """
                    update cluster_node set left_at = now()
                    where left_at is null and node_id <> :self
                        and last_seen < now() - make_interval(secs => :seconds)
                    returning node_id
                    """)
                    .param("self", self)
                    .param("seconds", settings.goneAfter().toSeconds())
                    .query(String.class)
                    .list();
            if (!ids.isEmpty()) {
                events.publishEvent(new NodesLeft(ids));
            }
            return ids;
        });
        if (gone != null && !gone.isEmpty()) {
            log.warn("nodes declared gone, their unfinished work taken over: {}", gone);
        }
        return gone == null ? List.of() : gone;
    }

    private static String address(String port) {
        try {
            return InetAddress.getLocalHost().getHostName() + ":" + port;
        } catch (UnknownHostException e) {
            return "unknown:" + port;
        }
    }
}
