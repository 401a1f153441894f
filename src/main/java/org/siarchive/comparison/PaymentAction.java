package org.siarchive.comparison;

import org.siarchive.shared.Labelled;

/** What a confirmation asks the business system to do with the payment: 停发, 暂停发放, or nothing. */
public enum PaymentAction implements Labelled {
    STOP,
    SUSPEND,
    NONE;

    @Override
    public String labelKey() {
        return "payment.action." + name();
    }

    /** Whether an instruction goes to the business system. */
    public boolean instructs() {
        return this != NONE;
    }
}
