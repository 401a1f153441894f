package org.siarchive.catalog;

import java.util.UUID;

/** An access or preservation copy was added to an item's object in a new version. */
public record RenditionAdded(UUID itemId, String kind, int objectVersion) {}
