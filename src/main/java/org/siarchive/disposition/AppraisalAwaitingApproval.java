package org.siarchive.disposition;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * An appraisal batch was appraised (已鉴定未审核) and waits for the leader's approval (issue 18): the approvers of
 * the fonds' organisation are told. Published in the transaction that completed the appraisal; a batch returned to
 * the group and appraised again is a new wait ({@code appraisedAt} tells them apart).
 *
 * @param orgPath the organisation of the batch's fonds ({@code /} when the fonds names none)
 */
public record AppraisalAwaitingApproval(
        long batchId, String batchNo, long fondsId, String orgPath, @Nullable OffsetDateTime appraisedAt) {}
