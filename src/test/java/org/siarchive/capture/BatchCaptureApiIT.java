package org.siarchive.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemCaptured;
import org.siarchive.catalog.ItemsCaptured;
import org.siarchive.organisation.Organisations;
import org.siarchive.quality.Submission;
import org.siarchive.security.ApiTokens;
import org.siarchive.shared.Actor;
import org.siarchive.support.ApiClient;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The batch capture API over HTTP: per-item results, replays, limits, data scope and permission. */
class BatchCaptureApiIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail audit;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Organisations organisations;

    @Autowired
    Catalog catalog;

    static BatchRequests.Item good(long seed) {
        return new BatchRequests.Item(
                "batch-" + UUID.randomUUID(),
                Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1975), "周慧敏"),
                List.of(Samples.png(seed), Samples.pdf("ID " + seed)));
    }

    @Test
    void aRefusedItemDoesNotStopTheOthersAndEachGetsItsOwnResult() {
        var first = good(101);
        var bad = new BatchRequests.Item(
                "batch-bad-" + UUID.randomUUID(),
                withDocDate(good(0).metadata(), "2999-01-01"),
                List.of(Samples.png(102), Samples.pdf("x")));
        var third = good(103);
        long before = items();

        var r = send(ApiClient.initialToken(), List.of(first, bad, third), "");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("created").asLong()).isEqualTo(2);
        assertThat(body.get("refused").asLong()).isEqualTo(1);
        var results = body.get("items");
        assertThat(results.get(0).get("status").asInt()).isEqualTo(201);
        assertThat(results.get(0).get("item").get("status").asString()).isEqualTo("PRESERVED");
        var problem = results.get(1).get("problem");
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("index").asInt()).isEqualTo(1);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("docDate");
        assertThat(problem.get("errors").get(0).get("message").asString()).containsPattern("\\p{IsHan}");
        assertThat(results.get(2).get("outcome").asString()).isEqualTo("CREATED");
        assertThat(items()).isEqualTo(before + 2);
        for (int i : new int[] {0, 2}) {
            String id = results.get(i).get("item").get("id").asString();
            assertThat(audit.forObject(AuditedObject.ITEM, id))
                    .extracting(AuditTrail.Entry::operation)
                    .containsExactly("RECEIVE", "CAPTURE");
        }
    }

    /**
     * A group commit announces its captures once per listener (docs/adr/0127), and each listener still does its work
     * for every item: the OFD preservation copy of page images, the search index.
     */
    @Test
    void aBatchIsAnnouncedOncePerListenerAndEveryItemIsCopiedAndIndexed() {
        var batch = new ArrayList<BatchRequests.Item>();
        for (int i = 0; i < 3; i++) {
            batch.add(new BatchRequests.Item(
                    "pages-" + UUID.randomUUID(),
                    Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1971), "钱文静"),
                    List.of(Samples.png(601 + 2 * i), Samples.png(602 + 2 * i))));
        }

        var body = json(send(ApiClient.initialToken(), batch, ""));

        assertThat(body.get("created").asLong()).as(body.toString()).isEqualTo(3);
        var ids = new ArrayList<UUID>();
        var codes = new ArrayList<String>();
        body.get("items").forEach(r -> {
            ids.add(UUID.fromString(r.get("item").get("id").asString()));
            codes.add(r.get("item").get("archiveCode").asString());
        });
        String group = ItemsCaptured.class.getName();
        String single = ItemCaptured.class.getName();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(publications(group, ids.get(0), true))
                .isPositive()
                .isEqualTo(publications(group, ids.get(0), false)));
        for (var id : ids) {
            assertThat(publications(group, id, false))
                    .as("one publication per listener names every item of the group")
                    .isEqualTo(publications(group, ids.get(0), false));
            assertThat(publications(single, id, false))
                    .as("no publication per item")
                    .isZero();
        }
        assertThat(jdbc.sql("select count(*) from item_rendition where item_id in (:ids) and kind = 'PRESERVATION_OFD'")
                        .param("ids", ids)
                        .query(Long.class)
                        .single())
                .as("each item's OFD preservation copy")
                .isEqualTo(3);
        var api = new ApiClient(port, ApiClient.initialToken());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (var code : codes) {
                var found = api.get("/api/v1/search?archiveCode="
                                + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8))
                        .json();
                assertThat(found.get("total").asLong()).as(code).isEqualTo(1);
            }
        });
    }

    private long publications(String eventType, UUID item, boolean completedOnly) {
        return jdbc.sql("select count(*) from event_publication where event_type = :t and serialized_event like :item"
                        + (completedOnly ? " and completion_date is not null" : ""))
                .param("t", eventType)
                .param("item", "%" + item + "%")
                .query(Long.class)
                .single();
    }

    @Test
    void aRetriedBatchReplaysEveryCapturedItemAndWritesNothingNew() {
        var a = good(201);
        var b = good(202);
        var api = ApiClient.initialToken();
        var first = json(send(api, List.of(a, b), ""));
        long before = items();

        var again = json(send(api, List.of(a, b), "?lang=en"));
        var changed = json(send(
                api,
                List.of(new BatchRequests.Item(a.key(), a.metadata(), List.of(Samples.png(9), Samples.pdf("x")))),
                "?lang=en"));

        assertThat(again.get("replayed").asLong()).isEqualTo(2);
        assertThat(again.get("items").get(1).get("status").asInt()).isEqualTo(200);
        assertThat(again.get("items").get(0).get("item").get("archiveCode"))
                .isEqualTo(first.get("items").get(0).get("item").get("archiveCode"));
        assertThat(changed.get("items").get(0).get("problem").get("status").asInt())
                .isEqualTo(409);
        assertThat(items()).isEqualTo(before);
    }

    @Test
    void twoItemsWithOneKeyInOneBatchGiveOneItem() {
        var a = good(301);
        long before = items();

        var body = json(send(ApiClient.initialToken(), List.of(a, a), ""));

        assertThat(body.get("created").asLong()).isEqualTo(1);
        assertThat(body.get("replayed").asLong()).isEqualTo(1);
        assertThat(body.get("items").get(1).get("item").get("id"))
                .isEqualTo(body.get("items").get(0).get("item").get("id"));
        assertThat(items()).isEqualTo(before + 1);
    }

    @Test
    void moreItemsThanAllowedAreRefusedWholeAndAMissingPartOnlyItsItem() {
        var many = new ArrayList<BatchRequests.Item>();
        for (int i = 0; i < 201; i++) {
            many.add(new BatchRequests.Item("k" + i, good(0).metadata(), List.of()));
        }
        long before = items();

        var tooMany = send(ApiClient.initialToken(), many, "");
        var missing =
                BatchRequests.send(port, ApiClient.initialToken(), List.of(good(401)), Map.of("f0-0", "nope"), "");

        assertThat(tooMany.statusCode()).isEqualTo(422);
        assertThat(json(tooMany).get("errors").get(0).get("rule").asString()).isEqualTo("batchTooManyItems");
        var problem = json(missing).get("items").get(0).get("problem");
        assertThat(problem.get("errors").get(0).get("rule").asString()).isEqualTo("batchPartMissing");
        assertThat(items()).isEqualTo(before);
    }

    @Test
    void aFondsOutsideTheCallersScopeIsRefusedPerItemAndAWrongPermissionIs403() {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        var root = organisations.root();
        var county = organisations.create(root.id(), "BA" + run, "丙县社保中心" + run, "COUNTY", Actor.SYSTEM);
        var other = organisations.create(root.id(), "BB" + run, "丁县社保中心" + run, "COUNTY", Actor.SYSTEM);
        String fonds = "C" + run.substring(0, 4);
        String foreign = "D" + run.substring(0, 4);
        catalog.ensureFonds(fonds, "丙县档案", county.name(), county.id(), Actor.SYSTEM);
        catalog.ensureFonds(foreign, "丁县档案", other.name(), other.id(), Actor.SYSTEM);
        String clerk = tokens.issue("batch-" + run, county.id(), Set.of("capture:create"), 3, null, 1, Actor.SYSTEM)
                .token();
        String reader = tokens.issue(
                        "batch-r" + run, county.id(), Set.of("catalog:item:read"), 3, null, 1, Actor.SYSTEM)
                .token();
        var mine = new BatchRequests.Item("k-" + run, inFonds(fonds), List.of(Samples.png(501), Samples.pdf("a")));
        var theirs = new BatchRequests.Item("l-" + run, inFonds(foreign), List.of(Samples.png(502), Samples.pdf("b")));
        long before = items();

        var denied = send(reader, List.of(mine), "");
        var body = json(send(clerk, List.of(mine, theirs), ""));

        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(body.get("items").get(0).get("status").asInt())
                .as(body.toString())
                .isEqualTo(201);
        var problem = body.get("items").get(1).get("problem");
        assertThat(problem.get("errors").get(0).get("rule").asString()).isEqualTo("outOfScope");
        assertThat(items()).isEqualTo(before + 1);
    }

    private static Submission inFonds(String fonds) {
        return Samples.personEnrolment(fonds, null, Samples.acceptanceNo(), Samples.citizenId(1966), "郑国强", null, null);
    }

    static Submission withDocDate(Object metadata, String docDate) {
        var s = (Submission) metadata;
        return new Submission(
                s.fondsCode(),
                s.acceptanceNo(),
                s.businessStep(),
                s.insuranceType(),
                s.title(),
                s.responsible(),
                docDate,
                s.docNo(),
                s.securityLevel(),
                s.person(),
                s.employer(),
                s.handler(),
                s.handlingAgency(),
                s.handledAt(),
                s.files());
    }

    private long items() {
        return jdbc.sql("select count(*) from item").query(Long.class).single();
    }

    private static JsonNode json(HttpResponse<byte[]> r) {
        return ApiClient.JSON.readTree(r.body());
    }

    HttpResponse<byte[]> send(String token, List<BatchRequests.Item> items, String query) {
        return BatchRequests.send(port, token, items, Map.of(), query);
    }

    /** Sends the batch; {@code renamed} maps a part's real name to the one the manifest names instead. */
    HttpResponse<byte[]> sendRaw(
            String token, List<BatchRequests.Item> items, Map<String, String> renamed, String query) {
        return BatchRequests.send(port, token, items, renamed, query);
    }
}
