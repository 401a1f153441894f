package org.siarchive.audit;

/**
 * What was done, as recorded in the audit trail. The constant's name is what the trail stores (so entries written before this type existed read the
 * same); people read the label under the message key {@code audit.operation.<NAME>}.
 */
public enum AuditOperation {
    /** Opening a page or calling an API; recorded when it is refused. */
    ACCESS,
    ACCEPTED,
    ACKNOWLEDGE,
    APPRAISE,
    APPROVE,
    AUTHENTICATE,
    BACKUP,
    CAPTURE,
    CHANGE_PASSWORD,
    CONFIRM,
    CORRECT,
    CORRECTION_UNDONE,
    CREATE,
    DECIDE,
    /** An item's content destroyed and its row left as a tombstone (销毁). */
    DESTROY,
    DISABLE,
    DOWNLOAD,
    DUPLICATE_DISCARD,
    DUPLICATE_FILE,
    ENABLE,
    ENROL_TOTP,
    ESCROW,
    EXPORT,
    EXTEND,
    FILE_INTO_VOLUME,
    FINISH,
    FIXITY_FAILURE,
    GRANT_ROLE,
    /** Placing a legal hold (冻结). */
    HOLD,
    ISSUE,
    LEND,
    LIST,
    LOAN_DOWNLOAD,
    LOAN_PRINT,
    LOAN_VIEW,
    LOCK,
    LOGIN,
    LOGOUT,
    PRINT,
    PRINT_COVERS,
    PROCESSED,
    PROVISION,
    PUT_INTO_BOX,
    QC_PASS,
    QC_REJECT,
    QUARANTINE,
    QUERY,
    RAISE,
    READ,
    READ_EVENTS,
    READ_PAGE,
    RECEIVE,
    RECONCILE,
    RECORD_OPINION,
    RECOVER,
    REJECT,
    REJECTED,
    /** Releasing a legal hold (解除冻结). */
    RELEASE,
    REMIND,
    RENDITION,
    REPAIR_FROM_REPLICA,
    REPLICATE,
    REQUEST,
    RESCAN,
    RESET_PASSWORD,
    RESET_TOTP,
    RETURN,
    REVIEW_SECRECY,
    REVOKE,
    REVOKE_ROLE,
    REWRAP,
    ROTATE,
    SEND_BACK,
    SET,
    SET_RETENTION,
    SET_SCOPE,
    START,
    TRANSFER_EXPORT,
    TRANSFER_RECEIVE,
    UNMASK,
    UPDATE,
    VERIFY,
    WITHDRAW,
    /** issue 16 (list): a box or volume placed at a storage location (上架). */
    PLACE,
    /** A box or volume whose items are all destroyed, marked for physical destruction. */
    MARK_FOR_DESTRUCTION,
    /** The paper of a box or volume destroyed (实体销毁). */
    DESTROY_PHYSICAL,
    /** A 销毁清册 filed with the HRSS department (备案). */
    FILE_WITH_AUTHORITY,
    IMPORT,
    COMPARE,
    ASSIGN,
    EXCLUDE,
    CLOSE,
    INSTRUCT,
    REGISTER,
    SUSPEND,
    SEND,
    REFUSE,
    /** An inspector scores a checklist item (评分). */
    SCORE,
    /** A report is submitted (报送) — and archived. */
    SUBMIT,
    /** A computed figure set is (re)computed and kept (计算). */
    COMPUTE,
    /** The item table rewritten in person order (CLUSTER), off-peak (docs/adr/0124). */
    CLUSTER,
    /** The audit trail moved into a partitioned table, or a partition added ahead of it (docs/adr/0142). */
    PARTITION,
    /**
     * A county's catalogue batch acknowledged by the province (目录汇交, docs/adr/0140): a copy of catalogue entries,
     * not a transfer of the items, so no item's guards are asked.
     */
    FEED_PUSH;

    /** The message key of the label people read. */
    public String labelKey() {
        return "audit.operation." + name();
    }
}
