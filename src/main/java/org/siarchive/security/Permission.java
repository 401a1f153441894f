package org.siarchive.security;

/** Permission strings, one per protected action. Granted through roles (and scopes, for API tokens). */
public final class Permission {

    private Permission() {}

    // business
    public static final String ITEM_READ = "catalog:item:read";
    public static final String FILE_READ = "catalog:file:read";
    public static final String ITEM_CORRECT = "catalog:item:correct";
    public static final String PARTY_READ = "catalog:party:read";
    public static final String CONTAINER_MANAGE = "catalog:container:manage";
    public static final String REFERENCE_READ = "reference:read";
    public static final String REFERENCE_MANAGE = "reference:manage";
    public static final String CAPTURE_CREATE = "capture:create";
    public static final String CAPTURE_RECONCILE = "capture:reconcile";
    public static final String SEARCH = "search:query";
    public static final String UNMASK = "personal:unmask";
    public static final String SCAN = "digitisation:scan";
    public static final String SCAN_QC = "digitisation:qc";
    /** The scanning-station API: open, upload, submit and poll batches — only one's own without {@link #SCAN}. */
    public static final String SCAN_STATION = "digitisation:station";

    public static final String FIXITY = "preservation:fixity";
    public static final String TRANSFER = "preservation:transfer";
    public static final String LOAN_REQUEST = "lending:request";
    public static final String LOAN_APPROVE = "lending:approve";
    public static final String LOAN_MANAGE = "lending:manage";
    public static final String CERTIFY = "certificate:issue";
    /** Expiry worklist, appraisal batches, destruction lists, the location register's disposal marks. */
    public static final String DISPOSITION_PROPOSE = "disposition:propose";
    /** Record one's own opinion as a member of an appraisal group (鉴定小组). */
    public static final String DISPOSITION_APPRAISE = "disposition:appraise";
    /** The principal leader's approval of an appraisal batch and its destruction list. */
    public static final String DISPOSITION_APPROVE = "disposition:approve";
    /** Execute an approved destruction (销毁人). */
    public static final String DISPOSITION_EXECUTE = "disposition:execute";
    /** Confirm a destruction as one of its two supervisors (监销人), with one's second factor. */
    public static final String DISPOSITION_SUPERVISE = "disposition:supervise";
    /** Place, release and list legal holds (冻结). */
    public static final String HOLD_MANAGE = "disposition:hold";
    /** Decide 解密/降密 when an item's secrecy period has passed. */
    public static final String SECRECY_REVIEW = "disposition:secrecy";

    // system administrator
    public static final String ACCOUNT_READ = "account:read";
    public static final String ACCOUNT_CREATE = "account:create";
    public static final String ACCOUNT_DISABLE = "account:disable";
    public static final String ACCOUNT_RESET = "account:reset";
    public static final String ORG_MANAGE = "org:manage";
    public static final String SYSTEM_SETTINGS = "system:settings";

    // security administrator
    public static final String ACCOUNT_APPROVE = "account:approve";
    public static final String ACCOUNT_GRANT = "account:grant";
    public static final String POLICY_MANAGE = "policy:manage";
    public static final String TOKEN_MANAGE = "token:manage";

    // auditor
    public static final String AUDIT_READ = "audit:read";
    public static final String AUDIT_EXPORT = "audit:export";
    public static final String AUDIT_VERIFY = "audit:verify";
}
