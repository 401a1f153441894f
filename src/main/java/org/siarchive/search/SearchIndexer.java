package org.siarchive.search;

import java.util.UUID;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemCaptured;
import org.siarchive.catalog.ItemCorrected;
import org.siarchive.crypto.FieldCipher;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the index in step with the catalogue. Listeners run after the catalogue transaction commits,
 * from persisted event publications, so a crash before indexing is made good on restart. An index
 * written before blind indexes and scope columns existed is rebuilt once at start-up.
 */
@Component
class SearchIndexer implements SmartInitializingSingleton {

    static final String CERT_CONTEXT = "search.cert_no";

    private final Catalog catalog;
    private final ArchiveSearch search;
    private final FieldCipher cipher;

    SearchIndexer(Catalog catalog, ArchiveSearch search, FieldCipher cipher) {
        this.catalog = catalog;
        this.search = search;
        this.cipher = cipher;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (search.needsRebuild()) {
            rebuild();
        }
    }

    @ApplicationModuleListener
    void on(ItemCaptured event) {
        reindex(event.itemId());
    }

    @ApplicationModuleListener
    void on(ItemCorrected event) {
        reindex(event.itemId());
    }

    void reindex(UUID itemId) {
        catalog.item(itemId).filter(i -> i.preserved()).ifPresent(i -> {
            var scope = catalog.scopeAttributes(itemId);
            search.index(new SearchEntry(
                    i.id(),
                    i.archiveCode(),
                    i.title(),
                    i.personName(),
                    cipher.blindIndex(i.certNo(), CERT_CONTEXT),
                    i.employerName(),
                    i.creditCode(),
                    i.categoryCode(),
                    i.stepCode(),
                    i.insuranceType(),
                    i.year(),
                    i.handledAt(),
                    scope.fondsId(),
                    scope.orgPath(),
                    scope.clearance()));
        });
    }

    /** Rebuilds the whole index from the catalogue, in pages. */
    long rebuild() {
        search.clear();
        long n = 0;
        UUID after = null;
        while (true) {
            var ids = catalog.itemIdsAfter(after, 500);
            if (ids.isEmpty()) {
                return n;
            }
            for (UUID id : ids) {
                reindex(id);
                n++;
            }
            after = ids.get(ids.size() - 1);
        }
    }
}
