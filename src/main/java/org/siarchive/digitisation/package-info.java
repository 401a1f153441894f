/**
 * Digitisation (DA/T 31-2017): scan batches from a zip or a server folder with a manifest, image quality
 * checks per page (resolution, colour mode, skew, blank and duplicate pages, missing pages), OCR in a
 * bounded worker pool behind an engine port, field extraction and classification suggestions, and the
 * archivist's confirmation that turns a scanned item into a captured one. Masters are never altered.
 * Publishes {@link org.siarchive.digitisation.ScanBatchDecided} and
 * {@link org.siarchive.digitisation.RecognisedTextFiled}; implements search's recognised-text port (ADR 0045).
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Digitisation",
        allowedDependencies = {
            "audit",
            "capture",
            "catalog",
            "crypto",
            "platform",
            "preservation",
            "quality",
            "search",
            "shared",
            "shared :: xml"
        })
package org.siarchive.digitisation;

import org.jspecify.annotations.NullMarked;
