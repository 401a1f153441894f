package org.siarchive.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.shared.Actor;
import org.siarchive.shared.Scope;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Related records: the person's other items, the items of the same business case, and the "same person,
 * same event" suggestions (same case first); nothing outside the reader's scope.
 */
class RelatedRecordsIT extends IntegrationTest {

    @Autowired
    Captures captures;

    @Autowired
    RelatedRecords related;

    @Autowired
    Catalog catalog;

    private ItemRecord capture(String acceptance, String cert, String key, String level) {
        var s = Samples.personEnrolment("0001", level, acceptance, cert, "关联人", "13800138000", null);
        return captures.capture(
                        s,
                        List.of(
                                Upload.ofBytes("a.png", Samples.png(key.hashCode())),
                                Upload.ofBytes("b.pdf", Samples.pdf("related " + key))),
                        key,
                        Actor.SYSTEM)
                .item();
    }

    @Test
    void personCaseAndSameEvent() {
        String cert = Samples.citizenId(1977);
        String caseNo = Samples.acceptanceNo();
        var a = capture(caseNo, cert, "rel-a-" + caseNo, "1");
        var b = capture(caseNo, cert, "rel-b-" + caseNo, "1"); // same case, another material
        var c = capture(Samples.acceptanceNo(), cert, "rel-c-" + caseNo, "1"); // same person, other case
        var secret = capture(Samples.acceptanceNo(), cert, "rel-d-" + caseNo, "3"); // 密级 3
        var other = capture(Samples.acceptanceNo(), Samples.citizenId(1978), "rel-e-" + caseNo, "1");

        var g = related.of(catalog.requireItem(a.id()), Scope.EVERYTHING);
        var person = g.nodes().stream()
                .filter(n -> n.kind().equals("PERSON"))
                .findFirst()
                .orElseThrow();
        assertThat(person.items())
                .extracting(RelatedRecords.Related::id)
                .contains(b.id(), c.id(), secret.id())
                .doesNotContain(a.id(), other.id());
        var sameCase = g.nodes().stream()
                .filter(n -> n.kind().equals("CASE"))
                .findFirst()
                .orElseThrow();
        assertThat(sameCase.items()).extracting(RelatedRecords.Related::id).containsExactly(b.id());
        assertThat(g.sameEvent()).extracting(RelatedRecords.Related::id).first().isEqualTo(b.id());
        assertThat(g.sameEvent())
                .extracting(RelatedRecords.Related::relation)
                .first()
                .isEqualTo("SAME_CASE");
        assertThat(g.sameEvent()).extracting(RelatedRecords.Related::id).contains(c.id());

        var lowClearance = new Scope("/", null, 1);
        var limited = related.of(catalog.requireItem(a.id()), lowClearance);
        assertThat(limited.nodes().stream().flatMap(n -> n.items().stream()))
                .extracting(RelatedRecords.Related::id)
                .doesNotContain(secret.id());
        assertThat(limited.sameEvent()).extracting(RelatedRecords.Related::id).doesNotContain(secret.id());
    }
}
