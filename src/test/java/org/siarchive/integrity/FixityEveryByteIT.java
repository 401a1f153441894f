package org.siarchive.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.catalog.Renditions;
import org.siarchive.checks.PreservationCheck;
import org.siarchive.preservation.Preservation;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Actor;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.siarchive.support.ScanPages;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every stored byte of every object is checked against the digests its OCFL inventory records: a sidecar
 * with one Chinese character of {@code fondsName} changed, a sidecar changed only in whitespace, a flipped
 * byte in a copy and in a master, a deleted file and an unexpected extra file are each reported — and
 * nothing else — under the object's logical path, never the server's file-system path, in Chinese (English
 * with the language switch).
 */
class FixityEveryByteIT extends IntegrationTest {

    private static final Actor ARCHIVIST = new Actor("archivist", null, "127.0.0.1", "junit");

    @Autowired
    FixitySweeps sweeps;

    @Autowired
    Captures captures;

    @Autowired
    Catalog catalog;

    @Autowired
    Renditions renditions;

    @Autowired
    Preservation preservation;

    @Autowired
    PreservationMonitor monitor;

    @Autowired
    PreservationCheck cq;

    @Autowired
    AuditTrail audit;

    @Autowired
    Accounts accounts;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void reportsEveryKindOfChangedStoredByteUnderItsLogicalPath() throws Exception {
        // given: one item with an OFD preservation copy, five without, each with one kind of damage
        var withCopy = capturePageImages();
        var copy = await().atMost(Duration.ofSeconds(60))
                .until(() -> renditions.find(withCopy.id(), PreservationCopies.KIND), Optional::isPresent)
                .orElseThrow();
        var fondsChanged = capture(1);
        var whitespace = capture(2);
        var masterFlipped = capture(3);
        var deleted = capture(4);
        var extra = capture(5);
        var untouched = capture(6);

        flipOneByte(file(withCopy, copy.logicalPath()));
        changeOneCharacterOfFondsName(file(fondsChanged, Preservation.sidecarPath()));
        addWhitespace(file(whitespace, Preservation.sidecarPath()));
        flipOneByte(file(masterFlipped, masterFlipped.files().get(0).logicalPath()));
        Files.delete(file(deleted, deleted.files().get(1).logicalPath()));
        Path contentDir = file(extra, Preservation.sidecarPath()).getParent();
        Files.writeString(contentDir.resolve("unexpected.txt"), "planted");

        // when
        long sweep = runSweep();

        // then: exactly the planted damage, by kind and logical path
        var mine = List.of(
                withCopy.id(),
                fondsChanged.id(),
                whitespace.id(),
                masterFlipped.id(),
                deleted.id(),
                extra.id(),
                untouched.id());
        var findings = sweeps.findings(sweep).stream()
                .filter(f -> mine.contains(f.itemId()))
                .toList();
        Map<UUID, List<String>> found = findings.stream()
                .collect(Collectors.groupingBy(
                        FixitySweeps.Finding::itemId,
                        Collectors.mapping(f -> f.kind() + " " + f.subject(), Collectors.toList())));
        assertThat(found)
                .containsOnlyKeys(
                        withCopy.id(),
                        fondsChanged.id(),
                        whitespace.id(),
                        masterFlipped.id(),
                        deleted.id(),
                        extra.id());
        assertThat(found.get(withCopy.id())).containsExactly("CONTENT " + copy.logicalPath());
        assertThat(found.get(fondsChanged.id())).containsExactly("SIDECAR metadata.json");
        assertThat(found.get(whitespace.id())).containsExactly("SIDECAR metadata.json");
        assertThat(found.get(masterFlipped.id()))
                .containsExactly("CONTENT " + masterFlipped.files().get(0).logicalPath());
        assertThat(found.get(deleted.id()))
                .containsExactly("MISSING " + deleted.files().get(1).logicalPath());
        assertThat(found.get(extra.id())).containsExactly("EXTRA v1/content/unexpected.txt");

        // the archivist reads logical paths in Chinese (English with the language switch), no server path
        String dataDir = DATA_DIR.toAbsolutePath().toString();
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.subject() + f.detail()).doesNotContain(dataDir).doesNotContain("cannot be read");
            assertThat(sweeps.describe(f, Locale.SIMPLIFIED_CHINESE))
                    .contains(f.subject())
                    .doesNotContain(dataDir)
                    .containsPattern("\\p{IsHan}");
            assertThat(sweeps.describe(f, Locale.ENGLISH)).contains(f.subject()).doesNotContainPattern("\\p{IsHan}");
        });
        assertThat(monitor.open())
                .filteredOn(a -> a.subject().equals("sweep " + sweep))
                .singleElement()
                .satisfies(a -> assertThat(a.detail()).doesNotContain(dataDir).doesNotContain("found damage"));

        // the archivist's console: the sweep's findings and the alert, in Chinese, then in English
        var login = TestAccounts.create(
                accounts, "eb" + UUID.randomUUID().toString().substring(0, 8), 1, Set.of(Role.ARCHIVIST), 3, false);
        var console = new ConsoleSession(port);
        assertThat(console.login(login.username(), login.password(), login.codes()))
                .isEqualTo("/");
        var page = console.get("/integrity/sweeps/" + sweep);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("v1/content/unexpected.txt：对象中有 OCFL 清单未记录的文件", "metadata.json：元数据副本被改动")
                .doesNotContain(dataDir);
        assertThat(console.get("/integrity").body()).contains("首个问题：").doesNotContain(dataDir);
        assertThat(console.get("/integrity/sweeps/" + sweep + "?lang=en").body())
                .contains("v1/content/unexpected.txt: a file in the object that the OCFL inventory does not record");

        // each finding is audited as the item's fixity failure
        assertThat(audit.forObject(AuditedObject.ITEM, fondsChanged.id().toString()))
                .anyMatch(e -> e.operation().equals("FIXITY_FAILURE")
                        && "i18n:audit.detail.finding|#fixity.kind.SIDECAR|metadata.json".equals(e.detail()));
        assertThat(audit.forObject(AuditedObject.ITEM, extra.id().toString()))
                .anyMatch(e -> e.operation().equals("FIXITY_FAILURE")
                        && "i18n:audit.detail.finding|#fixity.kind.EXTRA|v1/content/unexpected.txt".equals(e.detail()));

        // the CQ four-property check, which reuses the sweep's check, reports the same items in Chinese
        var report = cq.run(null, ARCHIVIST);
        Map<UUID, List<String>> failed = report.failures().stream()
                .filter(f -> mine.contains(f.itemId()))
                .collect(
                        Collectors.groupingBy(f -> f.itemId(), Collectors.mapping(f -> f.code(), Collectors.toList())));
        assertThat(failed)
                .containsOnlyKeys(
                        withCopy.id(),
                        fondsChanged.id(),
                        whitespace.id(),
                        masterFlipped.id(),
                        deleted.id(),
                        extra.id());
        assertThat(failed.get(fondsChanged.id())).containsExactly("CQ-1-11");
        assertThat(failed.get(whitespace.id())).containsExactly("CQ-1-11");
        assertThat(failed.get(extra.id())).containsExactly("CQ-2-10");
        assertThat(report.failures())
                .filteredOn(f -> mine.contains(f.itemId()))
                .allSatisfy(f -> assertThat(f.detail()).doesNotContain(dataDir).containsPattern("\\p{IsHan}"));
    }

    private long runSweep() throws InterruptedException {
        for (int i = 0; i < 600 && sweeps.current().isPresent(); i++) {
            sweeps.work(); // one another test class left running
        }
        long sweep = sweeps.start(0, ARCHIVIST);
        for (int i = 0; i < 600 && sweeps.sweep(sweep).status().equals("RUNNING"); i++) {
            sweeps.work();
            Thread.sleep(100);
        }
        assertThat(sweeps.sweep(sweep).status()).isEqualTo("DONE");
        return sweep;
    }

    private ItemRecord capture(int n) {
        var s = Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1940 + n), "全字节" + n);
        var id = captures.capture(
                        s,
                        List.of(
                                Upload.ofBytes("a.png", Samples.png(7100 + n)),
                                Upload.ofBytes("b.pdf", Samples.pdf("every byte " + n))),
                        null,
                        Actor.SYSTEM)
                .item()
                .id();
        return catalog.requireItem(id);
    }

    private ItemRecord capturePageImages() {
        var id = captures.capture(
                        Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1947), "全字节副本"),
                        List.of(Upload.ofBytes("p1.png", page(1)), Upload.ofBytes("p2.png", page(2))),
                        null,
                        Actor.SYSTEM)
                .item()
                .id();
        return catalog.requireItem(id);
    }

    private static byte[] page(int n) {
        var img = new BufferedImage(850, 1100, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 850, 1100);
        g.setColor(Color.BLACK);
        g.drawString("every byte " + n, 100, 100);
        g.dispose();
        return ScanPages.png(img, 100);
    }

    private Path file(ItemRecord item, String logicalPath) {
        return preservation.storagePaths(item.objectId()).get(logicalPath);
    }

    private static void flipOneByte(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
    }

    /** 社会保险业务档案 → 社会保险业务档桉 style: one character of the value, the JSON still valid. */
    private static void changeOneCharacterOfFondsName(Path sidecar) throws Exception {
        String json = Files.readString(sidecar, StandardCharsets.UTF_8);
        int key = json.indexOf("\"fondsName\"");
        assertThat(key).as("the sidecar records the fonds name").isNotNegative();
        int value = json.indexOf('"', json.indexOf(':', key)) + 1;
        char c = json.charAt(value);
        assertThat(Character.UnicodeScript.of(c)).isEqualTo(Character.UnicodeScript.HAN);
        Files.writeString(
                sidecar, json.substring(0, value) + (char) (c + 1) + json.substring(value + 1), StandardCharsets.UTF_8);
    }

    private static void addWhitespace(Path sidecar) throws Exception {
        String json = Files.readString(sidecar, StandardCharsets.UTF_8);
        Files.writeString(sidecar, json.replaceFirst("\\{", "{ ") + "\n", StandardCharsets.UTF_8);
    }
}
