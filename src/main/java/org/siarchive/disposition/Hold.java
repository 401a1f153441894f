package org.siarchive.disposition;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.ItemFacts;

/**
 * A legal hold (冻结) as stored: its number (DJ2026-0001), case, owner, subject and the unit where it was
 * placed ({@code orgPath}: it covers items of that subtree only). Person and employer are catalogue ids,
 * never the ID number or credit code in clear.
 */
public record Hold(
        long id,
        String holdNo,
        HoldCase caseType,
        String caseRef,
        String reason,
        String owner,
        HoldSubject subject,
        @Nullable Long personId,
        @Nullable Long employerId,
        ItemFacts.@Nullable Criteria query,
        String orgPath,
        String placedBy,
        OffsetDateTime placedAt,
        @Nullable String releasedBy,
        @Nullable OffsetDateTime releasedAt,
        @Nullable String releaseReason) {

    public boolean active() {
        return releasedAt == null;
    }

    /** The criteria items are matched against, for a hold on a person, an employer or a query. */
    ItemFacts.@Nullable Criteria criteria() {
        return switch (subject) {
            case ITEMS -> null;
            case PERSON -> ItemFacts.Criteria.ofPerson(personId == null ? -1 : personId);
            case EMPLOYER -> ItemFacts.Criteria.ofEmployer(employerId == null ? -1 : employerId);
            case QUERY -> query;
        };
    }

    /** Whether the hold covers an item with these facts (an ITEMS hold is decided on its list instead). */
    boolean covers(ItemFacts.Fact f) {
        var c = criteria();
        return c != null && f.orgPath().startsWith(orgPath) && c.matches(f);
    }
}
