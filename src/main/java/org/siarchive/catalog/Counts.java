package org.siarchive.catalog;

import java.util.Map;

/** Dashboard figures: items by status and by category, persons, employers, bytes stored. */
public record Counts(
        long items,
        long persons,
        long employers,
        long bytes,
        Map<String, Long> byStatus,
        Map<String, Long> byCategory) {}
