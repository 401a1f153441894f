package org.siarchive.backup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.crypto.KeyDirectory;
import org.siarchive.crypto.KeyEscrow;
import org.siarchive.crypto.MasterKey;
import org.siarchive.shared.Actor;
import org.springframework.boot.SpringApplication;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code keys escrow --to=FILE [--passphrase-file=F]}: the key directory (and the master key, also when it
 * comes from the environment) into one passphrase-wrapped file, audited; {@code keys recover --from=FILE
 * --into=DIR [--passphrase-file=F]}: the key files back into an empty directory (for a restore, before any
 * platform exists to audit it). The other {@code keys} commands belong to the security module.
 */
final class KeyCommands {

    private KeyCommands() {}

    static boolean handles(String[] args) {
        return args.length > 1
                && args[0].equals("keys")
                && List.of("escrow", "recover").contains(args[1]);
    }

    static int run(Class<?> application, Options options, Actor actor) {
        try {
            if ("escrow".equals(options.sub()) && options.to() != null) {
                return escrow(application, options, actor);
            }
            if ("recover".equals(options.sub()) && options.from() != null && options.into() != null) {
                return recover(options);
            }
        } catch (RuntimeException e) {
            return BackupCommands.report("keys " + options.sub(), List.of(Options.describe(e)));
        }
        System.err.println("usage: keys escrow --to=FILE [--passphrase-file=F] | keys recover --from=FILE"
                + " --into=EMPTY_KEY_DIR [--passphrase-file=F]");
        return BackupCommands.USAGE;
    }

    private static int escrow(Class<?> application, Options options, Actor actor) {
        char[] passphrase = options.passphrase();
        var args = new ArrayList<>(options.rest());
        args.addAll(BackupCommands.quiet());
        try (var context = new SpringApplication(application).run(args.toArray(String[]::new))) {
            var master = context.getBean(MasterKey.class);
            var dir = context.getBean(KeyDirectory.class).path();
            var files = KeyEscrow.withMaster(KeyEscrow.read(dir), master);
            Path target = Path.of(options.to());
            KeyEscrow.write(files, target, passphrase);
            context.getBean(TransactionTemplate.class).executeWithoutResult(s -> context.getBean(AuditTrail.class)
                    .record(
                            actor,
                            AuditedObject.CRYPTO_KEY,
                            "escrow",
                            AuditOperation.ESCROW,
                            null,
                            String.join(", ", files.keySet()) + "; master key fingerprint " + master.fingerprint()));
            System.out.printf(
                    "key escrow written to %s: %s (master key fingerprint %s).%n"
                            + "Keep it and its passphrase apart from the backups.%n",
                    target, String.join(", ", files.keySet()), master.fingerprint());
            return 0;
        }
    }

    private static int recover(Options options) {
        var files = KeyEscrow.open(Path.of(options.from()), options.passphrase());
        KeyEscrow.install(files, Path.of(options.into()));
        System.out.printf(
                "recovered %s into %s (master key fingerprint %s)%n",
                String.join(", ", files.keySet()),
                options.into(),
                KeyEscrow.masterKey(files).fingerprint());
        return 0;
    }
}
