package org.siarchive.capture;

import org.siarchive.catalog.ItemRecord;

/** The captured item; {@code replayed} is true when an earlier request with the same key produced it. */
public record CaptureResult(ItemRecord item, boolean replayed) {}
