package org.siarchive.comparison;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads one dataset's rows in one transaction (docs/adr/0074): COPY into a fresh table without indexes, build
 * its primary key and token index, attach it as the dataset's partition of {@code reference_row}, write the
 * error rows, mark the dataset LOADED and audit the import — all or nothing. Progress (rows read and
 * rejected) is written alongside in short transactions of its own, so the dataset page shows it.
 */
@Component
class ReferenceLoader {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReferenceLoader.class);

    /** Error rows kept per dataset; beyond this the rejected rows are only counted. */
    static final int MAX_ERRORS = 100_000;

    private static final long PROGRESS_EVERY = 50_000;

    /** What a load did. */
    record Totals(long read, long loaded, long rejected) {}

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final DatasetRows rows;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final TransactionTemplate aside;

    ReferenceLoader(
            DataSource dataSource,
            JdbcClient jdbc,
            DatasetRows rows,
            AuditTrail audit,
            PlatformTransactionManager txm) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.rows = rows;
        this.audit = audit;
        this.tx = new TransactionTemplate(txm);
        this.aside = new TransactionTemplate(txm);
        aside.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    static String partition(long datasetId) {
        return "reference_row_p" + datasetId;
    }

    Totals load(
            long id,
            ImportPipeline.Source source,
            ReferenceValidator validator,
            Supplier<@Nullable String> encoding,
            Actor actor) {
        return tx.execute(s -> {
            String table = partition(id);
            jdbc.sql("create table " + table + " (like reference_row including defaults, constraint " + table
                            + "_ds check (dataset_id = " + id + "))")
                    .update();
            var sink = new Counting(id);
            long t0 = System.nanoTime();
            try {
                CopyIn copy = pg().getCopyAPI().copyIn("copy " + table + " from stdin (format binary)");
                sink.copy = copy;
                copy.writeToCopy(CopyBinary.HEADER, 0, CopyBinary.HEADER.length);
                new ImportPipeline(Runtime.getRuntime().availableProcessors()).run(source, validator, sink);
                copy.writeToCopy(CopyBinary.TRAILER, 0, CopyBinary.TRAILER.length);
                copy.endCopy();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            long t1 = System.nanoTime();
            jdbc.sql("alter table " + table + " add primary key (dataset_id, row_no)")
                    .update();
            jdbc.sql("create index " + table + "_token on " + table + " (token)")
                    .update();
            jdbc.sql("alter table reference_row attach partition " + table + " for values in (" + id + ")")
                    .update();
            log.info(
                    "reference dataset {}: {} rows read, {} loaded in {} ms (COPY), indexed and attached in {} ms",
                    id,
                    sink.read,
                    sink.loaded,
                    (t1 - t0) / 1_000_000,
                    (System.nanoTime() - t1) / 1_000_000);
            writeErrors(id, sink.errors);
            rows.loaded(id, sink.read, sink.loaded, sink.rejected, encoding.get());
            audit.record(
                    actor,
                    AuditedObject.REFERENCE_DATASET,
                    String.valueOf(id),
                    AuditOperation.IMPORT,
                    null,
                    AuditDetail.of("audit.detail.reference.imported", sink.loaded, sink.rejected)
                            .encoded());
            return new Totals(sink.read, sink.loaded, sink.rejected);
        });
    }

    /** Drops a dataset's rows: its partition (or its rows in the default partition). Caller's transaction. */
    void dropRows(long id) {
        String table = partition(id);
        boolean exists = jdbc.sql("select to_regclass(:t) is not null")
                .param("t", table)
                .query(Boolean.class)
                .single();
        if (exists) {
            jdbc.sql("alter table reference_row detach partition " + table).update();
            jdbc.sql("drop table " + table).update();
        }
        jdbc.sql("delete from reference_row_default where dataset_id = :id")
                .param("id", id)
                .update();
    }

    private PGConnection pg() throws SQLException {
        Connection c = DataSourceUtils.getConnection(dataSource);
        return c.unwrap(PGConnection.class);
    }

    private void writeErrors(long id, List<ImportError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        var text = new StringBuilder();
        for (var e : errors) {
            text.append(id)
                    .append('\t')
                    .append(e.rowNo())
                    .append('\t')
                    .append(ReferenceValidator.escape(e.column()))
                    .append('\t')
                    .append(e.rule())
                    .append('\t')
                    .append(e.valueMasked() == null ? "\\N" : ReferenceValidator.escape(e.valueMasked()))
                    .append('\n');
        }
        try {
            byte[] b = text.toString().getBytes(StandardCharsets.UTF_8);
            pg().getCopyAPI().copyIn("copy reference_import_error from stdin", new java.io.ByteArrayInputStream(b));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts what passes to COPY, keeps the first errors, and reports progress now and then. */
    private final class Counting implements ImportPipeline.Sink {
        final long id;

        @Nullable
        CopyIn copy;

        final List<ImportError> errors = new ArrayList<>();
        final java.util.Set<Long> erroneous = new java.util.HashSet<>();
        long read;
        long loaded;
        long rejected;
        long reported;

        Counting(long id) {
            this.id = id;
        }

        @Override
        public void write(byte[] copyData, int batchLoaded, List<ImportError> batchErrors, int batchRejected)
                throws IOException {
            try {
                if (copyData.length > 0) {
                    java.util.Objects.requireNonNull(copy).writeToCopy(copyData, 0, copyData.length);
                }
            } catch (SQLException e) {
                throw new IOException(e);
            }
            for (var e : batchErrors) {
                if (errors.size() < MAX_ERRORS && (erroneous.size() < MAX_ERRORS || erroneous.contains(e.rowNo()))) {
                    erroneous.add(e.rowNo());
                    errors.add(e);
                }
            }
            loaded += batchLoaded;
            rejected += batchRejected;
            read += batchLoaded + batchRejected;
            if (read - reported >= PROGRESS_EVERY) {
                reported = read;
                aside.executeWithoutResult(s -> rows.progress(id, read, rejected));
            }
        }
    }
}
