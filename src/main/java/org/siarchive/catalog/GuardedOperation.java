package org.siarchive.catalog;

/**
 * The operations a legal hold (冻结) stops: putting an item into an appraisal batch for destruction,
 * destroying it, correcting its description, transferring it out. Each is checked through {@link ItemGuards}.
 */
public enum GuardedOperation {
    APPRAISE_FOR_DESTRUCTION,
    DESTROY,
    CORRECT,
    TRANSFER_OUT;

    /** The message key of the label people read. */
    public String labelKey() {
        return "guarded.operation." + name();
    }
}
