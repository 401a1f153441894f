package org.siarchive.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ofdrw.reader.OFDReader;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.catalog.Renditions;
import org.siarchive.preservation.Preservation;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ReadableTime;
import org.siarchive.support.Samples;
import org.siarchive.support.ScanPages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deferred OFD copies (docs/adr/0122) on a platform of their own (the suite's runs them immediately): a capture only
 * queues its copy in the database; outside the window nothing is made; the window's run makes them all, each with its
 * rendition row and audit entry, and running it again changes nothing; a copy whose transaction never committed (as
 * after a kill between its OCFL version and its registration) is still queued and made by the next run; a copy whose
 * master no longer matches is tried up to max-attempts and then counted as failed.
 */
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // its own platform and PostgreSQL: closed after
class DeferredCopiesIT {

    static final Path DATA = tempDir();

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("siarchive.data-dir", DATA::toString);
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("siarchive.fixity.schedule-check", () -> "P1D");
        registry.add("siarchive.capture.max-file-size", () -> "5MB");
        registry.add("siarchive.security.initial-token-file", () -> DATA.resolve("initial-token")
                .toString());
        registry.add("siarchive.security.argon2.memory-kib", () -> "4096");
        registry.add("siarchive.audit.checkpoint-interval", () -> "PT24H");
        registry.add("siarchive.preservation.ofd-copies.mode", () -> "deferred");
        registry.add("siarchive.preservation.ofd-copies.window", () -> "22:00-06:00");
        registry.add("siarchive.preservation.ofd-copies.workers", () -> "2");
        // the test runs the queue at the times it chooses, never the wall clock
        registry.add("siarchive.preservation.ofd-copies.check", () -> "P1D");
    }

    @Autowired
    Captures captures;

    @Autowired
    Renditions renditions;

    @Autowired
    Preservation preservation;

    @Autowired
    OfdCopyRuns runs;

    @Autowired
    PendingCopies pending;

    @Autowired
    PreservationCopies copies;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    private static final ReadableTime TIME = ReadableTime.beijing();

    private static Instant at(int hour) {
        return ZonedDateTime.of(TIME.today(), java.time.LocalTime.of(hour, 0), TIME.zone())
                .toInstant();
    }

    @Test
    void capturesQueueTheirCopiesAndTheWindowsRunMakesThemAllOnce() throws Exception {
        var items = new ArrayList<ItemRecord>();
        for (int i = 0; i < 3; i++) {
            items.add(capture(List.of(Upload.ofBytes("p1.png", page(i)), Upload.ofBytes("p2.png", page(i + 10)))));
        }
        var mixed = capture(List.of(Upload.ofBytes("a.png", page(20)), Upload.ofBytes("b.pdf", Samples.pdf("m"))));
        await().atMost(Duration.ofSeconds(60)).until(() -> queued(items).size() == 3);
        awaitListeners();

        assertThat(queued(List.of(mixed)))
                .as("no copy for a master that is not page images")
                .isEmpty();
        assertThat(items).allSatisfy(i -> assertThat(renditions.find(i.id(), PreservationCopies.KIND))
                .as("nothing made at capture")
                .isEmpty());
        var before = runs.status().backlog();
        assertThat(before.pending()).isGreaterThanOrEqualTo(3);
        assertThat(before.oldest()).isNotNull();

        assertThat(runs.run(() -> at(12))).as("noon is outside 22:00-06:00").isZero();
        assertThat(queued(items)).hasSize(3);

        assertThat(runs.run(() -> at(23))).isGreaterThanOrEqualTo(3);
        for (var item : items) {
            var copy = renditions.find(item.id(), PreservationCopies.KIND).orElseThrow();
            try (var reader =
                    new OFDReader(preservation.storagePaths(item.objectId()).get(copy.logicalPath()))) {
                assertThat(reader.getNumberOfPages()).isEqualTo(2);
            }
            assertThat(renditionAudits(item.id())).isEqualTo(1);
        }
        assertThat(queued(items)).isEmpty();
        assertThat(runs.status().backlog().pending()).isZero();

        var versions =
                items.stream().map(i -> preservation.headVersion(i.objectId())).toList();
        assertThat(runs.run(() -> at(1))).as("a second run finds nothing to do").isZero();
        assertThat(items.stream()
                        .map(i -> preservation.headVersion(i.objectId()))
                        .toList())
                .isEqualTo(versions);
        assertThat(items).allSatisfy(i -> assertThat(renditionAudits(i.id())).isEqualTo(1));
    }

    @Test
    void aCopyWhoseTransactionNeverCommittedIsMadeByTheNextRun() throws Exception {
        var item = capture(List.of(Upload.ofBytes("k1.png", page(31)), Upload.ofBytes("k2.png", page(32))));
        await().atMost(Duration.ofSeconds(60)).until(() -> queued(List.of(item)).size() == 1);
        // the OCFL version is written, then the process "dies" before the registration commits
        tx.executeWithoutResult(s -> {
            assertThat(copies.make(item.id())).isEqualTo(PreservationCopies.Outcome.MADE);
            s.setRollbackOnly();
        });
        assertThat(renditions.find(item.id(), PreservationCopies.KIND)).isEmpty();
        assertThat(queued(List.of(item))).hasSize(1);

        // a new runner (nothing of the old one's memory) over the same database finishes it
        var restarted = new OfdCopyRuns(copies, pending, settings(), tx);
        assertThat(restarted.run(() -> at(2))).isGreaterThanOrEqualTo(1);
        assertThat(renditions.find(item.id(), PreservationCopies.KIND)).isPresent();
        assertThat(queued(List.of(item))).isEmpty();
        assertThat(renditionAudits(item.id())).isEqualTo(1);
    }

    @Test
    void aCopyWhoseMasterNoLongerMatchesIsTriedThenCountedAsFailed() throws Exception {
        var item = capture(List.of(Upload.ofBytes("f1.png", page(41)), Upload.ofBytes("f2.png", page(42))));
        await().atMost(Duration.ofSeconds(60)).until(() -> queued(List.of(item)).size() == 1);
        Path master = preservation.storagePaths(item.objectId()).values().stream()
                .filter(p -> p.toString().endsWith(".png"))
                .findFirst()
                .orElseThrow();
        byte[] bytes = Files.readAllBytes(master);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(master, bytes);
        try {
            long failedBefore = runs.status().backlog().failed();
            runs.run(() -> at(23));
            assertThat(renditions.find(item.id(), PreservationCopies.KIND)).isEmpty();
            assertThat(jdbc.sql("select attempts from ofd_copy_pending where item_id = :id")
                            .param("id", item.id())
                            .query(Integer.class)
                            .single())
                    .isEqualTo(3);
            assertThat(runs.status().backlog().failed()).isEqualTo(failedBefore + 1);
            assertThat(runs.run(() -> at(23))).as("given up: not tried again").isZero();
        } finally {
            bytes[bytes.length / 2] ^= 0x01;
            Files.write(master, bytes);
        }
    }

    private OfdCopySettings settings() {
        return new OfdCopySettings(
                OfdCopySettings.Mode.DEFERRED, OfdCopySettings.Window.parse("22:00-06:00"), 1, 3, TIME.zone());
    }

    private ItemRecord capture(List<Upload> files) {
        var s = Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1965), "延后版式");
        return captures.capture(s, files, null, Actor.SYSTEM).item();
    }

    private List<UUID> queued(List<ItemRecord> items) {
        return jdbc.sql("select item_id from ofd_copy_pending where item_id = any(:ids)")
                .param("ids", items.stream().map(ItemRecord::id).toArray(UUID[]::new))
                .query(UUID.class)
                .list();
    }

    private long renditionAudits(UUID itemId) {
        return jdbc.sql(
                        "select count(*) from audit_entry where object_type = 'ITEM' and object_id = :id and operation = 'RENDITION'")
                .param("id", itemId.toString())
                .query(Long.class)
                .single();
    }

    private void awaitListeners() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    private static byte[] page(int n) {
        var img = new BufferedImage(850, 1100, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 850, 1100);
        g.setColor(Color.BLACK);
        g.drawString("page " + n, 100, 100);
        g.dispose();
        return ScanPages.png(img, 100);
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("siarchive-deferred-copies-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir), "delete-deferred-copies"));
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // left for the system's temporary-file cleaning
        }
    }
}
