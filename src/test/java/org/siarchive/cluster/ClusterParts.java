package org.siarchive.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.gaul.s3proxy.S3Proxy;
import org.siarchive.platform.EmbeddedDatabases;

/**
 * The shared parts of a cluster in one JVM (issue 21): one PostgreSQL server (the nodes reach it by URL, as an
 * external one), one S3-compatible server holding the preservation store (S3Proxy on a filesystem backend), one
 * SolrCloud of two Solr nodes with ZooKeeper, and one directory of key material every node reads. Each node gets the
 * properties of the cluster profile pointing at them, with a data directory of its own for staging.
 */
final class ClusterParts implements AutoCloseable {

    static final String BUCKET = "siarchive-cluster";
    static final String ACCESS = "cluster-access";
    static final String SECRET = "cluster-secret";

    final Path dir;
    final EmbeddedPostgres pg;
    final S3Proxy s3;
    final MiniSolrCloudCluster solr;

    ClusterParts(Path dir) throws Exception {
        this.dir = dir;
        this.pg = EmbeddedDatabases.start(dir.resolve("pg"), 0);
        this.s3 = startS3(dir.resolve("s3"));
        System.setProperty("host", "127.0.0.1");
        System.setProperty("solr.log.dir", dir.resolve("solr-logs").toString());
        this.solr = new MiniSolrCloudCluster.Builder(2, dir.resolve("solr")).build();
        org.siarchive.crypto.MasterKey.generate(shared().resolve("master.key"));
    }

    Path shared() {
        return dir.resolve("shared");
    }

    /** The cluster profile of node {@code id}: every setting a node of a real cluster would have. */
    Map<String, String> node(String id) {
        var p = new LinkedHashMap<String, String>();
        p.put("siarchive.cluster.enabled", "true");
        p.put("siarchive.cluster.node-id", id);
        p.put("siarchive.cluster.heartbeat", "PT1S");
        p.put("siarchive.cluster.gone-after", "PT4S");
        p.put("siarchive.data-dir", dir.resolve(id).toString());
        p.put("server.port", "0");
        p.put("server.address", "127.0.0.1");
        p.put("spring.datasource.url", pg.getJdbcUrl("postgres", "postgres"));
        p.put("spring.datasource.username", "postgres");
        p.put("spring.datasource.hikari.maximum-pool-size", "8");
        p.put("siarchive.preservation.store", "s3");
        p.put("siarchive.preservation.s3.endpoint", "http://127.0.0.1:" + s3.getPort());
        p.put("siarchive.preservation.s3.region", "us-east-1");
        p.put("siarchive.preservation.s3.bucket", BUCKET);
        p.put("siarchive.preservation.s3.prefix", "ocfl");
        p.put("siarchive.preservation.s3.access-key", ACCESS);
        p.put("siarchive.preservation.s3.secret-key", SECRET);
        p.put("siarchive.search.backend", "solr");
        p.put("siarchive.search.solr.zk-hosts", solr.getZkServer().getZkAddress());
        p.put("siarchive.search.solr.collection", "siarchive_cluster");
        p.put("siarchive.crypto.master-key-file", shared().resolve("master.key").toString());
        p.put("siarchive.crypto.create-master-key", "false");
        p.put("siarchive.crypto.key-dir", shared().resolve("keys").toString());
        p.put(
                "siarchive.security.initial-token-file",
                shared().resolve("initial-token").toString());
        p.put("siarchive.reconcile.scan-store", "false");
        p.put("spring.modulith.events.republish-outstanding-events-on-restart", "false");
        quiet(p);
        return p;
    }

    /** What the suite's integration tests settle the same way: quick logins, no wall-clock jobs but the sweep's. */
    private static void quiet(Map<String, String> p) {
        p.put("siarchive.security.argon2.memory-kib", "4096");
        p.put("siarchive.rate-limits.unlimited-addresses", "127.0.0.1");
        p.put("siarchive.rate-limits.token-per-minute", "0");
        p.put("siarchive.capture.max-file-size", "5MB");
        p.put("siarchive.audit.checkpoint-interval", "PT24H");
        p.put("siarchive.fixity.schedule-check", "PT1S");
        p.put("siarchive.fixity.poll", "PT1S");
        for (String cron : new String[] {
            "siarchive.catalog.clustering.cron",
            "siarchive.comparison.schedule",
            "siarchive.notification.sweep-cron",
            "siarchive.notification.outbox-cron",
            "siarchive.statistics.backfill",
            "siarchive.statistics.fixity-refresh",
            "siarchive.security-monitoring.schedule",
            "siarchive.mining.schedule"
        }) {
            p.put(cron, "-");
        }
        p.put("siarchive.statistics.rebuild-on-start", "false");
        p.put("siarchive.notification.sms.adapter", "file");
        p.put("siarchive.notification.mail.adapter", "file");
        p.put("logging.level.root", "WARN");
    }

    private static S3Proxy startS3(Path backing) {
        return org.siarchive.support.S3Servers.start(backing, ACCESS, SECRET, BUCKET);
    }

    @Override
    public void close() throws Exception {
        try {
            solr.shutdown();
        } finally {
            try {
                s3.stop();
            } finally {
                pg.close();
            }
        }
    }
}
