package org.siarchive.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemSummary;
import org.siarchive.search.ArchiveSearch;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
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

    @Autowired
    org.siarchive.portal.PortalAccounts portal;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

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
        assertThat(loader.firstPerson(3, 99L))
                .as("the person the first start opens the portal for")
                .contains(person);
        long personId = catalog.findPerson(person.certNo(), Access.SYSTEM).orElseThrow();

        // the first start's portal account for this person: the fallback sign-in with the printed password
        long account = portal.ensure(
                org.siarchive.portal.PortalUser.Kind.PERSON, person.name(), person.certNo(), null, Actor.SYSTEM);
        portal.setPassword(account, "Demo#2026pw", Actor.SYSTEM);
        var browser = new org.siarchive.support.PortalBrowser(port);
        browser.get("/portal/login");
        var in = browser.post(
                "/portal/login",
                java.util.Map.of("kind", "PERSON", "certNo", person.certNo(), "password", "Demo#2026pw", "totp", ""));
        assertThat(in.status()).isEqualTo(302);
        assertThat(in.location()).endsWith("/portal");
        var listing = browser.get("/portal/items");
        assertThat(listing.status()).isEqualTo(200);
        assertThat(listing.body())
                .contains(catalog.personFile(personId, Access.SYSTEM)
                        .items()
                        .get(0)
                        .archiveCode());
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
