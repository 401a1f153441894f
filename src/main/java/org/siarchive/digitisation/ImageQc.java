package org.siarchive.digitisation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The DA/T 31-2017 checks a program can make on one page, as flags. Thresholds are settings; the
 * defaults follow the standard (≥ 200 dpi; ≥ 300 dpi for OCR; skew ≤ 3°) and local practice.
 */
public record ImageQc(int minDpi, int minDpiForOcr, double maxSkewDegrees) {

    public static final ImageQc DEFAULTS = new ImageQc(200, 300, 3.0);

    public static final String LOW_RESOLUTION = "LOW_RESOLUTION";
    public static final String UNKNOWN_RESOLUTION = "UNKNOWN_RESOLUTION";
    public static final String COLOUR_REQUIRED = "COLOUR_REQUIRED";
    public static final String SKEW = "SKEW";
    public static final String BLANK = "BLANK";
    public static final String DUPLICATE = "DUPLICATE";

    /** Words that say a page carries a seal or a red header: such a page must be scanned in colour. */
    private static final Pattern SEAL_WORDS = Pattern.compile("盖章|公章|印章|签章|红头");

    /** Flags of one page; {@code text} is its OCR text or manifest note, when known. */
    public List<String> check(PageAnalysis a, boolean ocrWanted, @Nullable String text) {
        var flags = new ArrayList<String>();
        if (a.dpi() == 0) {
            flags.add(UNKNOWN_RESOLUTION);
        } else if (a.dpi() < (ocrWanted ? minDpiForOcr : minDpi)) {
            flags.add(LOW_RESOLUTION);
        }
        boolean sealed = text != null && SEAL_WORDS.matcher(text).find();
        if (!a.colourMode().equals(PageAnalysis.COLOUR) && sealed) {
            flags.add(COLOUR_REQUIRED);
        }
        if (Math.abs(a.skewDegrees()) > maxSkewDegrees) {
            flags.add(SKEW);
        }
        if (a.blank()) {
            flags.add(BLANK);
        }
        return flags;
    }

    /** Indexes of pages that repeat an earlier page of the same list (the earlier one is kept). */
    public static List<Integer> duplicates(List<PageAnalysis> pages) {
        var out = new ArrayList<Integer>();
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).blank()) {
                continue; // blank pages all look alike; they are flagged as blank
            }
            for (int j = 0; j < i; j++) {
                if (!pages.get(j).blank() && PageHashes.duplicates(pages.get(i), pages.get(j))) {
                    out.add(i);
                    break;
                }
            }
        }
        return out;
    }
}
