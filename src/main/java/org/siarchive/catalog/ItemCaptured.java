package org.siarchive.catalog;

import java.util.UUID;

/** An item was captured and its content is durably preserved. Published with the status change. */
public record ItemCaptured(UUID itemId, String archiveCode) {}
