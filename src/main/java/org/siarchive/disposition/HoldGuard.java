package org.siarchive.disposition;

import java.util.Collection;
import java.util.UUID;
import org.siarchive.catalog.GuardedOperation;
import org.siarchive.catalog.ItemFacts;
import org.siarchive.catalog.ItemGuard;
import org.siarchive.shared.ConflictException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The legal hold's answer at the item door ({@link org.siarchive.catalog.ItemGuards}): an item under an
 * active hold may not be appraised for destruction, destroyed, corrected or transferred out. The check
 * takes the holds' advisory lock shared, inside the caller's transaction, so a hold being placed meanwhile
 * either committed before (and is seen) or waits until the operation has committed (docs/adr/0071).
 */
@Component
class HoldGuard implements ItemGuard {

    private final HoldRows rows;
    private final HoldCover cover;
    private final ItemFacts facts;
    private final MessageSource messages;

    HoldGuard(HoldRows rows, HoldCover cover, ItemFacts facts, MessageSource messages) {
        this.rows = rows;
        this.cover = cover;
        this.facts = facts;
        this.messages = messages;
    }

    @Override
    public void check(Collection<UUID> itemIds, GuardedOperation operation) {
        rows.lockShared();
        var held = cover.covering(itemIds, false);
        if (held.isEmpty()) {
            return;
        }
        var first = held.entrySet().iterator().next();
        var hold = first.getValue().get(0);
        var fact = facts.of(java.util.List.of(first.getKey())).get(first.getKey());
        var locale = LocaleContextHolder.getLocale();
        throw new ConflictException(
                "hold.blocked",
                fact == null ? first.getKey() : fact.archiveCode(),
                hold.holdNo(),
                messages.getMessage(hold.caseType().labelKey(), null, locale),
                hold.caseRef(),
                messages.getMessage(operation.labelKey(), null, locale),
                held.size());
    }
}
