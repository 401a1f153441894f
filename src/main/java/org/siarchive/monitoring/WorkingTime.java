package org.siarchive.monitoring;

import java.time.Instant;

/**
 * Whether an instant falls in working time. The evaluator takes it as an argument so that a test decides what is
 * working time instead of the wall clock; the schedule uses {@link OfficeHours}.
 */
@FunctionalInterface
public interface WorkingTime {

    boolean working(Instant at);
}
