package org.siarchive.lending;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.lending.LoanRequests.RequestItem;
import org.siarchive.shared.Access;
import org.springframework.stereotype.Component;

/**
 * The items of a use request as its page shows them (issue 14): 档号, 题名 and 密级 by its label (内部, never
 * "2"), and whether the person looking may open the item. The 题名 is shown only for items within the
 * viewer's own data scope (an approver above the applicant sees them; anyone else sees the 档号 only).
 */
@Component
class RequestItems {

    /** One requested item on the page; {@code title} is empty outside the viewer's scope. */
    record Shown(UUID itemId, String archiveCode, String title, String securityLabel, boolean inScope) {}

    private final Catalog catalog;

    RequestItems(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Call after {@link LoanRequests#visible}: the request's items, titled where the viewer may see them. */
    List<Shown> shown(List<RequestItem> items, Access access) {
        var titles = new HashMap<UUID, String>();
        for (ItemRecord item :
                catalog.items(items.stream().map(RequestItem::itemId).toList())) {
            titles.put(item.id(), item.title());
        }
        Map<String, String> levels = catalog.classification().securityLevels();
        return items.stream()
                .map(i -> {
                    boolean inScope = catalog.inScope(i.itemId(), access.scope());
                    String level = String.valueOf(i.securityLevel());
                    return new Shown(
                            i.itemId(),
                            i.archiveCode(),
                            inScope ? titles.getOrDefault(i.itemId(), "") : "",
                            levels.getOrDefault(level, level),
                            inScope);
                })
                .toList();
    }

    /** The 密级 label of a level code (内部 for "2"). */
    String securityLabel(String level) {
        return catalog.classification().securityLevels().getOrDefault(level, level);
    }
}
