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
    /** Import, list and withdraw comparison reference data (参保、待遇、死亡、服刑… 名单). */
    public static final String COMPARISON_DATA = "comparison:data";
    /** Run comparisons, see runs and the rule catalogue; change a rule's configuration. */
    public static final String COMPARISON_RUN = "comparison:run";
    /** Work warnings of one's units: assign, check, confirm (payment instruction, recovery) or exclude. */
    public static final String WARNING_HANDLE = "comparison:warning:handle";
    /** Close (结案) confirmed or excluded warnings after review; warning statistics. */
    public static final String WARNING_CLOSE = "comparison:warning:close";
    /** An other department's client system asking a verification question (API tokens only). */
    public static final String SHARING_VERIFY = "sharing:verify";
    /** 转移接续 cases: register applications, send and answer letters, receive packages, close. */
    public static final String CONTINUATION = "continuation:case";
    /** Another SIArchive installation delivering 转移接续 messages (API tokens only). */
    public static final String CONTINUATION_EXCHANGE = "continuation:exchange";

    /** Dashboards, trends and data mining over the figures of one's units (统计分析). */
    public static final String STATISTICS_VIEW = "statistics:view";
    /** Compile, complete, export and submit the annual statistics report (年度统计报表). */
    public static final String STATISTICS_REPORT = "statistics:report";
    /** Plan inspections, score checklists, raise and close rectification items (监督考核). */
    public static final String SUPERVISION_INSPECT = "supervision:inspect";
    /** Work the rectification items of one's units and report progress (整改). */
    public static final String SUPERVISION_RECTIFY = "supervision:rectify";
    /** Approve or reject employers' agents' requests to be bound to a 统一社会信用代码 (网上服务). */
    public static final String PORTAL_BINDING_DECIDE = "portal:binding:decide";

    // system administrator
    public static final String ACCOUNT_READ = "account:read";
    public static final String ACCOUNT_CREATE = "account:create";
    public static final String ACCOUNT_DISABLE = "account:disable";
    public static final String ACCOUNT_RESET = "account:reset";
    public static final String ORG_MANAGE = "org:manage";
    public static final String SYSTEM_SETTINGS = "system:settings";
    /** The working-day calendar (holidays and 调休 days) deadlines count in. */
    public static final String CALENDAR_MANAGE = "system:calendar";

    // security administrator
    public static final String ACCOUNT_APPROVE = "account:approve";
    public static final String ACCOUNT_GRANT = "account:grant";
    public static final String POLICY_MANAGE = "policy:manage";
    public static final String TOKEN_MANAGE = "token:manage";
    /** Register, change and suspend other departments' sharing clients (legal basis, purposes, fields, quota). */
    public static final String SHARING_CLIENT_MANAGE = "sharing:client:manage";
    /** Register the agencies 转移接续 messages are exchanged with (endpoint, token, signing certificate). */
    public static final String CONTINUATION_PEER_MANAGE = "continuation:peer:manage";
    /** Security-monitoring alerts: read, acknowledge with a note (安全告警); also the auditor's. */
    public static final String MONITORING_ALERT = "monitoring:alert";
    /** Security-monitoring rules and thresholds (监测策略). */
    public static final String MONITORING_POLICY = "monitoring:policy";

    // auditor
    public static final String AUDIT_READ = "audit:read";
    public static final String AUDIT_EXPORT = "audit:export";
    public static final String AUDIT_VERIFY = "audit:verify";
    /** Search and export the exchange register (交换登记) of verification requests. */
    public static final String EXCHANGE_READ = "sharing:register:read";
}
