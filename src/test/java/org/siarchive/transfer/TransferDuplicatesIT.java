package org.siarchive.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.Scope;
import org.siarchive.support.ApiClient;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A package holding items already in the archive is not received silently as second records: by default it
 * is refused (409) naming each duplicate's 档号 and the item already held; the archivist may instead decide,
 * with a reason, to receive only the new items, and that decision is on record.
 */
class TransferDuplicatesIT extends IntegrationTest {

    static final Access ARCHIVIST =
            new Access(new Actor("dup-archivist", "ROOT", "127.0.0.1", "junit"), Scope.EVERYTHING, Set.of());

    @Autowired
    TransferPackages packages;

    @Autowired
    Captures captures;

    @Autowired
    Catalog catalog;

    @Autowired
    Organisations organisations;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private List<UUID> heldItems(int n, int seed) {
        catalog.ensureFonds("0009", "接收测试全宗", "接收测试社保中心", organisations.root().id(), Actor.SYSTEM);
        var out = new ArrayList<UUID>();
        for (int i = 1; i <= n; i++) {
            var s = Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1950 + i), "重复" + seed + i);
            out.add(captures.capture(
                            s,
                            List.of(
                                    Upload.ofBytes("a.png", Samples.png(seed * 10L + i)),
                                    Upload.ofBytes("b.pdf", Samples.pdf("duplicate " + seed + " " + i))),
                            null,
                            Actor.SYSTEM)
                    .item()
                    .id());
        }
        return out;
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void aPackageOfItemsAlreadyHeldIsRefusedNamingEachDuplicateAndTheItemHeld() throws Exception {
        // given two items held and a package exported from them
        var ids = heldItems(2, 8801);
        var exported = packages.export(ids, TransferPackages.Format.EEP, ARCHIVIST);
        long itemsBefore = count("item");

        // when the same package is received
        var r = new ApiClient(port)
                .multipart(
                        "/api/v1/transfers/receipts",
                        Map.of("fondsCode", "0009", "handedOverBy", "移交人", "witness", "监交人"),
                        "package",
                        "again.zip",
                        Files.readAllBytes(exported.file()));

        // then it is refused as a conflict naming both 档号 and the items already held
        assertThat(r.status()).as(new String(r.body())).isEqualTo(409);
        String body = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
        for (UUID id : ids) {
            assertThat(body).contains(catalog.requireItem(id).archiveCode(), id.toString());
        }
        assertThat(r.json().get("duplicates")).hasSize(2);
        // and nothing was received, while the refusal is on record
        assertThat(count("item")).isEqualTo(itemsBefore);
        assertThat(jdbc.sql(
                                "select count(*) from audit_entry where object_type = 'TRANSFER_RECEIPT' and operation = 'REJECT' and detail like :d")
                        .param("d", "%again.zip%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        Files.deleteIfExists(exported.file());
    }

    @Test
    void theArchivistMayReceiveOnlyTheNewRecordsWithAReasonAndTheDecisionIsOnRecord() throws Exception {
        // given a package whose records are all held
        var ids = heldItems(2, 8802);
        var exported = packages.export(ids, TransferPackages.Format.EEP, ARCHIVIST);
        long itemsBefore = count("item");

        // when the archivist decides to receive only the new records, with a reason
        var receipt = packages.receive(
                exported.file(),
                "skip.zip",
                new TransferPackages.Handover(
                        "0009", "移交人", "监交人", TransferPackages.OnDuplicates.SKIP, "上次移交已接收，本次仅补交新增"),
                ARCHIVIST);

        // then nothing held is received again, the receipt names what was skipped and what is held
        assertThat(receipt.received()).isEmpty();
        assertThat(receipt.duplicates())
                .extracting(TransferPackages.HeldDuplicate::itemId)
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(count("item")).isEqualTo(itemsBefore);
        // and the decision with its reason is in the handover register and the audit entry
        assertThat(jdbc.sql("select reason from transfer_receipt where id = :id")
                        .param("id", receipt.id())
                        .query(String.class)
                        .single())
                .contains("仅接收新增", "上次移交已接收", catalog.requireItem(ids.get(0)).archiveCode());
        assertThat(jdbc.sql(
                                "select reason from audit_entry where object_type = 'TRANSFER_RECEIPT' and object_id = :id and operation = 'RECEIVE'")
                        .param("id", Long.toString(receipt.id()))
                        .query(String.class)
                        .single())
                .contains("上次移交已接收");
        Files.deleteIfExists(exported.file());
    }

    @Test
    void aDecisionOtherThanRefusalNeedsAReason() throws Exception {
        var ids = heldItems(1, 8803);
        var exported = packages.export(ids, TransferPackages.Format.EEP, ARCHIVIST);

        var r = new ApiClient(port)
                .multipart(
                        "/api/v1/transfers/receipts",
                        Map.of("fondsCode", "0009", "handedOverBy", "移交人", "witness", "监交人", "duplicates", "KEEP"),
                        "package",
                        "keep.zip",
                        Files.readAllBytes(exported.file()));

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("duplicateReason");
        Files.deleteIfExists(exported.file());
    }
}
