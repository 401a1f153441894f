package org.siarchive.continuation;

/**
 * A 转移接续 case moved to a new state (its first state included), published in the transaction that moved it.
 * Carries no personal data (events are kept until delivered): whoever tells the person finds them through
 * {@link PersonCases#certNoOfCase}.
 */
public record CaseProgressed(long caseId, String caseNo, CaseView.State state) {}
