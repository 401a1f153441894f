package org.siarchive.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.preservation.Preservation;
import org.siarchive.shared.Actor;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A sweep validates an OCFL object in full only when its root inventory changed since the item's last passed check
 * (docs/adr/0113): an unchanged inventory is not validated again, while an inventory whose bytes were changed (its
 * digest sidecar not) and a sidecar that was changed (the inventory not) are both still caught, and an item whose
 * recorded inventory digest no longer matches is validated in full again.
 */
class InventoryRevalidationIT extends IntegrationTest {

    private static final Actor ARCHIVIST = new Actor("archivist", null, "127.0.0.1", "junit");

    @Autowired
    FixitySweeps sweeps;

    @Autowired
    Captures captures;

    @Autowired
    Catalog catalog;

    @Autowired
    Preservation preservation;

    @Autowired
    JdbcClient jdbc;

    @Test
    void validatesOnlyChangedInventoriesAndStillCatchesATamperedInventoryOrSidecar() throws Exception {
        UUID unchanged = capture(1);
        UUID inventoryEdited = capture(2);
        UUID sidecarEdited = capture(3);
        UUID forgotten = capture(4);
        var mine = List.of(unchanged, inventoryEdited, sidecarEdited, forgotten);

        // given a first sweep that validated every object in full and passed
        assertThat(findings(sweep(), mine)).isEmpty();
        Map<UUID, Row> first = rows(mine);
        assertThat(first.values()).allSatisfy(r -> {
            assertThat(r.digest()).startsWith("sha256:");
            assertThat(r.validatedAt()).isNotNull();
        });

        // when one inventory's bytes change (not its sidecar), one sidecar changes (not its inventory), and one
        // item's recorded digest is no longer the inventory's
        Path inventory = objectRoot(inventoryEdited).resolve("inventory.json");
        String json = Files.readString(inventory, StandardCharsets.UTF_8);
        Files.writeString(inventory, json.replaceFirst("\"message\"\\s*:\\s*\"", "$0改"), StandardCharsets.UTF_8);
        assertThat(Files.readString(inventory, StandardCharsets.UTF_8)).isNotEqualTo(json);
        Path sidecar = objectRoot(sidecarEdited).resolve("inventory.json.sha256");
        Files.writeString(sidecar, "0".repeat(64) + "  inventory.json\n", StandardCharsets.US_ASCII);
        jdbc.sql("update item_fixity set inventory_digest = :d where item_id = :i")
                .param("d", "sha256:" + "1".repeat(64))
                .param("i", forgotten)
                .update();
        Thread.sleep(20); // so a new validation time differs from the first

        long second = sweep();

        // then both tampered objects are caught, the others pass
        Map<UUID, List<String>> found = findings(second, mine);
        assertThat(found).containsOnlyKeys(inventoryEdited, sidecarEdited);
        assertThat(found.get(inventoryEdited)).contains(ItemFixityCheck.INVENTORY);
        assertThat(found.get(sidecarEdited)).contains(ItemFixityCheck.INVENTORY);
        Map<UUID, Row> after = rows(mine);
        // the unchanged object was checked again but not validated again; the forgotten one was validated again
        assertThat(after.get(unchanged).checkedAt())
                .isAfter(first.get(unchanged).checkedAt());
        assertThat(after.get(unchanged).validatedAt())
                .isEqualTo(first.get(unchanged).validatedAt());
        assertThat(after.get(unchanged).digest()).isEqualTo(first.get(unchanged).digest());
        assertThat(after.get(forgotten).validatedAt())
                .isAfter(first.get(forgotten).validatedAt());
        assertThat(after.get(forgotten).digest()).isEqualTo(first.get(forgotten).digest());
        // a failed check forgets the digest: the next sweep validates those objects in full
        assertThat(after.get(inventoryEdited).digest()).isNull();
        assertThat(after.get(sidecarEdited).digest()).isNull();
        assertThat(after.get(sidecarEdited).validatedAt()).isNull();
    }

    private UUID capture(int n) {
        var s = Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1960 + n), "复核" + n);
        return captures.capture(
                        s,
                        List.of(
                                Upload.ofBytes("a.png", Samples.png(8000 + n)),
                                Upload.ofBytes("b.pdf", Samples.pdf("inventory " + n))),
                        null,
                        Actor.SYSTEM)
                .item()
                .id();
    }

    private Path objectRoot(UUID item) {
        var record = catalog.requireItem(item);
        // <object root>/v1/content/metadata.json
        return preservation
                .storagePath(record.objectId(), Preservation.sidecarPath())
                .getParent()
                .getParent()
                .getParent();
    }

    private long sweep() throws InterruptedException {
        for (int i = 0; i < 600 && sweeps.current().isPresent(); i++) {
            sweeps.work(); // one another test class left running
        }
        long sweep = sweeps.start(0, ARCHIVIST);
        for (int i = 0; i < 600 && sweeps.sweep(sweep).status().equals("RUNNING"); i++) {
            sweeps.work();
            Thread.sleep(50);
        }
        assertThat(sweeps.sweep(sweep).status()).isEqualTo("DONE");
        return sweep;
    }

    private Map<UUID, List<String>> findings(long sweep, List<UUID> mine) {
        return sweeps.findings(sweep).stream()
                .filter(f -> mine.contains(f.itemId()))
                .collect(Collectors.groupingBy(
                        FixitySweeps.Finding::itemId,
                        Collectors.mapping(FixitySweeps.Finding::kind, Collectors.toList())));
    }

    private record Row(OffsetDateTime checkedAt, String digest, OffsetDateTime validatedAt) {}

    private Map<UUID, Row> rows(List<UUID> items) {
        return jdbc
                .sql(
                        "select item_id, checked_at, inventory_digest, inventory_validated_at from item_fixity where item_id = any(:i)")
                .param("i", items.toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(
                        rs.getObject(1, UUID.class),
                        new Row(
                                rs.getObject(2, OffsetDateTime.class),
                                rs.getString(3),
                                rs.getObject(4, OffsetDateTime.class))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
