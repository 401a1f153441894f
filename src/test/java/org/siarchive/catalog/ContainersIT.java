package org.siarchive.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.quality.Submission;
import org.siarchive.support.ApiClient;
import org.siarchive.support.ApiClient.FilePart;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Volumes and boxes: filing rules, their own 档号, audit entries. */
class ContainersIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    private String capture(String docDate) {
        var base = Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1990), "卷内人");
        var s = new Submission(
                base.fondsCode(),
                base.acceptanceNo(),
                base.businessStep(),
                base.insuranceType(),
                base.title(),
                base.responsible(),
                docDate,
                null,
                null,
                base.person(),
                null,
                base.handler(),
                base.handlingAgency(),
                docDate + "T10:00:00+08:00",
                base.files());
        var r = api.capture(
                s,
                List.of(
                        new FilePart("a.png", "image/png", Samples.png(docDate.hashCode() + System.nanoTime())),
                        new FilePart("b.pdf", "application/pdf", Samples.pdf(docDate + System.nanoTime()))),
                Map.of());
        assertThat(r.status()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    @Test
    void itemsOfOneYearAndRetentionAreFiledIntoAVolumeWithItsOwnArchiveCode() {
        String a = capture("2011-03-01");
        String b = capture("2011-09-09");

        var r = api.postJson("/api/v1/volumes", Map.of("title", "2011年参保登记材料", "items", List.of(a, b)));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("archiveCode").asString()).matches("0001-SB·2011-D100-\\d{3}");
        var again = api.postJson("/api/v1/volumes", Map.of("title", "重复组卷", "items", List.of(a)));
        assertThat(again.status()).isEqualTo(409);
        assertThat(audit.forObject(AuditedObject.ITEM, a))
                .extracting(AuditTrail.Entry::operation)
                .contains("FILE_INTO_VOLUME");
    }

    @Test
    void aVolumeRefusesItemsOfDifferentYears() {
        var r = api.postJson(
                "/api/v1/volumes",
                Map.of("title", "混合", "items", List.of(capture("2010-01-05"), capture("2013-01-05"))));

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("rule").asString()).isEqualTo("volumeMixed");
    }

    @Test
    void itemsArePutIntoABox() {
        String item = capture("2014-05-05");
        String boxNo = "H" + System.nanoTime() % 1_000_000;
        var box = api.postJson("/api/v1/boxes", Map.of("fondsCode", "0001", "boxNo", boxNo));
        assertThat(box.status()).isEqualTo(201);
        assertThat(api.postJson("/api/v1/boxes", Map.of("fondsCode", "0001", "boxNo", boxNo))
                        .status())
                .isEqualTo(409);

        var put = api.postJson(
                "/api/v1/boxes/" + box.json().get("id").asLong() + "/items", Map.of("items", List.of(item)));

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("items").size()).isEqualTo(1);
        assertThat(audit.forObject(AuditedObject.ITEM, item))
                .extracting(AuditTrail.Entry::operation)
                .contains("PUT_INTO_BOX");
        assertThat(api.postJson("/api/v1/boxes", Map.of("fondsCode", "0001", "boxNo", "../x"))
                        .status())
                .isEqualTo(422);
    }
}
