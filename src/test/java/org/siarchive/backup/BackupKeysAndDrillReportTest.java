package org.siarchive.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siarchive.SiArchiveApplication;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.shared.Actor;
import org.siarchive.support.Samples;
import org.springframework.boot.SpringApplication;

/**
 * A backup carries no key and no readable content (ADR 0034); a restore drill of a backup with a damaged
 * file, a missing file, or under the wrong key ends in a report naming the problem and exit 2, not a stack
 * trace, and writes nothing.
 */
class BackupKeysAndDrillReportTest {

    private static final String TITLE = "钥匙不进备份";
    private static final String PDF_TEXT = "backup content marker 20261129";

    @TempDir
    static Path tmp;

    static Path source;
    static Path backup;

    @BeforeAll
    static void oneBackupOfOneItem() {
        source = tmp.resolve("source");
        backup = tmp.resolve("backup");
        try (var ctx = new SpringApplication(SiArchiveApplication.class)
                .run(
                        "--siarchive.data-dir=" + source,
                        "--spring.main.web-application-type=none",
                        "--siarchive.demo.enabled=false",
                        "--siarchive.security.argon2.memory-kib=4096",
                        "--siarchive.audit.checkpoint-interval=PT24H")) {
            ctx.getBean(Captures.class)
                    .capture(
                            Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1975), TITLE),
                            List.of(
                                    Upload.ofBytes("a.png", Samples.png(9501)),
                                    Upload.ofBytes("b.pdf", Samples.pdf(PDF_TEXT))),
                            null,
                            Actor.SYSTEM);
            ctx.getBean(Backups.class).backup(backup, Actor.SYSTEM);
            assertThat(ctx.getBean(AuditTrail.class).forObject(AuditedObject.BACKUP, backup.toString()))
                    .anyMatch(e -> e.operation().equals("BACKUP"));
        }
    }

    @Test
    void aBackupHoldsNoKeyAndNoReadableContent() throws Exception {
        assertThat(backup.resolve("keys")).doesNotExist();
        try (Stream<Path> walk = Files.walk(backup)) {
            var files = walk.filter(Files::isRegularFile).toList();
            assertThat(files).noneMatch(p -> p.getFileName().toString().endsWith(".key"));
            byte[] masterKey =
                    Files.readString(source.resolve("keys/master.key")).strip().getBytes(StandardCharsets.US_ASCII);
            for (Path p : files) {
                byte[] bytes = Files.readAllBytes(p);
                assertThat(contains(bytes, masterKey)).as("master key in %s", p).isFalse();
                if (!p.getFileName().toString().equals("backup.manifest")) {
                    assertThat(contains(bytes, TITLE.getBytes(StandardCharsets.UTF_8)))
                            .as("title in clear in %s", p)
                            .isFalse();
                    assertThat(contains(bytes, PDF_TEXT.getBytes(StandardCharsets.US_ASCII)))
                            .as("PDF text in clear in %s", p)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void aDrillOfABackupWithADamagedFileReportsItAndExits2() throws Exception {
        Path damaged = copyOfBackup("damaged");
        Path png = storedFile(damaged, ".png");
        byte[] bytes = Files.readAllBytes(png);
        bytes[bytes.length / 2] ^= 1;
        Files.write(png, bytes);

        var run = drill(damaged, source.resolve("keys"), "into-damaged");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out())
                .contains("damaged: " + relative(damaged, png), "FAILED")
                .doesNotContain("Exception");
        assertThat(tmp.resolve("into-damaged")).doesNotExist();
    }

    @Test
    void aDrillOfABackupWithAMissingFileReportsItAndExits2() throws Exception {
        Path missing = copyOfBackup("missing");
        Path pdf = storedFile(missing, ".pdf");
        Files.delete(pdf);

        var run = drill(missing, source.resolve("keys"), "into-missing");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out())
                .contains("missing: " + relative(missing, pdf), "FAILED")
                .doesNotContain("Exception");
        assertThat(tmp.resolve("into-missing")).doesNotExist();
    }

    @Test
    void aDrillUnderTheWrongKeyReportsItAndExits2() throws Exception {
        Path otherKeys = Files.createDirectories(tmp.resolve("other-keys"));
        Files.writeString(otherKeys.resolve("master.key"), "00112233445566778899aabbccddeeff\n");

        var run = drill(backup, otherKeys, "into-wrong-key");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("wrong key", "FAILED").doesNotContain("Exception");
        assertThat(tmp.resolve("into-wrong-key")).doesNotExist();
    }

    private record Run(int exit, String out) {}

    private static Run drill(Path from, Path keys, String into) {
        var captured = new ByteArrayOutputStream();
        var original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = BackupCommands.run(SiArchiveApplication.class, "restore-drill", new String[] {
                "--from=" + from, "--into=" + tmp.resolve(into), "--keys=" + keys
            });
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        original.print(out);
        return new Run(exit, out);
    }

    private static Path copyOfBackup(String name) throws Exception {
        Path copy = tmp.resolve(name);
        try (Stream<Path> walk = Files.walk(backup)) {
            for (Path p : walk.toList()) {
                Path dest = copy.resolve(backup.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
        return copy;
    }

    private static Path storedFile(Path in, String suffix) throws Exception {
        try (Stream<Path> walk = Files.walk(in.resolve("ocfl"))) {
            return walk.filter(p -> p.toString().endsWith(suffix)).findFirst().orElseThrow();
        }
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
