package org.siarchive.preservation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The file policy's settings (docs/adr/0033). {@code activeContent}: {@code refuse} (default) or
 * {@code flag} PDFs with JavaScript, launch actions or embedded files; the caps bound what one file may
 * make the platform decode (decompression bombs).
 */
@ConfigurationProperties("siarchive.files")
public record FileSettings(
        ActiveContent activeContent,
        long maxImagePixels,
        int maxPdfPages,
        int trailingBytesTolerance,
        int zipMaxEntries,
        int zipMaxRatio) {

    /** What happens to a file carrying active content. */
    public enum ActiveContent {
        REFUSE,
        FLAG
    }

    public FileSettings {
        if (activeContent == null) {
            activeContent = ActiveContent.REFUSE;
        }
        if (maxImagePixels <= 0) {
            maxImagePixels = 100_000_000L;
        }
        if (maxPdfPages <= 0) {
            maxPdfPages = 5000;
        }
        if (trailingBytesTolerance < 0) {
            trailingBytesTolerance = 0;
        } else if (trailingBytesTolerance == 0) {
            trailingBytesTolerance = 64;
        }
        if (zipMaxEntries <= 0) {
            zipMaxEntries = 10_000;
        }
        if (zipMaxRatio <= 0) {
            zipMaxRatio = 100;
        }
    }

    public static FileSettings defaults() {
        return new FileSettings(null, 0, 0, 0, 0, 0);
    }
}
