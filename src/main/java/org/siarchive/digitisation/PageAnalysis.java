package org.siarchive.digitisation;

/**
 * What the analyser measured on one page image. {@code dpi} is 0 when the file does not say;
 * {@code skewDegrees} is the angle of the text lines (positive: clockwise); {@code inkRatio} the share of
 * dark pixels inside the margins; {@code phash} a 64-bit DCT perceptual hash; {@code fingerprint} a
 * small grey thumbnail for confirming duplicates.
 */
public record PageAnalysis(
        int widthPx,
        int heightPx,
        int dpi,
        String colourMode,
        double redRatio,
        double skewDegrees,
        double inkRatio,
        boolean blank,
        long phash,
        byte[] fingerprint) {

    public static final String COLOUR = "COLOUR";
    public static final String GREY = "GREY";
    public static final String BITONAL = "BITONAL";
}
