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
    WORKING_CALENDAR,
    /** A dashboard's figures (统计图表), read or exported, issue 18. */
    STATISTICS,
    /** The annual 社会保险业务档案管理基本情况统计表 of a year and organisation. */
    ANNUAL_REPORT,
    /** An inspection plan (监督考核计划) with its KPIs and checklist scores. */
    INSPECTION_PLAN,
    /** A rectification item (整改事项) found by an inspection. */
    RECTIFICATION,
    /** A security-monitoring alert (安全告警). */
    SECURITY_ALERT,
    /** A security-monitoring rule and its thresholds (监测规则). */
    MONITORING_RULE,
    /** A notification (通知) or a user's notification settings. */
    NOTIFICATION,
    /** An account of the online service (网上服务): an insured person or an employer's agent, issue 19. */
    PORTAL_ACCOUNT,
    /** An employer account's binding to a 统一社会信用代码, approved by staff. */
    EMPLOYER_BINDING,
    /** An employer's online submission of e-materials (网上申报材料), accepted into capture or returned. */
    PORTAL_SUBMISSION,
    /** The catalogue's item table as a whole: its off-peak maintenance (docs/adr/0124). */
    ITEM_TABLE;

    /** The message key of the label people read. */
    public String labelKey() {
        return "audit.object." + name();
    }
}
