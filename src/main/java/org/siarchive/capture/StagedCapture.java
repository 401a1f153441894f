package org.siarchive.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.siarchive.catalog.NewItem;
import org.siarchive.preservation.StagedFile;
import org.siarchive.quality.FilingRules;
import org.siarchive.quality.Submission;
import org.siarchive.shared.OriginalNames;

/**
 * A capture checked and staged (digests, format) under {@code id}, waiting for its filing check: a batch runs the
 * checks of all its items together ({@link FilingGate#requireAll}, docs/adr/0121).
 */
record StagedCapture(
        UUID id,
        String key,
        Submission submission,
        List<Upload> uploads,
        List<StagedFile> files,
        FilingRules.Filing filing) {

    /** The item to register for this capture once its filing check passed: its files as staged. */
    NewItem newItem(String fingerprint, java.time.ZoneId zone) {
        var fs = new ArrayList<NewItem.NewFile>();
        for (int i = 0; i < files.size(); i++) {
            var f = files.get(i);
            fs.add(new NewItem.NewFile(
                    f.seq(),
                    submission.filesOrEmpty().get(i).material().strip(),
                    OriginalNames.clean(uploads.get(i).originalName()),
                    f.logicalPath(),
                    f.format().mediaType(),
                    f.format().name(),
                    f.fixity().size(),
                    f.fixity().sm3(),
                    f.fixity().sha256()));
        }
        return SubmissionMapping.toNewItem(id, key, fingerprint, submission, fs, zone);
    }
}
