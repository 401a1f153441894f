package org.siarchive.backup;

import java.io.IOException;
import java.io.OutputStream;
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
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.crypto.BackupCipher;
import org.siarchive.crypto.MasterKey;
import org.siarchive.platform.DataDirectory;
import org.siarchive.preservation.Digester;
import org.siarchive.shared.Actor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a backup into an empty directory: {@code db/<table>.copy} (PostgreSQL binary COPY of every
 * table, all read in one REPEATABLE READ snapshot) and {@code ocfl/} file by file (OCFL content never
 * changes once written; an object version written after the snapshot is reported by start-up
 * reconciliation after a restore), every file SM4-GCM encrypted under a key derived from the master key
 * and the backup's salt ({@link BackupCipher}); and last {@code backup.manifest} ({@link BackupManifest}).
 * The key directory is never copied: keys are escrowed apart ({@code keys escrow}, ADR 0034), so a backup
 * alone reads no ID number and signs nothing.
 */
@Component
public class Backups {

    static final String MANIFEST = BackupManifest.NAME;

    private final DataSource dataSource;
    private final DataDirectory data;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final MasterKey master;

    Backups(DataSource dataSource, DataDirectory data, AuditTrail audit, TransactionTemplate tx, MasterKey master) {
        this.master = master;
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
            byte[] salt = BackupCipher.newSalt();
            var cipher = BackupCipher.derive(master, salt);
            var rows = new LinkedHashMap<String, Long>();
            String version;
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                c.setReadOnly(true);
                // the newest migration applied, by the order Flyway applied them: versions are text, and as
                // text "6.4" sorts after "12.8"
                version = one(
                        c,
                        "select version from flyway_schema_history where success and version is not null"
                                + " order by installed_rank desc limit 1");
                copyOut(c, target, cipher, rows);
                c.commit();
            }
            encryptTree(data.resolve("ocfl"), target, "ocfl", cipher);
            BackupManifest.write(target, salt, cipher, version, rows);
            long bytes = 0;
            int files = 0;
            try (Stream<Path> walk = Files.walk(target)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    bytes += Files.size(p);
                    files++;
                }
            }
            long total = bytes;
            int count = files;
            tx.executeWithoutResult(s -> audit.record(
                    actor,
                    AuditedObject.BACKUP,
                    target.toString(),
                    AuditOperation.BACKUP,
                    null,
                    AuditDetail.of("audit.detail.backup", count, total, version).encoded()));
            return new Summary(target, version, rows, files, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("backup failed: " + e.getMessage(), e);
        }
    }

    /** Writes every table's rows as an encrypted binary COPY stream, {@code db/<table>.copy}. */
    private static void copyOut(Connection c, Path target, BackupCipher cipher, Map<String, Long> rows)
            throws SQLException, IOException {
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        var partitioned = partitioned(c);
        for (String table : tables(c)) {
            String name = "db/" + table + ".copy";
            // a partitioned table is copied whole through its parent, and restored into it
            String source = partitioned.contains(table) ? "(select * from " + quote(table) + ")" : quote(table);
            try (OutputStream out = cipher.encrypting(Files.newOutputStream(target.resolve(name)), name)) {
                rows.put(table, copy.copyOut("COPY " + source + " TO STDOUT (FORMAT binary)", out));
            }
        }
    }

    /** The tables to copy: every table of the schema except partitions, whose rows their parent carries. */
    static List<String> tables(Connection c) throws SQLException {
        var out = new ArrayList<String>();
        try (var st = c.createStatement();
                var rs = st.executeQuery(
                        """
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
                        order by c.relname""")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static java.util.Set<String> partitioned(Connection c) throws SQLException {
        var out = new java.util.HashSet<String>();
        try (var st = c.createStatement();
                var rs = st.executeQuery(
                        """
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind = 'p'""")) {
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

    /** Every file under {@code from} encrypted to {@code backup/<prefix>/…}, named by that path in the backup. */
    static void encryptTree(Path from, Path backup, String prefix, BackupCipher cipher) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = prefix + "/" + from.relativize(p).toString().replace('\\', '/');
                Path dest = backup.resolve(name);
                Files.createDirectories(dest.getParent());
                try (var out = cipher.encrypting(Files.newOutputStream(dest), name)) {
                    Files.copy(p, out);
                }
            }
        }
    }

    static String sm3(Path p) throws IOException {
        return Digester.of(p).sm3();
    }
}
