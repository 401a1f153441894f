package org.siarchive.backup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.siarchive.shared.Actor;
import org.springframework.boot.SpringApplication;

/**
 * Operator commands, run with the platform stopped (the embedded database has one owner):
 * <ul>
 *   <li>{@code backup --to=DIR}: writes a backup into the empty directory DIR;
 *   <li>{@code restore --from=DIR --into=DATA}: restores a backup onto an empty data directory;
 *   <li>{@code restore-drill --from=DIR --into=DATA}: restores, starts the restored platform without its web
 *       server, re-hashes every item and verifies the audit chain; exit 0 when all holds, 2 when not.
 * </ul>
 */
public final class BackupCommands {

    private BackupCommands() {}

    public static boolean handles(String command) {
        return List.of("backup", "restore", "restore-drill").contains(command);
    }

    public static int run(Class<?> application, String command, String[] args) {
        String to = null;
        String from = null;
        String into = null;
        var rest = new ArrayList<String>();
        for (String a : args) {
            if (a.startsWith("--to=")) {
                to = a.substring(5);
            } else if (a.startsWith("--from=")) {
                from = a.substring(7);
            } else if (a.startsWith("--into=")) {
                into = a.substring(7);
            } else {
                rest.add(a);
            }
        }
        var actor = new Actor("cli:" + System.getProperty("user.name"), null, "127.0.0.1", "siarchive " + command);
        if (command.equals("backup")) {
            if (to == null) {
                System.err.println("usage: backup --to=DIR");
                return 64;
            }
            rest.addAll(quiet());
            try (var context = new SpringApplication(application).run(rest.toArray(String[]::new))) {
                var summary = context.getBean(Backups.class).backup(Path.of(to), actor);
                System.out.printf(
                        "backup written to %s: schema %s, %d tables, %d files, %d bytes%n",
                        summary.target(),
                        summary.schemaVersion(),
                        summary.rows().size(),
                        summary.files(),
                        summary.bytes());
                return 0;
            }
        }
        if (from == null || into == null) {
            System.err.println("usage: " + command + " --from=BACKUP --into=EMPTY_DATA_DIR");
            return 64;
        }
        var result = Restore.restore(Path.of(from), Path.of(into));
        System.out.printf(
                "restored schema %s, %d tables into %s%n",
                result.schemaVersion(), result.rows().size(), into);
        if (command.equals("restore")) {
            return 0;
        }
        var outcome = drill(application, Path.of(into), rest);
        return outcome.passed() ? 0 : 2;
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

    private static List<String> quiet() {
        return List.of(
                "--spring.main.web-application-type=none",
                "--siarchive.demo.enabled=false",
                "--siarchive.security.initial-token-file=");
    }
}
