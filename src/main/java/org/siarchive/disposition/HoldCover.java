package org.siarchive.disposition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.siarchive.catalog.ItemFacts;
import org.springframework.stereotype.Component;

/**
 * Which holds cover which items, set-based: listed items by one join on {@code legal_hold_item}; holds on a
 * person, an employer or a query by the items' catalogue facts, read in one bulk query and only when such
 * holds exist — so items captured after the hold are covered too (docs/adr/0071).
 */
@Component
class HoldCover {

    private final HoldRows rows;
    private final ItemFacts facts;

    HoldCover(HoldRows rows, ItemFacts facts) {
        this.rows = rows;
        this.facts = facts;
    }

    /** The holds covering each of {@code itemIds} that any covers, in the order of the items given. */
    Map<UUID, List<Hold>> covering(Collection<UUID> itemIds, boolean releasedToo) {
        var out = new LinkedHashMap<UUID, List<Hold>>();
        if (itemIds.isEmpty()) {
            return out;
        }
        var listed = rows.onItems(itemIds, releasedToo);
        var byCriteria = rows.byCriteria(releasedToo);
        Map<UUID, ItemFacts.Fact> known = byCriteria.isEmpty() ? Map.of() : facts.of(itemIds);
        for (UUID id : itemIds) {
            var holds = new ArrayList<>(listed.getOrDefault(id, List.of()));
            var fact = known.get(id);
            if (fact != null) {
                byCriteria.stream().filter(h -> h.covers(fact)).forEach(holds::add);
            }
            if (!holds.isEmpty()) {
                out.put(id, holds);
            }
        }
        return out;
    }
}
