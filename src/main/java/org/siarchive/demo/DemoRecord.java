package org.siarchive.demo;

import java.util.LinkedHashMap;
import java.util.List;
import org.siarchive.quality.Submission;

/** One business record to capture, with the pages of each of its materials. */
record DemoRecord(Submission submission, List<Page> pages) {

    /** A material rendered as a form: a title, labelled values, and whether it bears the agency's seal. */
    record Page(
            String material,
            String title,
            LinkedHashMap<String, String> fields,
            boolean pdf,
            boolean sealed,
            String agency) {}
}
