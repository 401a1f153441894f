package org.siarchive.preservation;

import io.ocfl.api.DigestAlgorithmRegistry;
import io.ocfl.core.OcflRepositoryBuilder;
import io.ocfl.core.db.DbType;
import io.ocfl.core.db.PostgresObjectDetailsDatabase;
import io.ocfl.core.extension.storage.layout.config.HashedNTupleLayoutConfig;
import io.ocfl.core.lock.DbObjectLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;

/** Opens the preservation store's OCFL root on local disk or in an S3-compatible bucket (docs/adr/0136). */
final class OcflStores {

    /** The lock table of ocfl-java's database object lock, created by db/migration/preservation/V21_10. */
    static final String LOCK_TABLE = "ocfl_object_lock";

    /** The table of ocfl-java's object details database, created by db/migration/preservation/V21_11. */
    static final String DETAILS_TABLE = "ocfl_object_details";

    private OcflStores() {}

    private static OcflRepositoryBuilder builder(Path workDir) {
        mkdirs(workDir);
        return new OcflRepositoryBuilder()
                .defaultLayoutConfig(new HashedNTupleLayoutConfig())
                // new objects record SHA-256 (OCFL 1.1 §3.5.1 allows sha512 or sha256): the digest every capture
                // and sweep computes anyway in its one pass, so checking a file against its inventory costs no
                // third digest; objects written with sha512 keep it (docs/adr/0037)
                .ocflConfig(config -> config.setDefaultDigestAlgorithm(DigestAlgorithmRegistry.sha256))
                .workDir(workDir);
    }

    /**
     * A root directory on local disk, locked in this JVM (ocfl-java's in-memory lock): one node writes it. The
     * root's own files and directory entry are fsynced once at start.
     */
    static OcflStore onDisk(Path root, Path workDir) {
        mkdirs(root);
        var repo = builder(workDir).storage(storage -> storage.fileSystem(root)).build();
        if (Files.isDirectory(root.resolve("extensions"))) {
            Durable.forceTree(root.resolve("extensions"));
        }
        try (Stream<Path> top = Files.list(root)) {
            top.filter(Files::isRegularFile).forEach(Durable::force);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Durable.force(root);
        Durable.force(root.getParent());
        return new OcflStore(repo, new DiskRoot(root), Duration.ofMinutes(1), () -> {});
    }

    /**
     * A root in an S3 bucket that several nodes share. Writers are serialised per object by ocfl-java's database
     * lock on the platform's PostgreSQL ({@code lockExpiry}: how long the row of a node that died keeps the
     * object locked). Every node reads an object's inventory from ocfl-java's object details table, replaced in the
     * transaction of each version's upload, not from the bucket, where the inventory and its sidecar are two keys
     * replaced one after the other; no inventory is cached in this JVM, since another node may write a newer one.
     */
    static OcflStore onS3(OcflReplica.S3 settings, Path workDir, DataSource dataSource, Duration lockExpiry) {
        var connection = new S3Connection(settings);
        try {
            var repo = builder(workDir)
                    .storage(storage -> storage.cloud(connection.cloud()))
                    .objectLock(new DbObjectLock(DbType.POSTGRES, LOCK_TABLE, dataSource, lockExpiry))
                    // the tables come from Flyway: built directly, not through the builders that run ocfl-java's DDL
                    .objectDetailsDb(
                            new PostgresObjectDetailsDatabase(DETAILS_TABLE, dataSource, true, 10, TimeUnit.SECONDS))
                    .inventoryCache(null)
                    .build();
            String description = "s3:" + settings.endpoint() + "/" + settings.bucket() + "/" + settings.prefix();
            return new OcflStore(repo, new S3Root(connection.cloud(), description), Duration.ofMinutes(2), connection);
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
