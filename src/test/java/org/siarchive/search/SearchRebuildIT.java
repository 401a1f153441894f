package org.siarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.shared.Actor;
import org.siarchive.shared.Scope;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The index follows captures (visible to the next search), and a rebuild interrupted after some page
 * resumes after its committed cursor instead of starting again; a full rebuild restores every item.
 */
class SearchRebuildIT extends IntegrationTest {

    @Autowired
    Captures captures;

    @Autowired
    Catalog catalog;

    @Autowired
    ArchiveSearch search;

    @Autowired
    SearchIndexer indexer;

    @Test
    void capturedItemsAreFoundAndARebuildResumesAfterItsCursor() throws Exception {
        String name = "重建" + System.nanoTime() % 10_000;
        for (int i = 0; i < 3; i++) {
            captures.capture(
                    Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1980 + i), name),
                    List.of(
                            Upload.ofBytes("a.png", Samples.png(7700 + i)),
                            Upload.ofBytes("b.pdf", Samples.pdf("rebuild " + i))),
                    null,
                    Actor.SYSTEM);
        }
        var q = new SearchQuery(name, null, null, null, null, null, 0, 50);
        long deadline = System.currentTimeMillis() + 30_000;
        while (search.search(q, Scope.EVERYTHING).page().total() < 3 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100); // the listeners run after the capture commits
        }
        assertThat(search.search(q, Scope.EVERYTHING).page().total()).isEqualTo(3);
        var lucene = (LuceneArchiveSearch) search;
        while (indexer.rebuilding()) {
            Thread.sleep(100);
        }
        long all = catalog.itemIdsAfter(null, Integer.MAX_VALUE).size();

        // an interrupted rebuild: the index was cleared and its cursor committed after the first item
        var first = catalog.itemIdsAfter(null, 1).get(0);
        search.clear();
        lucene.commit(Map.of(SearchIndexer.CURSOR, first.toString()));
        long visited = indexer.rebuild();
        assertThat(visited).as("resumed after the cursor").isEqualTo(all - 1);
        assertThat(search.size()).isLessThan(all);
        assertThat(lucene.userData()).doesNotContainKey(SearchIndexer.CURSOR);

        assertThat(indexer.rebuild()).isEqualTo(all);
        assertThat(search.search(q, Scope.EVERYTHING).page().total()).isEqualTo(3);
    }
}
