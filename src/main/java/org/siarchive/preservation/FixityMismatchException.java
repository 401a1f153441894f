package org.siarchive.preservation;

import java.io.IOException;

/** Stored bytes no longer match the digests registered at capture. */
public class FixityMismatchException extends IOException {

    private final String objectId;
    private final String logicalPath;

    public FixityMismatchException(String objectId, String logicalPath, Fixity expected, Fixity actual) {
        super("fixity mismatch in " + objectId + "/" + logicalPath + ": expected " + expected + ", read " + actual);
        this.objectId = objectId;
        this.logicalPath = logicalPath;
    }

    public String objectId() {
        return objectId;
    }

    public String logicalPath() {
        return logicalPath;
    }
}
