package org.siarchive.security;

import static org.siarchive.security.Permission.*;

import java.util.EnumSet;
import java.util.Set;

/**
 * Built-in roles. The three administrator roles (三员) hold no business permission, and no account may
 * hold two of them or an administrator role together with a business role. There is no superuser.
 */
public enum Role {
    SYSADMIN(true, Set.of(ACCOUNT_READ, ACCOUNT_CREATE, ACCOUNT_DISABLE, ACCOUNT_RESET, ORG_MANAGE, SYSTEM_SETTINGS)),
    SECADMIN(true, Set.of(ACCOUNT_READ, ACCOUNT_APPROVE, ACCOUNT_GRANT, POLICY_MANAGE, TOKEN_MANAGE)),
    AUDITOR(true, Set.of(AUDIT_READ, AUDIT_EXPORT, AUDIT_VERIFY)),
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
                    SECRECY_REVIEW)),
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
                    DISPOSITION_APPRAISE)),
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
                    HOLD_MANAGE)),
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

    /** Permissions an API token may carry: business ones only. */
    public static Set<String> tokenScopes() {
        var all = new java.util.TreeSet<String>();
        business().forEach(r -> all.addAll(r.permissions()));
        return all;
    }
}
