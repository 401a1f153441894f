package org.siarchive.digitisation;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A scan batch was decided by DA/T 31-2017's acceptance rule ({@link ScanItems#decide}): accepted when every
 * automatic check passed and at least 95 % of the reviewed sample passed, rejected otherwise. Published in
 * the decision's transaction; {@code orgPath} is the batch's organisation (who may see it), {@code itemCount}
 * the number of items in the batch.
 */
public record ScanBatchDecided(
        UUID batchId, Decision decision, int itemCount, String orgPath, OffsetDateTime decidedAt) {

    /** The two outcomes of acceptance (验收). */
    public enum Decision {
        ACCEPTED,
        REJECTED
    }
}
