package org.siarchive.security;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditChain;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditPartitioning;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
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
 *   <li>{@code audit-partition}: moves the audit trail into a table partitioned by sequence number
 *       (docs/adr/0142); run again after an interruption, it continues; exit 0 when swapped, 3 when refused;
 *   <li>{@code keys rotate}: a new field key; every encrypted value is re-encrypted under it;
 *   <li>{@code keys rewrap --new-master-key-file=F}: writes a new master key to F and re-wraps the data keys
 *       under it; afterwards only F opens the database.
 * </ul>
 * Each run is audited as the operator {@code cli:<OS user>}.
 */
public final class AdminCommands {

    private AdminCommands() {}

    public static boolean handles(String command) {
        return command.equals("audit-verify") || command.equals("keys") || command.equals("audit-partition");
    }

    public static int run(Class<?> application, String command, String[] args) {
        var options = Options.parse(args);
        var app = new SpringApplication(application);
        try (ConfigurableApplicationContext context = app.run(options.springArgs())) {
            var actor = new Actor("cli:" + System.getProperty("user.name"), null, "127.0.0.1", "siarchive " + command);
            var audited =
                    new Audited(context.getBean(AuditTrail.class), context.getBean(TransactionTemplate.class), actor);
            if (command.equals("audit-verify")) {
                return verifyAudit(context.getBean(AuditChain.class), audited);
            }
            if (command.equals("audit-partition")) {
                return partitionAudit(context.getBean(AuditPartitioning.class), actor);
            }
            var rotation = context.getBean(KeyRotation.class);
            if ("rotate".equals(options.sub())) {
                return rotate(rotation, audited);
            }
            if ("rewrap".equals(options.sub()) && options.newMaster() != null) {
                return rewrap(rotation, options.newMaster(), audited);
            }
            System.err.println("usage: keys rotate | keys rewrap --new-master-key-file=FILE");
            return 64;
        }
    }

    /** The command line: a sub-command, the new master key file, and the rest for Spring. */
    private record Options(@Nullable String sub, @Nullable String newMaster, List<String> rest) {

        static Options parse(String[] args) {
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
            return new Options(sub, newMaster, rest);
        }

        /** The platform starts without its web server, demo data or start-up reconciliation. */
        String[] springArgs() {
            var all = new ArrayList<>(rest);
            all.addAll(List.of(
                    "--spring.main.web-application-type=none",
                    "--siarchive.demo.enabled=false",
                    "--siarchive.reconcile.on-startup=false"));
            return all.toArray(String[]::new);
        }
    }

    /** Records the command's audit entry as the operator, in its own transaction. */
    private record Audited(AuditTrail audit, TransactionTemplate tx, Actor actor) {

        void record(AuditedObject type, String id, AuditOperation action, String outcome, String detail) {
            tx.executeWithoutResult(s -> audit.record(actor, type, id, action, outcome, null, detail));
        }
    }

    private static int verifyAudit(AuditChain chain, Audited audited) {
        var report = chain.verify();
        System.out.printf(
                "audit trail: %d entries, head %d, %d signed checkpoints (last at %s), key %s%n",
                report.entries(), report.headSeq(), report.checkpoints(), report.lastCheckpointSeq(), report.keyId());
        if (report.intact()) {
            System.out.println("INTACT: every link verified");
        } else {
            System.out.println("BROKEN: " + report.findings().size() + " finding(s); first broken link:");
            report.findings().forEach(f -> System.out.printf("  %-20s entry %-8d %s%n", f.kind(), f.seq(), f.detail()));
        }
        audited.record(
                AuditedObject.AUDIT_TRAIL,
                "-",
                AuditOperation.VERIFY,
                report.intact() ? AuditTrail.SUCCESS : AuditTrail.FAILURE,
                AuditDetail.of(
                                "audit.detail.verified",
                                report.entries(),
                                report.findings().size())
                        .encoded());
        return report.intact() ? 0 : 2;
    }

    private static int rotate(KeyRotation rotation, Audited audited) {
        var result = rotation.rotateDataKey();
        audited.record(
                AuditedObject.CRYPTO_KEY,
                Integer.toString(result.newKeyId()),
                AuditOperation.ROTATE,
                AuditTrail.SUCCESS,
                result.reencrypted() + " values re-encrypted, retired " + result.retired());
        System.out.printf(
                "new field key %d; %d values re-encrypted; retired keys %s%n",
                result.newKeyId(), result.reencrypted(), result.retired());
        return 0;
    }

    private static int rewrap(KeyRotation rotation, String newMaster, Audited audited) {
        var next = MasterKey.generate(Path.of(newMaster));
        int n = rotation.rewrap(next);
        audited.record(
                AuditedObject.CRYPTO_KEY,
                "master",
                AuditOperation.REWRAP,
                AuditTrail.SUCCESS,
                n + " data keys re-wrapped; new master key fingerprint " + next.fingerprint());
        System.out.printf(
                "%d data keys re-wrapped under the new master key in %s (fingerprint %s).%n"
                        + "Replace the old key file (or %s) with it before the next start.%n",
                n, newMaster, next.fingerprint(), MasterKey.ENVIRONMENT);
        return 0;
    }

    private static int partitionAudit(AuditPartitioning partitioning, Actor actor) {
        try {
            var result = partitioning.convert(actor, 50_000, -1);
            System.out.printf(
                    "audit trail partitioned: %d entries (%d copied by this run) in %.1f s; drop"
                            + " audit_entry_unpartitioned once audit-verify reports INTACT%n",
                    result.entries(), result.copied(), result.seconds());
            return 0;
        } catch (IllegalStateException e) {
            System.err.println("refused: " + e.getMessage());
            return 3;
        }
    }
}
