package org.siarchive.catalog;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The items of one group commit were captured and their content is durably preserved: one event for the group,
 * published with the group's status change (docs/adr/0127). Its listeners do for each item what they do for an
 * {@link ItemCaptured}; every such handling is idempotent on the item id, so a redelivered event changes nothing.
 */
public record ItemsCaptured(List<ItemCaptured> items) {

    public ItemsCaptured {
        items = List.copyOf(items);
    }

    /**
     * Hands every item to {@code action}, each on its own: an item that fails does not keep the items after it from
     * their turn. The first failure is thrown at the end (the others added to it as suppressed), so the publication
     * stays incomplete and is delivered again, when the items already handled are handled again harmlessly.
     */
    public void forEach(Consumer<UUID> action) {
        RuntimeException failed = null;
        for (var item : items) {
            try {
                action.accept(item.itemId());
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
