package org.siarchive.cluster;

import java.util.ArrayList;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Job locks and the cluster profile's preconditions. A scheduled job marked {@code @SchedulerLock} runs on the node
 * that takes its row in {@code job_lock} (times from the database's clock, so nodes' clocks need not agree); a node
 * that dies holding a lock holds it at most {@code lockAtMostFor}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterSettings.class)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class ClusterConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource, Environment environment) {
        requireSharedParts(environment);
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("job_lock")
                .usingDbTime()
                .build());
    }

    /**
     * Several nodes share nothing on local disk but staging: the database, the preservation store and the search
     * index must be shared ones. A cluster set up otherwise would lose or split data, so it does not start.
     */
    static void requireSharedParts(Environment env) {
        if (!env.getProperty("siarchive.cluster.enabled", Boolean.class, false)) {
            return;
        }
        var missing = new ArrayList<String>();
        if (env.getProperty("spring.datasource.url", "").isBlank()) {
            missing.add("spring.datasource.url (an external PostgreSQL, not the embedded one)");
        }
        if (!"s3".equals(env.getProperty("siarchive.preservation.store", "disk"))) {
            missing.add("siarchive.preservation.store=s3 (OCFL in an S3 bucket, not on this node's disk)");
        }
        if (!"solr".equals(env.getProperty("siarchive.search.backend", "lucene"))) {
            missing.add("siarchive.search.backend=solr (SolrCloud, not an index on this node's disk)");
        }
        if (env.getProperty("spring.modulith.events.republish-outstanding-events-on-restart", Boolean.class, false)) {
            missing.add("spring.modulith.events.republish-outstanding-events-on-restart=false (a starting node would"
                    + " republish what other nodes are handling; EventResubmission does it once in the cluster)");
        }
        if (System.getenv("SIARCHIVE_MASTER_KEY") == null
                && env.getProperty("siarchive.crypto.master-key-file", "").isBlank()) {
            missing.add("SIARCHIVE_MASTER_KEY or siarchive.crypto.master-key-file (one master key for every node)");
        }
        if (env.getProperty("siarchive.crypto.create-master-key", Boolean.class, true)) {
            missing.add("siarchive.crypto.create-master-key=false (a node must never make a key of its own)");
        }
        if (env.getProperty("siarchive.crypto.key-dir", "").isBlank()) {
            missing.add("siarchive.crypto.key-dir (the signing keys every node signs with, on a shared volume)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(
                    "siarchive.cluster.enabled=true needs shared parts; set " + String.join("; ", missing));
        }
    }
}
