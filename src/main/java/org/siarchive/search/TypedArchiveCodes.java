package org.siarchive.search;

import java.util.regex.Pattern;
import org.siarchive.catalog.ArchiveCodeInput;

/** Free text that reads as a 档号 or a part of one, the way people type it (docs/adr/0051). */
final class TypedArchiveCodes {

    /** Letters and digits in at least two parts, with a digit somewhere: GRCB-0002, SC·2024, ＳＣ．２０２４. */
    private static final Pattern CODE = Pattern.compile("(?=.*[0-9])[A-Z0-9]+(-[A-Z0-9]+)+");

    private TypedArchiveCodes() {}

    static boolean looksLikeCode(String text) {
        return CODE.matcher(ArchiveCodeInput.key(text)).matches();
    }
}
