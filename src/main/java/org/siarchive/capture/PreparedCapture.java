package org.siarchive.capture;

import java.util.List;
import java.util.UUID;
import org.siarchive.catalog.NewItem;
import org.siarchive.preservation.StagedFile;

/**
 * A capture checked, staged (under {@code id}) and past the filing check, not yet registered: what a
 * group commit registers, preserves and acknowledges. {@code key} is its idempotency key.
 */
record PreparedCapture(
        UUID id, String key, String fingerprint, NewItem newItem, List<StagedFile> staged, long filingRun) {}
