package org.siarchive.disposition;

/** What a legal hold covers: listed items, every item of a person or an employer, or items meeting a query. */
public enum HoldSubject implements org.siarchive.shared.Labelled {
    ITEMS,
    PERSON,
    EMPLOYER,
    QUERY;
}
