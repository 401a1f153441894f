package org.siarchive.security;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.siarchive.audit.AuditChain;
import org.siarchive.audit.AuditTrail;
import org.siarchive.crypto.KeyRotation;
import org.siarchive.crypto.MasterKey;
import org.siarchive.shared.Actor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Operator commands, run with the platform stopped (an embedded database has one owner):
 * <ul>
 *   <li>{@code audit-verify}: walks the audit chain, prints the first broken link; exit 0 when intact, 2 when not;
 *   <li>{@code keys rotate}: a new field key; every encrypted value is re-encrypted under it;
 *   <li>{@code keys rewrap --new-master-key-file=F}: writes a new master key to F and re-wraps the data keys
 *       under it; afterwards only F opens the database.
 * </ul>
 * Each run is audited as the operator {@code cli:<OS user>}.
 */
public final class AdminCommands {

    private AdminCommands() {}

    public static boolean handles(String command) {
        return command.equals("audit-verify") || command.equals("keys");
    }

    public static int run(Class<?> application, String command, String[] args) {
        var rest = new ArrayList<String>();
        String newMaster = null;
        String sub = null;
        for (String a : args) {
            if (a.startsWith("--new-master-key-file=")) {
                newMaster = a.substring("--new-master-key-file=".length());
            } else if (!a.startsWith("--") && sub == null) {
                sub = a;
            } else {
                rest.add(a);
            }
        }
        rest.addAll(List.of(
                "--spring.main.web-application-type=none",
                "--siarchive.demo.enabled=false",
                "--siarchive.reconcile.on-startup=false"));
        var app = new SpringApplication(application);
        try (ConfigurableApplicationContext context = app.run(rest.toArray(String[]::new))) {
            var actor = new Actor("cli:" + System.getProperty("user.name"), null, "127.0.0.1", "siarchive " + command);
            var audit = context.getBean(AuditTrail.class);
            var tx = context.getBean(TransactionTemplate.class);
            if (command.equals("audit-verify")) {
                var report = context.getBean(AuditChain.class).verify();
                System.out.printf(
                        "audit trail: %d entries, head %d, %d signed checkpoints (last at %s), key %s%n",
                        report.entries(),
                        report.headSeq(),
                        report.checkpoints(),
                        report.lastCheckpointSeq(),
                        report.keyId());
                if (report.intact()) {
                    System.out.println("INTACT: every link verified");
                } else {
                    System.out.println("BROKEN: " + report.findings().size() + " finding(s); first broken link:");
                    report.findings()
                            .forEach(f -> System.out.printf("  %-20s entry %-8d %s%n", f.kind(), f.seq(), f.detail()));
                }
                tx.executeWithoutResult(s -> audit.record(
                        actor,
                        "AUDIT_TRAIL",
                        "-",
                        "VERIFY",
                        report.intact() ? AuditTrail.SUCCESS : AuditTrail.FAILURE,
                        null,
                        report.entries() + " entries, " + report.findings().size() + " findings"));
                return report.intact() ? 0 : 2;
            }
            var rotation = context.getBean(KeyRotation.class);
            if ("rotate".equals(sub)) {
                var result = rotation.rotateDataKey();
                tx.executeWithoutResult(s -> audit.record(
                        actor,
                        "CRYPTO_KEY",
                        Integer.toString(result.newKeyId()),
                        "ROTATE",
                        null,
                        result.reencrypted() + " values re-encrypted, retired " + result.retired()));
                System.out.printf(
                        "new field key %d; %d values re-encrypted; retired keys %s%n",
                        result.newKeyId(), result.reencrypted(), result.retired());
                return 0;
            }
            if ("rewrap".equals(sub) && newMaster != null) {
                var next = MasterKey.generate(Path.of(newMaster));
                int n = rotation.rewrap(next);
                tx.executeWithoutResult(s -> audit.record(
                        actor,
                        "CRYPTO_KEY",
                        "master",
                        "REWRAP",
                        null,
                        n + " data keys re-wrapped; new master key fingerprint " + next.fingerprint()));
                System.out.printf(
                        "%d data keys re-wrapped under the new master key in %s (fingerprint %s).%n"
                                + "Replace the old key file (or %s) with it before the next start.%n",
                        n, newMaster, next.fingerprint(), MasterKey.ENVIRONMENT);
                return 0;
            }
            System.err.println("usage: keys rotate | keys rewrap --new-master-key-file=FILE");
            return 64;
        }
    }
}
