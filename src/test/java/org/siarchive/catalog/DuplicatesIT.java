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
 * The one duplicate rule: same bytes, same 档号, or same 业务受理号 for the same step; matches are named only
 * inside the caller's data scope, and only counted outside it.
 */
class DuplicatesIT extends IntegrationTest {

    @Autowired
    Captures captures;

    @Autowired
    Duplicates duplicates;

    private ItemRecord held(long seed) {
        return captures.capture(
                        Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1958), "查重" + seed),
                        List.of(
                                Upload.ofBytes("a.png", Samples.png(seed)),
                                Upload.ofBytes("b.pdf", Samples.pdf("duplicates " + seed))),
                        null,
                        Actor.SYSTEM)
                .item();
    }

    @Test
    void findsAnItemHeldByDigestByArchiveCodeAndByAcceptanceNumberAndStep() {
        var item = held(66101);
        String sha = item.files().get(0).sha256();

        var byDigest = duplicates.find(new Duplicates.Probe(null, null, null, List.of(sha)), Scope.EVERYTHING, null);
        var byCode = duplicates.find(
                new Duplicates.Probe(item.archiveCode(), null, null, List.of()), Scope.EVERYTHING, null);
        var byAcceptance = duplicates.find(
                new Duplicates.Probe(null, item.acceptanceNo(), item.stepCode(), List.of()), Scope.EVERYTHING, null);
        var otherStep = duplicates.find(
                new Duplicates.Probe(null, item.acceptanceNo(), "XXXX", List.of()), Scope.EVERYTHING, null);

        assertThat(byDigest.named()).singleElement().satisfies(m -> {
            assertThat(m.itemId()).isEqualTo(item.id());
            assertThat(m.grounds()).containsExactly(Duplicates.Ground.DIGEST);
        });
        assertThat(byCode.named()).extracting(Duplicates.Match::itemId).containsExactly(item.id());
        assertThat(byAcceptance.named()).extracting(Duplicates.Match::itemId).containsExactly(item.id());
        assertThat(otherStep.any()).isFalse();
        assertThat(duplicates
                        .find(new Duplicates.Probe(null, null, null, List.of(sha)), Scope.EVERYTHING, item.id())
                        .any())
                .as("an item is no duplicate of itself")
                .isFalse();
    }

    @Test
    void namesNoItemOutsideTheCallersScopeButCountsIt() {
        var item = held(66102);
        var otherCounty = new Scope("/999/", null, 3);

        var found = duplicates.find(
                new Duplicates.Probe(
                        item.archiveCode(),
                        null,
                        null,
                        List.of(item.files().get(0).sha256())),
                otherCounty,
                null);

        assertThat(found.named()).isEmpty();
        assertThat(found.outsideScope()).isEqualTo(1);
        assertThat(found.any()).isTrue();
    }
}
