package org.siarchive.capture;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.quality.Submission;

/** One item of a capture batch: the same submission and files as a single capture, with its own key. */
public record BatchItem(Submission submission, List<Upload> uploads, @Nullable String idempotencyKey) {

    public BatchItem {
        uploads = List.copyOf(uploads);
    }
}
