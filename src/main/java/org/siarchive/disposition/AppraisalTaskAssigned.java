package org.siarchive.disposition;

/**
 * An account was made a member of an appraisal group (鉴定小组): an appraisal task for it (issue 18). Published in
 * the transaction that added the member; named persons without an account are not told through the platform.
 *
 * @param login the member's account name
 */
public record AppraisalTaskAssigned(long batchId, String batchNo, String login) {}
