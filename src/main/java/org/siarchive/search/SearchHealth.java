package org.siarchive.search;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The search backend in the actuator's health (issue 21: every dependency of every node): which backend, and how
 * many entries it answers for — a SolrCloud that cannot be reached, or whose collection has no live replica, fails
 * the count and the node reports DOWN for search.
 */
@Component("searchHealthIndicator")
class SearchHealth extends AbstractHealthIndicator {

    private final ArchiveSearch search;

    SearchHealth(ArchiveSearch search) {
        super("search backend not reachable");
        this.search = search;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        String backend =
                search instanceof SolrArchiveSearch ? "solr" : search instanceof LuceneArchiveSearch ? "lucene" : "sql";
        builder.withDetail("backend", backend)
                .withDetail("entries", search.size())
                .up();
    }
}
