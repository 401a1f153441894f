package org.siarchive.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.preservation.Preservation;
import org.siarchive.shared.Actor;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every recorded finding is announced once, with the item, its 档号, the kind, the organisation path of its
 * fonds and the time, from inside the transaction that stores the finding (the row is visible to it), so a
 * listener with a persisted publication is told exactly when the finding is committed.
 */
class FixityFindingRecordedIT extends IntegrationTest {

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

    @Autowired
    ConfigurableApplicationContext context;

    /** An event as the test listener saw it, with what was true at the moment it was published. */
    record Seen(FixityFindingRecorded event, boolean inTransaction, long rowsVisible) {}

    @Test
    void eachRecordedFindingIsPublishedInItsTransaction() throws Exception {
        var item = captures.capture(
                        Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1972), "告知"),
                        List.of(
                                Upload.ofBytes("a.png", Samples.png(9131)),
                                Upload.ofBytes("b.pdf", Samples.pdf("notice"))),
                        null,
                        Actor.SYSTEM)
                .item();
        UUID untouched = captures.capture(
                        Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1973), "未动"),
                        List.of(
                                Upload.ofBytes("a.png", Samples.png(9132)),
                                Upload.ofBytes("b.pdf", Samples.pdf("untouched"))),
                        null,
                        Actor.SYSTEM)
                .item()
                .id();
        var stored =
                preservation.storagePath(item.objectId(), item.files().get(0).logicalPath());
        byte[] bytes = Files.readAllBytes(stored);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(stored, bytes);

        var seen = new CopyOnWriteArrayList<Seen>();
        ApplicationListener<ApplicationEvent> listener = e -> {
            if (e instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof FixityFindingRecorded r) {
                long rows = jdbc.sql(
                                "select count(*) from fixity_finding where sweep_id = :s and item_id = :i and kind = :k")
                        .param("s", r.sweepId())
                        .param("i", r.itemId())
                        .param("k", r.kind())
                        .query(Long.class)
                        .single();
                seen.add(new Seen(r, TransactionSynchronizationManager.isActualTransactionActive(), rows));
            }
        };
        context.addApplicationListener(listener);
        long sweep;
        try {
            for (int i = 0; i < 600 && sweeps.current().isPresent(); i++) {
                sweeps.work(); // one another test class left running
            }
            sweep = sweeps.start(0, new Actor("archivist", null, "127.0.0.1", "junit"));
            for (int i = 0; i < 600 && sweeps.sweep(sweep).status().equals("RUNNING"); i++) {
                sweeps.work();
                Thread.sleep(50);
            }
        } finally {
            context.removeApplicationListener(listener);
            bytes[bytes.length / 2] ^= 0x01;
            Files.write(stored, bytes);
        }
        assertThat(sweeps.sweep(sweep).status()).isEqualTo("DONE");

        var mine = seen.stream()
                .filter(s -> s.event().sweepId() == sweep && s.event().itemId().equals(item.id()))
                .toList();
        assertThat(mine).hasSize(1);
        var event = mine.get(0).event();
        assertThat(event.archiveCode()).isEqualTo(item.archiveCode());
        assertThat(event.kind()).isEqualTo("CONTENT");
        assertThat(event.subject()).isEqualTo(item.files().get(0).logicalPath());
        assertThat(event.orgPath()).isEqualTo(catalog.scopeAttributes(item.id()).orgPath());
        assertThat(event.recordedAt()).isNotNull();
        assertThat(mine.get(0).inTransaction())
                .as("published inside the business transaction")
                .isTrue();
        assertThat(mine.get(0).rowsVisible())
                .as("in the transaction that wrote the finding")
                .isEqualTo(1);
        assertThat(sweeps.findings(sweep))
                .filteredOn(f -> f.itemId().equals(item.id()))
                .singleElement()
                .satisfies(
                        f -> assertThat(f.kind() + " " + f.subject()).isEqualTo(event.kind() + " " + event.subject()));
        assertThat(seen).noneMatch(s -> s.event().itemId().equals(untouched));
        assertThat(seen.stream().filter(s -> s.event().sweepId() == sweep))
                .as("one event per recorded finding")
                .hasSize(sweeps.findings(sweep).size());
    }
}
