package org.siarchive.security;

import static org.siarchive.security.Permission.*;

import java.util.EnumSet;
import java.util.Set;

/**
 * Built-in roles. The three administrator roles (三员) hold no business permission, and no account may
 * hold two of them or an administrator role together with a business role. There is no superuser.
 */
public enum Role {
    SYSADMIN(
            true,
            Set.of(
                    ACCOUNT_READ,
                    ACCOUNT_CREATE,
                    ACCOUNT_DISABLE,
                    ACCOUNT_RESET,
                    ORG_MANAGE,
                    SYSTEM_SETTINGS,
                    CALENDAR_MANAGE)),
    SECADMIN(
            true,
            Set.of(
                    ACCOUNT_READ,
                    ACCOUNT_APPROVE,
                    ACCOUNT_GRANT,
                    POLICY_MANAGE,
                    TOKEN_MANAGE,
                    SHARING_CLIENT_MANAGE,
                    CONTINUATION_PEER_MANAGE,
                    MONITORING_ALERT,
                    MONITORING_POLICY)),
    AUDITOR(true, Set.of(AUDIT_READ, AUDIT_EXPORT, AUDIT_VERIFY, EXCHANGE_READ, MONITORING_ALERT)),
    ARCHIVIST(
            false,
            Set.of(
                    ITEM_READ,
                    FILE_READ,
                    ITEM_CORRECT,
                    PARTY_READ,
                    CONTAINER_MANAGE,
                    REFERENCE_READ,
                    REFERENCE_MANAGE,
                    CAPTURE_CREATE,
                    CAPTURE_RECONCILE,
                    SEARCH,
                    UNMASK,
                    SCAN,
                    SCAN_STATION,
                    SCAN_QC,
                    FIXITY,
                    TRANSFER,
                    LOAN_MANAGE,
                    CERTIFY,
                    DISPOSITION_PROPOSE,
                    DISPOSITION_APPRAISE,
                    DISPOSITION_EXECUTE,
                    DISPOSITION_SUPERVISE,
                    HOLD_MANAGE,
                    SECRECY_REVIEW,
                    COMPARISON_DATA,
                    COMPARISON_RUN,
                    WARNING_HANDLE,
                    WARNING_CLOSE,
                    CONTINUATION,
                    STATISTICS_VIEW,
                    STATISTICS_REPORT,
                    SUPERVISION_INSPECT,
                    SUPERVISION_RECTIFY)),
    CLERK(
            false,
            Set.of(
                    ITEM_READ,
                    FILE_READ,
                    PARTY_READ,
                    REFERENCE_READ,
                    CAPTURE_CREATE,
                    SEARCH,
                    SCAN,
                    SCAN_STATION,
                    LOAN_REQUEST,
                    CERTIFY,
                    DISPOSITION_APPRAISE,
                    COMPARISON_DATA,
                    COMPARISON_RUN,
                    WARNING_HANDLE,
                    CONTINUATION,
                    SUPERVISION_RECTIFY,
                    PORTAL_BINDING_DECIDE)),
    /** 审批人 / 领导 (architecture.md): approves loans, appraisal batches, destruction lists. */
    APPROVER(
            false,
            Set.of(
                    ITEM_READ,
                    FILE_READ,
                    PARTY_READ,
                    REFERENCE_READ,
                    SEARCH,
                    UNMASK,
                    LOAN_APPROVE,
                    DISPOSITION_APPRAISE,
                    DISPOSITION_APPROVE,
                    DISPOSITION_SUPERVISE,
                    HOLD_MANAGE,
                    COMPARISON_RUN,
                    WARNING_CLOSE,
                    STATISTICS_VIEW,
                    SUPERVISION_INSPECT)),
    READER(false, Set.of(ITEM_READ, REFERENCE_READ, SEARCH, LOAN_REQUEST)),
    /**
     * An outsourcing vendor's scanning station (数字化外包, docs/adr/0061): opens, fills, submits and polls
     * its own batches; reads no catalogue, confirms nothing, unmasks nothing.
     */
    SCAN_VENDOR(false, Set.of(SCAN_STATION));

    private final boolean administrator;
    private final Set<String> permissions;

    Role(boolean administrator, Set<String> permissions) {
        this.administrator = administrator;
        this.permissions = permissions;
    }

    public boolean administrator() {
        return administrator;
    }

    public Set<String> permissions() {
        return permissions;
    }

    /** The three administrators and approvers always log in with a second factor. */
    public boolean requiresSecondFactor() {
        return administrator || this == APPROVER;
    }

    public static Set<Role> business() {
        return EnumSet.of(ARCHIVIST, CLERK, APPROVER, READER, SCAN_VENDOR);
    }

    /**
     * Permissions an API token may carry: business ones only, and the two that only machines hold — another
     * department's verification questions and another installation's 转移接续 messages.
     */
    public static Set<String> tokenScopes() {
        var all = new java.util.TreeSet<String>();
        business().forEach(r -> all.addAll(r.permissions()));
        all.add(SHARING_VERIFY);
        all.add(CONTINUATION_EXCHANGE);
        return all;
    }
}
