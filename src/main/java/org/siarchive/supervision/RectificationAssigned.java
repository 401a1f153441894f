package org.siarchive.supervision;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Published when an inspection raises a rectification item (整改事项) for a unit (after it is committed): the
 * unit's people who work rectifications are told, and reminded as the deadline nears.
 *
 * @param rectificationId the item
 * @param planId the inspection plan that found it
 * @param orgPath the unit that must rectify
 * @param owner login name of the person responsible, or null when the unit as a whole is
 * @param title what must be rectified (typed by the inspector; data, not a label)
 * @param deadline the day by which it must be closed (北京时间)
 */
public record RectificationAssigned(
        UUID rectificationId,
        UUID planId,
        String orgPath,
        @org.jspecify.annotations.Nullable String owner,
        String title,
        LocalDate deadline) {}
