package org.siarchive.monitoring;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a rule found: the rule, whom it is about (an account, an API client or a source network), the window,
 * the figure observed against the threshold, and the audit entries behind it.
 *
 * @param orgCode the organisation code the entries carry, if any (for the alert's scope)
 */
record Hit(
        RuleCode rule,
        String actor,
        @Nullable String orgCode,
        Instant windowStart,
        Instant windowEnd,
        int observed,
        @Nullable Integer threshold,
        List<Long> entryIds) {}
