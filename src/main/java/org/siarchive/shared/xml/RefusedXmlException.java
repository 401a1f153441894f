package org.siarchive.shared.xml;

import java.io.IOException;

/**
 * The door refused a document. An {@link IOException} so that every caller's "cannot read this file" path
 * handles it. The message is in Chinese and names only the reason and a bound, never the parser's message,
 * which may quote the document (the parser's exception is kept as the cause, for the log).
 */
public final class RefusedXmlException extends IOException {

    /** Why a document was refused. */
    public enum Reason {
        /** A DOCTYPE: the carrier of external entities, entity expansion and external DTDs. */
        DOCTYPE("含有 DOCTYPE 声明，不予解析"),
        /** Not well-formed XML. */
        MALFORMED("不是格式正确的 XML"),
        /** Larger than the caller's bound, or a container with too many or too large parts. */
        TOO_LARGE("超出大小上限");

        private final String text;

        Reason(String text) {
            this.text = text;
        }
    }

    private final Reason reason;

    RefusedXmlException(Reason reason, String detail, Throwable cause) {
        super(reason.text + "（" + detail + "）", cause);
        this.reason = reason;
    }

    RefusedXmlException(Reason reason, String detail) {
        super(reason.text + "（" + detail + "）");
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
