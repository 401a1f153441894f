package org.siarchive.search;

import java.util.Optional;
import java.util.UUID;

/**
 * Port: the recognised (OCR) text of an item, kept by the module that read its pages (digitisation)
 * and asked for whenever search indexes the item, so a rebuild from the catalogue finds it again. The
 * index stores no copy of its own beyond Lucene's tokens (docs/adr/0045). A module announces new text
 * with an event that implements {@link Changed}; search listens to that interface and indexes the item
 * again, so it never depends on the module that implements this port.
 */
public interface RecognisedTexts {

    /** Empty when the item has no recognised text here; its pages' texts in page order otherwise. */
    Optional<String> ofItem(UUID itemId);

    /** An event: the recognised text of a catalogue item became available or changed. */
    interface Changed {

        UUID itemId();
    }
}
