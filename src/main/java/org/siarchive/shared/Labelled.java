package org.siarchive.shared;

/**
 * A code people see (an enum's constant, usually): its label is a message bundle entry, never the code
 * itself (docs/adr/0056). By default the key is {@code enum.<SimpleName>.<NAME>}; an enum whose labels
 * predate this convention returns its own key. Templates print it as {@code ${@labels.of(value)}};
 * LabelBundlesTest checks that every constant of every {@code Labelled} enum has a key in both bundles.
 */
public interface Labelled {

    /** The message key of this value's label. */
    default String labelKey() {
        if (this instanceof Enum<?> e) {
            return "enum." + e.getDeclaringClass().getSimpleName() + "." + e.name();
        }
        throw new IllegalStateException(getClass() + " must name its label key");
    }
}
