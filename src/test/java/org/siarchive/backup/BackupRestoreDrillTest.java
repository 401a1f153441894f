package org.siarchive.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siarchive.SiArchiveApplication;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.shared.Actor;
import org.siarchive.support.Samples;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Backup → restore onto an empty directory → drill, on two separate platforms (each with its own embedded
 * PostgreSQL and OCFL root): every item comes back with the same 档号 and identical digests, the restored
 * platform re-hashes every file and verifies the audit chain, and a damaged backup is refused. The keys
 * travel apart: escrowed under a passphrase by {@code keys escrow}, opened again for the restore.
 */
class BackupRestoreDrillTest {

    private static ConfigurableApplicationContext platform(Path dataDir) {
        return new SpringApplication(SiArchiveApplication.class)
                .run(
                        "--siarchive.data-dir=" + dataDir,
                        "--spring.main.web-application-type=none",
                        "--siarchive.demo.enabled=false",
                        "--siarchive.security.argon2.memory-kib=4096",
                        "--siarchive.audit.checkpoint-interval=PT24H");
    }

    @Test
    void aBackupRestoredOntoAnEmptyDirectoryPassesTheDrill(@TempDir Path tmp) throws Exception {
        Path source = tmp.resolve("source");
        Path backup = tmp.resolve("backup");
        Path restored = tmp.resolve("restored");
        Map<String, List<String>> originals = new LinkedHashMap<>();
        try (var ctx = platform(source)) {
            var captures = ctx.getBean(Captures.class);
            var catalog = ctx.getBean(Catalog.class);
            for (int n = 1; n <= 3; n++) {
                var s = Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1970 + n), "备份" + n);
                var item = captures.capture(
                                s,
                                List.of(
                                        Upload.ofBytes("a.png", Samples.png(9300 + n)),
                                        Upload.ofBytes("b.pdf", Samples.pdf("backup " + n))),
                                null,
                                Actor.SYSTEM)
                        .item();
                originals.put(item.archiveCode(), digests(catalog.requireItem(item.id())));
            }
        }

        // the keys go to the escrow by their own command, and come back from it for the restore
        Path escrow = tmp.resolve("escrow/keys.escrow");
        Path passphrase = Files.writeString(tmp.resolve("passphrase"), "正确的马电池订书钉 horse");
        int escrowed = BackupCommands.run(SiArchiveApplication.class, "keys", new String[] {
            "escrow",
            "--to=" + escrow,
            "--passphrase-file=" + passphrase,
            "--siarchive.data-dir=" + source,
            "--siarchive.security.argon2.memory-kib=4096"
        });
        assertThat(escrowed).isZero();
        int backedUp = BackupCommands.run(SiArchiveApplication.class, "backup", new String[] {
            "--to=" + backup, "--siarchive.data-dir=" + source, "--siarchive.security.argon2.memory-kib=4096"
        });
        assertThat(backedUp).isZero();
        assertThat(Files.readString(backup.resolve(Backups.MANIFEST))).contains("file ", "rows item 3");
        assertThat(Files.readString(escrow))
                .startsWith("SIARCHIVE-KEY-ESCROW 1")
                .doesNotContain(masterKeyHex(source));
        var keys = org.siarchive.crypto.KeyEscrow.open(escrow, "正确的马电池订书钉 horse".toCharArray());
        assertThat(keys).containsKey("master.key");

        Restore.restore(backup, restored, keys);
        assertThat(masterKeyHex(restored)).isEqualTo(masterKeyHex(source));
        try (var ctx = platform(restored)) {
            // the escrow came before the backup: its audit entry is in the restored trail
            assertThat(ctx.getBean(org.siarchive.audit.AuditTrail.class)
                            .forObject(org.siarchive.audit.AuditedObject.CRYPTO_KEY, "escrow"))
                    .anyMatch(e -> e.operation().equals("ESCROW") && e.actor().startsWith("cli:"));
            var outcome = ctx.getBean(DrillCheck.class).verify();
            assertThat(outcome.problems()).isEmpty();
            assertThat(outcome.auditIntact()).isTrue();
            assertThat(outcome.items()).isEqualTo(3);
            assertThat(outcome.files()).isEqualTo(6);
            var catalog = ctx.getBean(Catalog.class);
            for (var e : originals.entrySet()) {
                var item = catalog.itemByArchiveCode(e.getKey()).orElseThrow();
                assertThat(digests(catalog.requireItem(item.id()))).isEqualTo(e.getValue());
            }
            // the restored platform goes on: the next capture gets the next number, not a reused one
            var next = ctx.getBean(Captures.class)
                    .capture(
                            Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1990), "恢复后"),
                            List.of(
                                    Upload.ofBytes("a.png", Samples.png(9399)),
                                    Upload.ofBytes("b.pdf", Samples.pdf("after"))),
                            null,
                            Actor.SYSTEM)
                    .item();
            assertThat(originals).doesNotContainKey(next.archiveCode());
        }

        // a backup with one damaged file is refused before anything is written
        Path ocflFile;
        try (var walk = Files.walk(backup.resolve("ocfl"))) {
            ocflFile =
                    walk.filter(p -> p.toString().endsWith(".png")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(ocflFile);
        bytes[bytes.length / 2] ^= 1;
        Files.write(ocflFile, bytes);
        Path again = tmp.resolve("again");
        assertThatThrownBy(() -> Restore.restore(backup, again, keys))
                .isInstanceOf(RestoreRefused.class)
                .hasMessageContaining("damaged")
                .hasMessageContaining(".png");
        assertThat(again).doesNotExist();
    }

    private static String masterKeyHex(Path dataDir) throws java.io.IOException {
        return Files.readString(dataDir.resolve("keys/master.key")).strip();
    }

    private static List<String> digests(org.siarchive.catalog.ItemRecord item) {
        var out = new ArrayList<String>();
        item.files().forEach(f -> out.add(f.logicalPath() + " " + f.sizeBytes() + " " + f.sm3() + " " + f.sha256()));
        return out;
    }
}
