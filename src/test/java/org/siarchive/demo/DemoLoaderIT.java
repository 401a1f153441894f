package org.siarchive.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemSummary;
import org.siarchive.search.ArchiveSearch;
import org.siarchive.shared.Access;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Demo records go through the real capture path and land in person files with real JPEG and PDF files. */
class DemoLoaderIT extends IntegrationTest {

    @Autowired
    DemoLoader loader;

    @Autowired
    Catalog catalog;

    @Autowired
    ArchiveSearch search;

    @Test
    void loadsPersonsWithTheirRecordsAndRenderedMaterials() throws Exception {
        int items = loader.load(3, 99L);
        assertThat(items).isGreaterThanOrEqualTo(5);

        var person = new DemoData(99L, "0001")
                .generate(3).stream()
                        .filter(r -> r.submission().person() != null)
                        .findFirst()
                        .orElseThrow()
                        .submission()
                        .person();
        long personId = catalog.findPerson(person.certNo(), Access.SYSTEM).orElseThrow();
        var file = catalog.personFile(personId, Access.SYSTEM);
        assertThat(file.items()).isNotEmpty();
        assertThat(file.items()).isSortedAccordingTo(java.util.Comparator.comparing(ItemSummary::handledAt));
        var item = catalog.requireItem(file.items().get(0).id());
        assertThat(item.archiveCode()).startsWith("0001-SB·");
        assertThat(item.files()).extracting(f -> f.formatName()).contains("JPEG");
        long pdfs = 0;
        for (var s : catalog.latestItems(50, Access.SYSTEM.scope())) {
            pdfs += catalog.requireItem(s.id()).files().stream()
                    .filter(f -> f.formatName().startsWith("PDF"))
                    .count();
        }
        assertThat(pdfs).isPositive();
    }
}
