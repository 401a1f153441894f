package org.siarchive.disposition;

/** The kind of case a legal hold (冻结) serves: 稽核, 诉讼, 信访 or another. */
public enum HoldCase implements org.siarchive.shared.Labelled {
    AUDIT,
    LITIGATION,
    PETITION,
    OTHER;
}
