package org.siarchive.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.siarchive.preservation.AcceptedFormats;
import org.siarchive.preservation.StagedFile;
import org.siarchive.quality.FilingRules;
import org.siarchive.quality.RequiredField;
import org.siarchive.quality.Submission;
import org.siarchive.shared.OriginalNames;

/** The filing check's view of a capture: its mandatory fields and its staged files. */
final class Filings {

    private Filings() {}

    static FilingRules.Filing of(Submission s, List<Upload> uploads, List<StagedFile> staged, AcceptedFormats formats) {
        var files = new ArrayList<FilingRules.FiledFile>();
        for (int i = 0; i < staged.size(); i++) {
            files.add(file(
                    "files[" + i + "]", OriginalNames.clean(uploads.get(i).originalName()), staged.get(i), formats));
        }
        return new FilingRules.Filing(
                s.acceptanceNo() == null ? "" : s.acceptanceNo().strip(),
                RequiredField.of(s),
                s.filesOrEmpty().size(),
                files);
    }

    private static FilingRules.FiledFile file(
            String field, @org.jspecify.annotations.Nullable String name, StagedFile f, AcceptedFormats formats) {
        long onDisk = -1;
        String problem = null;
        try {
            onDisk = Files.size(f.path());
        } catch (IOException e) {
            problem = String.valueOf(e.getMessage());
        }
        var refusal = f.format().refusal();
        return new FilingRules.FiledFile(
                field,
                name,
                AcceptedFormats.claimedBy(name),
                f.path(),
                f.fixity().size(),
                onDisk,
                problem,
                f.fixity().sm3(),
                f.fixity().sha256(),
                f.format().family(),
                f.format().mediaType(),
                formats.accepts(f.format()),
                f.format().readable(),
                refusal == null ? null : refusal.detail());
    }
}
