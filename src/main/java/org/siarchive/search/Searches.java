package org.siarchive.search;

import java.util.ArrayList;
import org.siarchive.audit.AuditTrail;
import org.siarchive.shared.Access;
import org.siarchive.shared.Page;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A reader's search: within their scope, and audited with its criteria (ID numbers masked by the trail). */
@Component
class Searches {

    private final ArchiveSearch search;
    private final AuditTrail audit;

    Searches(ArchiveSearch search, AuditTrail audit) {
        this.search = search;
        this.audit = audit;
    }

    @Transactional
    Page<SearchHit> search(SearchQuery q, Access access) {
        var result = search.search(q, access.scope());
        var criteria = new ArrayList<String>();
        if (!SearchQuery.blank(q.name())) criteria.add("name=" + q.name().strip());
        if (!SearchQuery.blank(q.idNumber()))
            criteria.add("idNumber=" + q.idNumber().strip());
        if (!SearchQuery.blank(q.archiveCode()))
            criteria.add("archiveCode=" + q.archiveCode().strip());
        if (!SearchQuery.blank(q.category()))
            criteria.add("category=" + q.category().strip());
        if (q.year() != null) criteria.add("year=" + q.year());
        if (!SearchQuery.blank(q.insuranceType()))
            criteria.add("insuranceType=" + q.insuranceType().strip());
        audit.record(
                access.actor(),
                "SEARCH",
                "-",
                "QUERY",
                null,
                String.join(", ", criteria) + " → " + result.total() + " hits, page " + result.page());
        return result;
    }
}
