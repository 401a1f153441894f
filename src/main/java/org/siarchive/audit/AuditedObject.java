package org.siarchive.audit;

/**
 * What an audit entry is about. The constant's name is what the trail stores (so entries written before this type existed read the
 * same); people read the label under the message key {@code audit.object.<NAME>}.
 */
public enum AuditedObject {
    ACCOUNT,
    API_TOKEN,
    /** An appraisal batch (鉴定批次), issue 16. */
    APPRAISAL_BATCH,
    ARCHIVE_CODE_RULE,
    ARCHIVE_SCOPE,
    AUDIT_TRAIL,
    BACKUP,
    BOX,
    CERTIFICATE,
    CHECK_ITEM,
    CHECK_RUN,
    CRYPTO_KEY,
    /** A supervised destruction (销毁记录) of an appraisal batch. */
    DESTRUCTION,
    EMPLOYER,
    FIXITY_SWEEP,
    FONDS,
    ITEM,
    LABELS,
    LEGAL_HOLD,
    LOAN_REQUEST,
    ORG_UNIT,
    PERSON,
    PHYSICAL_LOAN,
    POLICY,
    PRESERVATION_ALERT,
    RECONCILIATION,
    /** A page or API call, for refused accesses (403). */
    REQUEST,
    SCAN_BATCH,
    SCAN_ITEM,
    SEARCH,
    STORAGE_LOCATION,
    DESTRUCTION_LIST,
    TRANSFER_PACKAGE,
    TRANSFER_RECEIPT,
    VOLUME,
    REFERENCE_DATASET,
    COMPARISON_RULE,
    COMPARISON_RUN,
    WARNING,
    PAYMENT_INSTRUCTION,
    SHARING_CLIENT,
    EXCHANGE,
    CONTINUATION_CASE,
    CONTINUATION_PEER,
    WORKING_CALENDAR;

    /** The message key of the label people read. */
    public String labelKey() {
        return "audit.object." + name();
    }
}
