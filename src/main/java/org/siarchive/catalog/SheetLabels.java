package org.siarchive.catalog;

/** The words of a printed sheet in the reader's language: a message key and its arguments. */
@FunctionalInterface
interface SheetLabels {

    String of(String key, Object... args);
}
