package org.siarchive.catalog;

import java.util.Set;

/**
 * Where an item (件) is in its capture: RECEIVING from registration until its object version is durable,
 * then PRESERVED; QUARANTINED when a capture could not be completed and an archivist must look; DESTROYED
 * once supervised destruction has removed its content and left the row as a tombstone (档号 kept, never
 * reassigned). These are the values of {@code item.status} (V16_2's check constraint); SQL binds the enum's name.
 */
public enum ItemState {
    RECEIVING,
    PRESERVED,
    QUARANTINED,
    DESTROYED;

    /** Whether the catalogue may move an item from this state to {@code next}. */
    public boolean canBecome(ItemState next) {
        return successors().contains(next);
    }

    /** This state's move to {@code next}; refuses a move the catalogue never makes. */
    Transition to(ItemState next) {
        if (!canBecome(next)) {
            throw new IllegalStateException("an item does not go from " + this + " to " + next);
        }
        return new Transition(this, next);
    }

    private Set<ItemState> successors() {
        return switch (this) {
            case RECEIVING -> Set.of(PRESERVED, QUARANTINED);
            case PRESERVED -> Set.of(DESTROYED);
            case QUARANTINED, DESTROYED -> Set.of();
        };
    }

    /** A permitted move; its names are bound into the guarded {@code update ... where status = :from}. */
    record Transition(ItemState from, ItemState to) {}
}
