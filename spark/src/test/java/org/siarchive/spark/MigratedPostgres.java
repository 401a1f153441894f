package org.siarchive.spark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.flywaydb.core.Flyway;

/** The spark tests' database: a real embedded PostgreSQL with every migration of the platform applied. */
final class MigratedPostgres {

    private MigratedPostgres() {}

    static EmbeddedPostgres start() {
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Flyway.configure()
                .dataSource(postgres.getPostgresDatabase())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return postgres;
    }
}
