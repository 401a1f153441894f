package org.siarchive.analytics;

/**
 * What the daily activity read model counts, one kind per business event (or outcome of one). Each day's row
 * keeps how many events there were ({@code count}) and what they carried ({@code amount}, named here).
 */
public enum ActivityKind {
    /** An item was captured and is preserved (归档); amount 1 per item. */
    ITEM_CAPTURED,
    /** An item's description was corrected; amount 1 per correction. */
    ITEM_CORRECTED,
    /** An item was destroyed on an approved destruction list (销毁); amount 1 per item. */
    ITEM_DESTROYED,
    /** A use request was granted (利用); amount: the items it grants. */
    LOAN_GRANTED,
    /** Originals of a physical loan came back; amount: the originals returned. */
    LOAN_RETURNED,
    /** A fixity sweep recorded a finding (巡检发现); amount 1 per finding. */
    FIXITY_FINDING,
    /** A four-property check run finished with no failed item; amount: the records checked. */
    CHECK_RUN_PASSED,
    /** A four-property check run finished with a failed item; amount: the records checked. */
    CHECK_RUN_FAILED,
    /** A scan batch was accepted (验收通过, DA/T 31-2017); amount: its items. */
    SCAN_BATCH_ACCEPTED,
    /** A scan batch was rejected; amount: its items. */
    SCAN_BATCH_REJECTED,
    /** A use request was made (利用申请); amount: the items it names. */
    LOAN_REQUESTED,
    /** A use request was granted by its last decision; amount: seconds from the request to that decision. */
    LOAN_APPROVED,
    /** A use request was refused; amount: seconds from the request to the refusal. */
    LOAN_REFUSED,
    /** The pages of a scan batch accepted at QC; amount: its pages. */
    SCAN_PAGES_ACCEPTED,
    /** The pages of a scan batch rejected at QC; amount: its pages. */
    SCAN_PAGES_REJECTED,
    /** The pages of a decided scan batch read by OCR; amount: those pages. */
    OCR_PAGES
}
