package org.siarchive.monitoring;

import java.time.Instant;

/** One audit entry counted by a windowed rule: for whom, in which window, and what it counts (distinct). */
record Observation(RuleCode rule, String actor, Instant windowStart, Instant windowEnd, long entryId, String key) {}
