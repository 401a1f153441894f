package org.siarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.ItemDestroyed;
import org.siarchive.shared.Actor;
import org.siarchive.shared.Scope;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** An item destroyed on a destruction list leaves the index: the next search no longer finds it. */
class DestroyedItemsIT extends IntegrationTest {

    @Autowired
    Captures captures;

    @Autowired
    ArchiveSearch search;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Test
    void publishingItemDestroyedRemovesTheItemFromTheIndex() throws Exception {
        String name = "销毁" + System.nanoTime() % 100_000;
        var item = captures.capture(
                        Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1966), name),
                        List.of(
                                Upload.ofBytes("a.png", Samples.png(6600)),
                                Upload.ofBytes("b.pdf", Samples.pdf("destroyed"))),
                        null,
                        Actor.SYSTEM)
                .item();
        var byName = new SearchQuery(name, null, null, null, null, null, 0, 50);
        awaitTotal(byName, 1);

        tx.executeWithoutResult(s -> events.publishEvent(
                new ItemDestroyed(item.id(), item.archiveCode(), "XH-2025-001", OffsetDateTime.now())));

        awaitTotal(byName, 0);
        assertThat(search.search(byName, Scope.EVERYTHING).page().total()).isZero();
    }

    private void awaitTotal(SearchQuery q, long expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (search.search(q, Scope.EVERYTHING).page().total() != expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(100); // listeners run after the commit; the index refreshes every couple of seconds
        }
        assertThat(search.search(q, Scope.EVERYTHING).page().total()).isEqualTo(expected);
    }
}
