package org.siarchive.integrity;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A fixity sweep recorded a finding: something stored for the item is not as the catalogue registered it.
 * Published in the transaction that stores the finding, one event per finding.
 *
 * @param kind CONTENT, MISSING, DIGEST_ROW, SIDECAR, EXTRA or INVENTORY ({@link FixitySweeps.Finding})
 * @param subject the logical path in the item's OCFL object (or the object id)
 * @param orgPath the organisation path of the item's fonds, for scoping who is told ({@code /1/4/})
 */
public record FixityFindingRecorded(
        long sweepId,
        UUID itemId,
        String archiveCode,
        String kind,
        String subject,
        String orgPath,
        OffsetDateTime recordedAt) {}
