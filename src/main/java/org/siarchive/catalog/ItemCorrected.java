package org.siarchive.catalog;

import java.util.UUID;

/** An item's descriptive metadata was corrected; a new preservation version holds the new sidecar. */
public record ItemCorrected(UUID itemId, String archiveCode, int objectVersion) {}
