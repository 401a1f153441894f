package org.siarchive.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL server from the binaries shipped on Maven Central, with its cluster under
 * {@code <data-dir>/pg}, whenever {@code spring.datasource.url} is not set. With a URL, Spring Boot's
 * own DataSource is used instead and this class does nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DataDirectory data, @Value("${siarchive.embedded-db.port:0}") int port) {
        return EmbeddedDatabases.start(data.resolve("pg"), port);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres pg, @Value("${siarchive.embedded-db.pool-size:20}") int poolSize) {
        var ds = new HikariDataSource();
        ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(poolSize);
        ds.setPoolName("siarchive");
        return ds;
    }
}
