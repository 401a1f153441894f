package org.siarchive.shared.xml;

import java.io.IOException;

/**
 * The door refused a document. An {@link IOException} so that every caller's "cannot read this file" path
 * handles it; {@link #reason()} lets a caller say why without echoing the parser's message, which may
 * quote the document.
 */
public final class RefusedXmlException extends IOException {

    /** Why a document was refused. */
    public enum Reason {
        /** A DOCTYPE: the carrier of external entities, entity expansion and external DTDs. */
        DOCTYPE,
        /** Not well-formed XML. */
        MALFORMED,
        /** Larger than the caller's bound, or a container with too many or too large parts. */
        TOO_LARGE
    }

    private final Reason reason;

    RefusedXmlException(Reason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = reason;
    }

    RefusedXmlException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
