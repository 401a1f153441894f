package org.siarchive.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.siarchive.crypto.BackupCipher;
import org.siarchive.crypto.KeyEscrow;
import org.siarchive.crypto.MasterKey;
import org.siarchive.platform.EmbeddedDatabases;

/**
 * Restores a backup onto an empty data directory with the keys it was made under (the key directory, or
 * what {@code keys recover} took from the escrow): checks the manifest and every file first
 * ({@link BackupManifest#problems}: damage, a missing file, a wrong key, an altered manifest — refused
 * with all of them named before anything is written), installs the keys in {@code <dir>/keys}, decrypts
 * {@code ocfl/}, starts the embedded PostgreSQL on {@code <dir>/pg}, creates the schema with the migrations
 * up to the backup's version, loads every table from its decrypted COPY stream (constraints and triggers
 * deferred while loading) and moves each identity sequence past the largest restored id.
 */
public final class Restore {

    private Restore() {}

    public record Result(String schemaVersion, Map<String, Long> rows) {}

    public static Result restore(Path backup, Path dataDir, Map<String, byte[]> keyFiles) {
        try {
            if (!Files.isRegularFile(backup.resolve(BackupManifest.NAME))) {
                throw new RestoreRefused(List.of("no backup here: " + BackupManifest.NAME + " is missing"));
            }
            MasterKey master = KeyEscrow.masterKey(keyFiles);
            var manifest = checkedManifest(backup, master);
            var cipher = java.util.Objects.requireNonNull(manifest.cipher(master));
            requireEmpty(dataDir);
            Files.createDirectories(dataDir);
            KeyEscrow.install(keyFiles, dataDir.resolve("keys"));
            decryptTree(backup, "ocfl", dataDir.resolve("ocfl"), cipher);
            var rows = restoreDatabase(backup, dataDir.resolve("pg"), manifest, cipher);
            requireEveryRow(manifest.rows(), rows);
            return new Result(manifest.schema(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("restore failed: " + e.getMessage(), e);
        }
    }

    /** The manifest, once it and every file it lists check out under the key: refused naming every problem. */
    private static BackupManifest checkedManifest(Path backup, MasterKey master) throws IOException {
        var manifest = BackupManifest.read(backup);
        var problems = manifest.problems(backup, master);
        if (!problems.isEmpty()) {
            throw new RestoreRefused(problems);
        }
        return manifest;
    }

    private static void requireEmpty(Path dataDir) throws IOException {
        if (Files.exists(dataDir)) {
            try (Stream<Path> s = Files.list(dataDir)) {
                if (s.findAny().isPresent()) {
                    throw new RestoreRefused(List.of("restore needs an empty data directory: " + dataDir));
                }
            }
        }
    }

    /**
     * Starts PostgreSQL on {@code pgDir}, migrates to the backup's schema version and loads every table in one
     * transaction with constraints and triggers deferred; the rows loaded per table.
     */
    private static Map<String, Long> restoreDatabase(
            Path backup, Path pgDir, BackupManifest manifest, BackupCipher cipher) throws IOException, SQLException {
        try (var pg = EmbeddedDatabases.start(pgDir, 0)) {
            var ds = pg.getPostgresDatabase();
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .target(manifest.schema())
                    .load()
                    .migrate();
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                execute(c, "set session_replication_role = replica");
                var tables = tablesToLoad(c, manifest.rows().keySet());
                execute(
                        c,
                        "truncate table "
                                + String.join(
                                        ", ",
                                        tables.stream().map(Backups::quote).toList())
                                + " restart identity cascade");
                var rows = copyIn(c, backup, tables, cipher);
                moveSequencesPastRestoredIds(c);
                execute(c, "set session_replication_role = origin");
                c.commit();
                return rows;
            }
        }
    }

    /** The schema's tables but Flyway's own; refused when the backup has a table the schema lacks. */
    private static List<String> tablesToLoad(Connection c, java.util.Set<String> backedUp) throws SQLException {
        var tables = new ArrayList<>(Backups.tables(c));
        tables.remove("flyway_schema_history");
        for (String t : backedUp) {
            if (!t.equals("flyway_schema_history") && !tables.contains(t)) {
                throw new IllegalStateException("the backup has a table the schema lacks: " + t);
            }
        }
        return tables;
    }

    /** Loads each table from its decrypted COPY stream (each chunk authenticated as it is read). */
    private static Map<String, Long> copyIn(Connection c, Path backup, List<String> tables, BackupCipher cipher)
            throws IOException, SQLException {
        var rows = new LinkedHashMap<String, Long>();
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        for (String t : tables) {
            String name = "db/" + t + ".copy";
            Path file = backup.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try (InputStream in = cipher.decrypting(Files.newInputStream(file), name)) {
                rows.put(t, copy.copyIn("COPY " + Backups.quote(t) + " FROM STDIN (FORMAT binary)", in));
            }
        }
        return rows;
    }

    private static void moveSequencesPastRestoredIds(Connection c) throws SQLException {
        for (var col : identityColumns(c)) {
            execute(
                    c,
                    "select setval(pg_get_serial_sequence('"
                            + Backups.quote(col.get(0)).replace("'", "''")
                            + "', '" + col.get(1).replace("'", "''") + "'), coalesce((select max("
                            + Backups.quote(col.get(1)) + ") from " + Backups.quote(col.get(0))
                            + "), 0) + 1, false)");
        }
    }

    private static void requireEveryRow(Map<String, Long> expected, Map<String, Long> rows) {
        for (var e : expected.entrySet()) {
            if (!e.getKey().equals("flyway_schema_history")
                    && !e.getValue().equals(rows.getOrDefault(e.getKey(), 0L))) {
                throw new IllegalStateException("table " + e.getKey() + ": " + rows.get(e.getKey()) + " rows restored, "
                        + e.getValue() + " backed up");
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Decrypts {@code backup/<prefix>/…} into {@code to}; each file's chunks are authenticated as they are read. */
    private static void decryptTree(Path backup, String prefix, Path to, BackupCipher cipher) throws IOException {
        Path from = backup.resolve(prefix);
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = from.relativize(p).toString().replace('\\', '/');
                Path dest = to.resolve(rel);
                Files.createDirectories(dest.getParent());
                try (var in = cipher.decrypting(Files.newInputStream(p), prefix + "/" + rel)) {
                    Files.copy(in, dest);
                }
            }
        }
    }

    private static List<List<String>> identityColumns(Connection c) throws SQLException {
        var out = new ArrayList<List<String>>();
        try (var st = c.createStatement();
                var rs = st.executeQuery(
                        """
                        select table_name, column_name from information_schema.columns
                        where table_schema = 'public' and (is_identity = 'YES' or column_default like 'nextval%')
                          and table_name <> 'flyway_schema_history'
                        """)) {
            while (rs.next()) {
                out.add(List.of(rs.getString(1), rs.getString(2)));
            }
        }
        return out;
    }
}
