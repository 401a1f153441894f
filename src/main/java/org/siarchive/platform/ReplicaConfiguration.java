package org.siarchive.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.NodeLocal;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A PostgreSQL streaming replica for reads (issue 21, docs/deploy.md): with {@code siarchive.datasource.replica.url}
 * set, the application's DataSource sends read-only transactions ({@link ReplicaReads}) to the replica while it lags
 * by at most {@code siarchive.datasource.replica.max-lag} (default 5 s), checked every second; unset, nothing changes.
 */
@Configuration(proxyBeanMethods = false)
class ReplicaConfiguration {

    /** Wraps the DataSource bean once it exists; holds the routing for the beans below. */
    static final class ReplicaDataSource implements BeanPostProcessor, AutoCloseable {

        private final Environment env;
        private @Nullable ReplicaRouting routing;
        private @Nullable HikariDataSource pool;

        ReplicaDataSource(Environment env) {
            this.env = env;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            String url = env.getProperty("siarchive.datasource.replica.url", "");
            if (!"dataSource".equals(name)
                    || !(bean instanceof DataSource primary)
                    || url.isBlank()
                    || routing != null) {
                return bean;
            }
            var replica = new HikariDataSource();
            replica.setJdbcUrl(url);
            replica.setUsername(env.getProperty(
                    "siarchive.datasource.replica.username", env.getProperty("spring.datasource.username", "")));
            replica.setPassword(env.getProperty(
                    "siarchive.datasource.replica.password", env.getProperty("spring.datasource.password", "")));
            replica.setMaximumPoolSize(env.getProperty("siarchive.datasource.replica.pool-size", Integer.class, 10));
            replica.setReadOnly(true);
            replica.setPoolName("siarchive-replica");
            pool = replica;
            routing = new ReplicaRouting(
                    primary,
                    replica,
                    env.getProperty("siarchive.datasource.replica.max-lag", Duration.class, Duration.ofSeconds(5)));
            routing.check();
            return routing.dataSource();
        }

        @Nullable
        ReplicaRouting routing() {
            return routing;
        }

        @Override
        public void close() {
            if (pool != null) {
                pool.close();
            }
        }
    }

    @Bean(destroyMethod = "close")
    static ReplicaDataSource replicaDataSource(Environment env) {
        return new ReplicaDataSource(env);
    }

    @Bean
    ReplicaReads replicaReads(ReplicaDataSource replicas, PlatformTransactionManager transactions) {
        return new ReplicaReads(replicas.routing(), transactions);
    }

    @Bean
    ReplicaLag replicaLag(ReplicaReads reads) {
        return new ReplicaLag(reads);
    }

    /** Reads the replica's lag every second, on every node: each node decides for its own reads. */
    static class ReplicaLag {

        private final ReplicaReads reads;

        ReplicaLag(ReplicaReads reads) {
            this.reads = reads;
        }

        @Scheduled(fixedDelayString = "${siarchive.datasource.replica.check:PT1S}")
        @NodeLocal("each node routes its own reads by the lag it reads itself")
        void check() {
            reads.routing().ifPresent(ReplicaRouting::check);
        }
    }
}
