package org.siarchive.search;

import java.util.ArrayList;
import org.siarchive.audit.AuditTrail;
import org.siarchive.shared.Access;
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
    SearchResults search(SearchQuery q, Access access) {
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
        if (!SearchQuery.blank(q.text())) criteria.add("text=" + q.text().strip());
        q.within().forEach(w -> criteria.add("within=" + w));
        if (!SearchQuery.blank(q.step())) criteria.add("step=" + q.step().strip());
        if (!SearchQuery.blank(q.organisation()))
            criteria.add("organisation=" + q.organisation().strip());
        if (!SearchQuery.blank(q.retention()))
            criteria.add("retention=" + q.retention().strip());
        if (!SearchQuery.blank(q.status())) criteria.add("status=" + q.status().strip());
        audit.record(
                access.actor(),
                "SEARCH",
                "-",
                "QUERY",
                null,
                String.join(", ", criteria) + " → " + result.page().total() + " hits, page "
                        + result.page().page());
        return result;
    }
}
