package org.siarchive.preservation;

import java.util.Locale;

/** File-name extensions chosen from the identified format (the sender's name is never used). */
final class Extensions {

    private Extensions() {}

    static String forFamily(String family) {
        return switch (family) {
            case "JPEG" -> ".jpg";
            case "TIFF" -> ".tif";
            case "UNKNOWN" -> ".bin";
            default -> "." + family.toLowerCase(Locale.ROOT);
        };
    }
}
