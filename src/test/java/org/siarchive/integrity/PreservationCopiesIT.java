package org.siarchive.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ofdrw.reader.OFDReader;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.Renditions;
import org.siarchive.preservation.Digester;
import org.siarchive.preservation.Preservation;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.siarchive.support.ScanPages;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An item of page images gets an OFD preservation copy in its OCFL object, registered with its digests,
 * shown as a migration event, checked by the fixity sweep; an item with a PDF among its files gets none.
 */
class PreservationCopiesIT extends IntegrationTest {

    @Autowired
    Captures captures;

    @Autowired
    Catalog catalog;

    @Autowired
    Renditions renditions;

    @Autowired
    Preservation preservation;

    @Autowired
    PreservationEvents events;

    @Autowired
    FixitySweeps sweeps;

    private static byte[] page(int n) {
        var img = new BufferedImage(850, 1100, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 850, 1100);
        g.setColor(Color.BLACK);
        g.drawString("page " + n, 100, 100);
        g.dispose();
        return ScanPages.png(img, 100); // 8.5 × 11 inches
    }

    @Test
    void pageImagesGetAnOfdCopyThatTheSweepChecks() throws Exception {
        var images = captures.capture(
                        Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1963), "版式"),
                        List.of(Upload.ofBytes("p1.png", page(1)), Upload.ofBytes("p2.png", page(2))),
                        null,
                        Actor.SYSTEM)
                .item();
        var mixed = captures.capture(
                        Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1964), "混合"),
                        List.of(Upload.ofBytes("a.png", page(3)), Upload.ofBytes("b.pdf", Samples.pdf("mixed"))),
                        null,
                        Actor.SYSTEM)
                .item();

        var copy = await().atMost(Duration.ofSeconds(60))
                .until(() -> renditions.find(images.id(), PreservationCopies.KIND), java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(copy.logicalPath()).isEqualTo("preservation/" + images.archiveCode() + ".ofd");
        var stored = preservation.storagePaths(images.objectId()).get(copy.logicalPath());
        var actual = Digester.of(stored);
        assertThat(actual.sm3()).isEqualTo(copy.sm3());
        assertThat(actual.sha256()).isEqualTo(copy.sha256());
        try (var reader = new OFDReader(stored)) {
            assertThat(reader.getNumberOfPages()).isEqualTo(2);
            assertThat(reader.getPageSize(1).getWidth()).isBetween(215.8, 216.1); // 8.5 in
        }
        assertThat(events.forItem(images.id(), Access.SYSTEM))
                .anyMatch(e -> e.type().equals("migration")
                        && e.outcome().equals("SUCCESS")
                        && e.detail() != null
                        && e.detail().contains(copy.logicalPath()));
        // the other item's master includes a PDF: no copy (checked after the first copy exists)
        assertThat(renditions.find(mixed.id(), PreservationCopies.KIND)).isEmpty();

        // the sweep checks the copy like the masters
        byte[] bytes = Files.readAllBytes(stored);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(stored, bytes);
        try {
            var found = sweeps.inspect(catalog.requireItem(images.id()));
            assertThat(found)
                    .extracting(f -> f.kind() + " " + f.subject())
                    .containsExactly("CONTENT " + copy.logicalPath());
        } finally {
            bytes[bytes.length / 2] ^= 0x01;
            Files.write(stored, bytes);
        }
        assertThat(sweeps.inspect(catalog.requireItem(images.id()))).isEmpty();
    }
}
