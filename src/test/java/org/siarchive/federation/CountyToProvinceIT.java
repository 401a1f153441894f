package org.siarchive.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.siarchive.audit.AuditTrail;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.ApiTokens;
import org.siarchive.shared.Actor;
import org.siarchive.support.ApiClient;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.siarchive.support.SecondInstallation;
import org.siarchive.transfer.TransferSigning;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * County → province push with two running installations: the suite's application is the county, a second
 * application context the province (its own database), trusting the county's transfer key. The county captures,
 * its push job sends signed batches, the province finds the entries within the county's scope only; an unreachable
 * province leaves the batch pending and the same sequence is sent again; a replayed batch answers the same, a gap
 * is a 409 naming the expected sequence, a tampered batch is refused, a tombstone takes an entry out of the search.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CountyToProvinceIT extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static SecondInstallation province;
    static String countyCode = "XJ" + UUID.randomUUID().toString().substring(0, 6);
    static String feedToken;
    static String otherFeedToken;
    static String countyReader;
    static String otherReader;
    static final List<String> codes = new ArrayList<>();
    static String cert = Samples.citizenId(1971);

    @Autowired
    Captures captures;

    @Autowired
    Catalog catalog;

    @Autowired
    FieldCipher cipher;

    @Autowired
    TransferSigning signing;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    AuditTrail audit;

    @AfterAll
    static void stopProvince() {
        if (province != null) {
            province.close();
        }
    }

    ApiClient atProvince(String token) {
        return new ApiClient(province.port, token);
    }

    FeedJob job(String provinceUrl) {
        var settings = new FederationSettings(true, provinceUrl, feedToken, countyCode, 0, null);
        var push = new CountyPush(jdbc, tx, catalog, cipher, signing, settings, new ProvinceClient(settings), audit);
        return new FeedJob(push, settings);
    }

    String capture(int n) {
        return captures.capture(
                        Samples.personEnrolment("0001", null, Samples.acceptanceNo(), cert, "汇交甲", null, null),
                        List.of(
                                Upload.ofBytes("a.png", Samples.png(18_100 + n)),
                                Upload.ofBytes("b.pdf", Samples.pdf("federation " + n))),
                        null,
                        Actor.SYSTEM)
                .item()
                .archiveCode();
    }

    @Test
    @Order(1)
    void countyPushesAndTheProvinceFindsTheEntriesInTheCountysScopeOnly() {
        province = Province.start(signing.sign(new byte[] {1}).keyId());
        var orgs = province.bean(Organisations.class);
        var county = orgs.create(orgs.root().id(), countyCode, "汇交县", "COUNTY", Actor.SYSTEM);
        var other = orgs.create(orgs.root().id(), "YX" + countyCode, "另一县", "COUNTY", Actor.SYSTEM);
        var tokens = province.bean(ApiTokens.class);
        feedToken = tokens.issue("county-feed", county.id(), Set.of("preservation:transfer"), 1, null, 1, Actor.SYSTEM)
                .token();
        otherFeedToken = tokens.issue(
                        "other-feed", other.id(), Set.of("preservation:transfer"), 1, null, 1, Actor.SYSTEM)
                .token();
        countyReader = tokens.issue("county-reader", county.id(), Set.of("search:query"), 1, null, 1, Actor.SYSTEM)
                .token();
        otherReader = tokens.issue("other-reader", other.id(), Set.of("search:query"), 1, null, 1, Actor.SYSTEM)
                .token();
        codes.add(capture(1));
        codes.add(capture(2));

        assertThat(job("http://127.0.0.1:" + province.port).runNow()).isGreaterThanOrEqualTo(1);

        for (String code : codes) {
            var hits = atProvince(countyReader).get("/api/v1/federation/catalogue?q=" + code);
            assertThat(hits.status()).isEqualTo(200);
            assertThat(hits.json()).hasSize(1);
            assertThat(hits.json().get(0).path("county").asString()).isEqualTo(countyCode);
            assertThat(atProvince(otherReader)
                            .get("/api/v1/federation/catalogue?q=" + code)
                            .json())
                    .isEmpty();
        }
        String token = province.bean(JdbcClient.class)
                .sql("select person_token from federation_entry where archive_code = :c")
                .param("c", codes.get(0))
                .query(String.class)
                .single();
        assertThat(token)
                .isEqualTo(CountyPush.token(cipher.blindIndex(cert, CountyPush.CERT_CONTEXT)))
                .doesNotContain(cert.substring(6, 14));
    }

    @Test
    @Order(2)
    void aBatchTheProvinceDidNotAcknowledgeIsSentAgainUnderTheSameSequence() {
        long acked = ackedSequence();
        codes.add(capture(3));
        var outcome = job("http://127.0.0.1:1").runNow();
        assertThat(outcome).isZero();
        assertThat(ackedSequence()).isEqualTo(acked);
        assertThat(jdbc.sql("select pending_seq from federation_push where id = 1")
                        .query(Long.class)
                        .single())
                .isEqualTo(acked + 1);

        assertThat(job("http://127.0.0.1:" + province.port).runNow()).isEqualTo(1);
        assertThat(ackedSequence()).isEqualTo(acked + 1);
        assertThat(atProvince(countyReader)
                        .get("/api/v1/federation/catalogue?q=" + codes.get(2))
                        .json())
                .hasSize(1);
    }

    @Test
    @Order(3)
    void replayIsIdempotentAGapIsAConflictAndATamperedBatchIsRefused() {
        long last = ackedSequence();
        var entry = new FeedBatch.Entry(codes.get(0), "重放题名", "0001", 2026, "Y", "A", null, false);
        var feed = atProvince(feedToken);

        var replay = feed.postJson(ProvinceClient.PATH, signed(new FeedBatch(countyCode, last, List.of(entry)), false));
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("sequence").asLong()).isEqualTo(last);
        assertThat(atProvince(countyReader)
                        .get("/api/v1/federation/catalogue?q=" + codes.get(0))
                        .json()
                        .get(0)
                        .path("title")
                        .asString())
                .isNotEqualTo("重放题名");

        var gap =
                feed.postJson(ProvinceClient.PATH, signed(new FeedBatch(countyCode, last + 2, List.of(entry)), false));
        assertThat(gap.status()).isEqualTo(409);
        assertThat(gap.json().path("detail").asString()).contains(Long.toString(last + 1));

        var tampered =
                feed.postJson(ProvinceClient.PATH, signed(new FeedBatch(countyCode, last + 1, List.of(entry)), true));
        assertThat(tampered.status()).isEqualTo(422);
        assertThat(tampered.json().toString()).contains("signature");
        assertThat(province.bean(JdbcClient.class)
                        .sql("select last_sequence from federation_county where county_code = :c")
                        .param("c", countyCode)
                        .query(Long.class)
                        .single())
                .isEqualTo(last);

        var longTitle = new FeedBatch.Entry(codes.get(0), "题".repeat(501), "0001", 2026, "Y", "A", null, false);
        var malformed = feed.postJson(
                ProvinceClient.PATH, signed(new FeedBatch(countyCode, last + 1, List.of(entry, longTitle)), false));
        assertThat(malformed.status())
                .as("a trusted county's badly formed entry is named, not a failed insert")
                .isEqualTo(422);
        assertThat(malformed.json().toString()).contains("entries[1].title");
        assertThat(feed.postJson(ProvinceClient.PATH, null).status()).isEqualTo(422);

        var foreign = atProvince(otherFeedToken)
                .postJson(ProvinceClient.PATH, signed(new FeedBatch(countyCode, last + 1, List.of(entry)), false));
        assertThat(foreign.status())
                .as("another county's token cannot post this county's catalogue")
                .isEqualTo(403);

        var next =
                feed.postJson(ProvinceClient.PATH, signed(new FeedBatch(countyCode, last + 1, List.of(entry)), false));
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.json().path("sequence").asLong()).isEqualTo(last + 1);

        var tombstone = new FeedBatch.Entry(codes.get(1), "已销毁", "0001", 2026, "Y", "A", null, true);
        assertThat(feed.postJson(
                                ProvinceClient.PATH,
                                signed(new FeedBatch(countyCode, last + 2, List.of(tombstone)), false))
                        .status())
                .isEqualTo(200);
        assertThat(atProvince(countyReader)
                        .get("/api/v1/federation/catalogue?q=" + codes.get(1))
                        .json())
                .isEmpty();
    }

    long ackedSequence() {
        return jdbc.sql("select acked_sequence from federation_push where id = 1")
                .query(Long.class)
                .single();
    }

    /** A batch signed with the county's key; {@code tamper}: its title changed after signing. */
    FeedBatch.Signed signed(FeedBatch batch, boolean tamper) {
        byte[] bytes = JSON.writeValueAsBytes(batch);
        var sig = signing.sign(bytes);
        if (tamper) {
            bytes = new String(bytes, StandardCharsets.UTF_8)
                    .replace("重放题名", "篡改题名")
                    .getBytes(StandardCharsets.UTF_8);
        }
        return new FeedBatch.Signed(
                Base64.getEncoder().encodeToString(bytes), sig.algorithm(), sig.keyId(), sig.publicKey(), sig.value());
    }
}
