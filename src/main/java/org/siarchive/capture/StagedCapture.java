package org.siarchive.capture;

import java.util.List;
import java.util.UUID;
import org.siarchive.preservation.StagedFile;
import org.siarchive.quality.FilingRules;
import org.siarchive.quality.Submission;

/**
 * A capture checked and staged (digests, format) under {@code id}, waiting for its filing check: a batch runs the
 * checks of all its items together ({@link FilingGate#requireAll}, docs/adr/0121).
 */
record StagedCapture(
        UUID id,
        String key,
        Submission submission,
        List<Upload> uploads,
        List<StagedFile> files,
        FilingRules.Filing filing) {}
