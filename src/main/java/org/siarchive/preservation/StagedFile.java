package org.siarchive.preservation;

import java.nio.file.Path;

/** An upload written to staging, with the fixity computed while it streamed in and its format. */
public record StagedFile(int seq, Path path, Fixity fixity, FileFormat format) {

    /** Where the file lives inside its OCFL object: a sequence number and an extension from the format. */
    public String logicalPath() {
        return "content/%04d%s".formatted(seq, Extensions.forFamily(format.family()));
    }
}
