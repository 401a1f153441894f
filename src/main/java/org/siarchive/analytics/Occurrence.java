package org.siarchive.analytics;

import java.time.OffsetDateTime;

/**
 * One business event as the read model counts it.
 *
 * @param identity what makes the event itself and no other, from its natural ids (event type, subject id, time or
 *     version): a redelivered event has the same identity and is counted once
 * @param orgPath the organisation the event belongs to (materialised path)
 * @param amount what the event carries ({@link ActivityKind} names it)
 */
record Occurrence(String identity, ActivityKind kind, OffsetDateTime at, String orgPath, long amount) {}
