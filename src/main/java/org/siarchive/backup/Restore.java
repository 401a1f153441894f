package org.siarchive.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import org.siarchive.platform.EmbeddedDatabases;

/**
 * Restores a backup onto an empty data directory: checks every file of the backup against its SM3 in
 * the manifest (a damaged backup is refused before anything is written), copies {@code ocfl/} and
 * {@code keys/}, starts the embedded PostgreSQL on {@code <dir>/pg}, creates the schema with the
 * migrations up to the backup's version, loads every table from its COPY file (constraints and triggers
 * deferred while loading) and moves each identity sequence past the largest restored id.
 */
public final class Restore {

    private Restore() {}

    public record Result(String schemaVersion, Map<String, Long> rows) {}

    public static Result restore(Path backup, Path dataDir) {
        try {
            var manifest = Files.readAllLines(backup.resolve(Backups.MANIFEST), StandardCharsets.UTF_8);
            String version = null;
            var expectedRows = new LinkedHashMap<String, Long>();
            for (String line : manifest) {
                String[] f = line.split(" ", 4);
                switch (f[0]) {
                    case "schema" -> version = f[1];
                    case "rows" -> expectedRows.put(f[1], Long.parseLong(f[2]));
                    case "file" -> {
                        Path p = backup.resolve(f[3]).normalize();
                        if (!p.startsWith(backup.normalize())) {
                            throw new IllegalStateException("backup manifest names a path outside the backup: " + f[3]);
                        }
                        if (!Files.isRegularFile(p)
                                || Files.size(p) != Long.parseLong(f[2])
                                || !Backups.sm3(p).equals(f[1])) {
                            throw new IllegalStateException("backup file damaged or missing: " + f[3]);
                        }
                    }
                    default -> throw new IllegalStateException("unreadable backup manifest line: " + line);
                }
            }
            if (version == null) {
                throw new IllegalStateException("backup manifest has no schema version");
            }
            if (Files.exists(dataDir)) {
                try (Stream<Path> s = Files.list(dataDir)) {
                    if (s.findAny().isPresent()) {
                        throw new IllegalArgumentException("restore needs an empty data directory: " + dataDir);
                    }
                }
            }
            Files.createDirectories(dataDir);
            Backups.copyTree(backup.resolve("ocfl"), dataDir.resolve("ocfl"));
            Backups.copyTree(backup.resolve("keys"), dataDir.resolve("keys"));
            var rows = new LinkedHashMap<String, Long>();
            try (var pg = EmbeddedDatabases.start(dataDir.resolve("pg"), 0)) {
                var ds = pg.getPostgresDatabase();
                Flyway.configure()
                        .dataSource(ds)
                        .locations("classpath:db/migration")
                        .target(version)
                        .load()
                        .migrate();
                try (Connection c = ds.getConnection()) {
                    c.setAutoCommit(false);
                    try (var st = c.createStatement()) {
                        st.execute("set session_replication_role = replica");
                    }
                    var tables = new ArrayList<>(Backups.tables(c));
                    tables.remove("flyway_schema_history");
                    for (String t : expectedRows.keySet()) {
                        if (!t.equals("flyway_schema_history") && !tables.contains(t)) {
                            throw new IllegalStateException("the backup has a table the schema lacks: " + t);
                        }
                    }
                    try (var st = c.createStatement()) {
                        st.execute("truncate table "
                                + String.join(
                                        ", ",
                                        tables.stream().map(Backups::quote).toList())
                                + " restart identity cascade");
                    }
                    var copy = c.unwrap(PGConnection.class).getCopyAPI();
                    for (String t : tables) {
                        Path file = backup.resolve("db").resolve(t + ".copy");
                        if (!Files.isRegularFile(file)) {
                            continue;
                        }
                        try (InputStream in = Files.newInputStream(file)) {
                            rows.put(t, copy.copyIn("COPY " + Backups.quote(t) + " FROM STDIN (FORMAT binary)", in));
                        }
                    }
                    for (var col : identityColumns(c)) {
                        try (var st = c.createStatement()) {
                            st.execute("select setval(pg_get_serial_sequence('"
                                    + Backups.quote(col.get(0)).replace("'", "''")
                                    + "', '" + col.get(1).replace("'", "''") + "'), coalesce((select max("
                                    + Backups.quote(col.get(1)) + ") from " + Backups.quote(col.get(0))
                                    + "), 0) + 1, false)");
                        }
                    }
                    try (var st = c.createStatement()) {
                        st.execute("set session_replication_role = origin");
                    }
                    c.commit();
                }
            }
            for (var e : expectedRows.entrySet()) {
                if (!e.getKey().equals("flyway_schema_history")
                        && !e.getValue().equals(rows.getOrDefault(e.getKey(), 0L))) {
                    throw new IllegalStateException("table " + e.getKey() + ": " + rows.get(e.getKey())
                            + " rows restored, " + e.getValue() + " backed up");
                }
            }
            return new Result(version, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("restore failed: " + e.getMessage(), e);
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
