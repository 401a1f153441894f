package org.siarchive.backup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.siarchive.shared.Actor;
import org.springframework.boot.SpringApplication;

/**
 * Operator commands, run with the platform stopped (the embedded database has one owner):
 * <ul>
 *   <li>{@code backup --to=DIR}: writes an encrypted backup, without the keys, into the empty directory DIR;
 *   <li>{@code restore --from=DIR --into=DATA KEYS}: restores a backup onto an empty data directory;
 *   <li>{@code restore-drill --from=DIR --into=DATA KEYS}: restores, starts the restored platform without its
 *       web server, re-hashes every item and verifies the audit chain; exit 0 when all holds, 2 when not;
 *   <li>{@code keys escrow --to=FILE} and {@code keys recover --from=FILE --into=DIR} ({@link KeyCommands}).
 * </ul>
 * KEYS is {@code --keys=DIR} (a key directory) or {@code --escrow=FILE} with the escrow's passphrase. Every
 * problem ends in a report naming it and exit 2, never a stack trace.
 */
public final class BackupCommands {

    static final int PROBLEM = 2;
    static final int USAGE = 64;

    private BackupCommands() {}

    public static boolean handles(String[] args) {
        return args.length > 0
                && (List.of("backup", "restore", "restore-drill").contains(args[0]) || KeyCommands.handles(args));
    }

    public static int run(Class<?> application, String command, String[] args) {
        var options = Options.parse(args);
        var actor = new Actor("cli:" + System.getProperty("user.name"), null, "127.0.0.1", "siarchive " + command);
        if (command.equals("keys")) {
            return KeyCommands.run(application, options, actor);
        }
        if (command.equals("backup")) {
            return backup(application, options, actor);
        }
        if (options.from() == null || options.into() == null || !options.hasKeys()) {
            System.err.println("usage: " + command
                    + " --from=BACKUP --into=EMPTY_DATA_DIR (--keys=KEY_DIR | --escrow=FILE [--passphrase-file=F])");
            return USAGE;
        }
        boolean drill = command.equals("restore-drill");
        try {
            Map<String, byte[]> keys = options.keyFiles();
            var result = Restore.restore(Path.of(options.from()), Path.of(options.into()), keys);
            System.out.printf(
                    "restored schema %s, %d tables into %s%n",
                    result.schemaVersion(), result.rows().size(), options.into());
            if (!drill) {
                return 0;
            }
            return drill(application, Path.of(options.into()), options.rest()).passed() ? 0 : PROBLEM;
        } catch (RestoreRefused e) {
            return report(command, e.problems());
        } catch (RuntimeException e) {
            return report(command, List.of(Options.describe(e)));
        }
    }

    private static int backup(Class<?> application, Options options, Actor actor) {
        if (options.to() == null) {
            System.err.println("usage: backup --to=DIR");
            return USAGE;
        }
        var rest = new ArrayList<>(options.rest());
        rest.addAll(quiet());
        try (var context = new SpringApplication(application).run(rest.toArray(String[]::new))) {
            var summary = context.getBean(Backups.class).backup(Path.of(options.to()), actor);
            System.out.printf(
                    "backup written to %s: schema %s, %d tables, %d files, %d bytes, SM4-GCM encrypted%n"
                            + "The keys are not in the backup: keep a key escrow (keys escrow --to=FILE) apart from it.%n",
                    summary.target(), summary.schemaVersion(), summary.rows().size(), summary.files(), summary.bytes());
            return 0;
        }
    }

    /** The report of a refused restore or drill: each problem on its line, FAILED, exit 2. */
    static int report(String command, List<String> problems) {
        System.out.printf("%s: %d problem(s)%n", command, problems.size());
        problems.forEach(p -> System.out.println("  " + p));
        System.out.println("FAILED");
        return PROBLEM;
    }

    /** Starts the restored platform (no web server, no demo data) and runs the drill's checks. */
    public static DrillCheck.Outcome drill(Class<?> application, Path dataDir, List<String> extra) {
        var args = new ArrayList<>(extra);
        args.addAll(quiet());
        args.add("--siarchive.data-dir=" + dataDir);
        try (var context = new SpringApplication(application).run(args.toArray(String[]::new))) {
            var outcome = context.getBean(DrillCheck.class).verify();
            System.out.printf(
                    "restore drill: %d items, %d files re-hashed, %d audit entries (%s), %d problems%n",
                    outcome.items(),
                    outcome.files(),
                    outcome.auditEntries(),
                    outcome.auditIntact() ? "chain intact" : "CHAIN BROKEN",
                    outcome.problems().size());
            outcome.problems().forEach(p -> System.out.println("  " + p));
            System.out.println(outcome.passed() ? "PASSED" : "FAILED");
            return outcome;
        }
    }

    static List<String> quiet() {
        return List.of(
                "--spring.main.web-application-type=none",
                "--siarchive.demo.enabled=false",
                "--siarchive.security.initial-token-file=");
    }
}
