package org.siarchive.backup;

import java.io.IOException;
import java.io.OutputStream;
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
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.siarchive.audit.AuditTrail;
import org.siarchive.platform.DataDirectory;
import org.siarchive.preservation.Digester;
import org.siarchive.shared.Actor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a backup into an empty directory: {@code db/<table>.copy} (PostgreSQL binary COPY of every
 * table, all read in one REPEATABLE READ snapshot), {@code ocfl/} and {@code keys/} copied file by file
 * (OCFL content never changes once written; an object version written after the snapshot is reported by
 * start-up reconciliation after a restore), and last {@code backup.manifest}: schema version, row counts
 * and the SM3 of every file, so a damaged backup is found before it is restored.
 */
@Component
public class Backups {

    static final String MANIFEST = "backup.manifest";

    private final DataSource dataSource;
    private final DataDirectory data;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    Backups(DataSource dataSource, DataDirectory data, AuditTrail audit, TransactionTemplate tx) {
        this.dataSource = dataSource;
        this.data = data;
        this.audit = audit;
        this.tx = tx;
    }

    public record Summary(Path target, String schemaVersion, Map<String, Long> rows, int files, long bytes) {}

    public Summary backup(Path target, Actor actor) {
        try {
            if (Files.exists(target)) {
                try (Stream<Path> s = Files.list(target)) {
                    if (s.findAny().isPresent()) {
                        throw new IllegalArgumentException("the backup directory must be empty: " + target);
                    }
                }
            }
            Files.createDirectories(target.resolve("db"));
            var rows = new LinkedHashMap<String, Long>();
            String version;
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                c.setReadOnly(true);
                version = one(c, "select max(version) from flyway_schema_history where success");
                var copy = c.unwrap(PGConnection.class).getCopyAPI();
                for (String table : tables(c)) {
                    try (OutputStream out =
                            Files.newOutputStream(target.resolve("db").resolve(table + ".copy"))) {
                        long n = copy.copyOut("COPY " + quote(table) + " TO STDOUT (FORMAT binary)", out);
                        rows.put(table, n);
                    }
                }
                c.commit();
            }
            copyTree(data.resolve("ocfl"), target.resolve("ocfl"));
            copyTree(data.resolve("keys"), target.resolve("keys"));
            var lines = new ArrayList<String>();
            lines.add("schema " + version);
            rows.forEach((t, n) -> lines.add("rows " + t + " " + n));
            long bytes = 0;
            int files = 0;
            try (Stream<Path> walk = Files.walk(target)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String rel = target.relativize(p).toString();
                    lines.add("file " + sm3(p) + " " + Files.size(p) + " " + rel);
                    bytes += Files.size(p);
                    files++;
                }
            }
            Files.write(target.resolve(MANIFEST), lines, StandardCharsets.UTF_8);
            long total = bytes;
            int count = files;
            tx.executeWithoutResult(s -> audit.record(
                    actor,
                    "BACKUP",
                    target.toString(),
                    "BACKUP",
                    null,
                    count + " files, " + total + " bytes, schema " + version));
            return new Summary(target, version, rows, files, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("backup failed: " + e.getMessage(), e);
        }
    }

    static List<String> tables(Connection c) throws SQLException {
        var out = new ArrayList<String>();
        try (var st = c.createStatement();
                var rs = st.executeQuery(
                        "select tablename from pg_tables where schemaname = 'public' order by tablename")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static String one(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement();
                var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else if (Files.isRegularFile(p)) {
                    Files.createDirectories(dest.getParent());
                    Files.copy(p, dest, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static String sm3(Path p) throws IOException {
        return Digester.of(p).sm3();
    }
}
