package org.siarchive.support.corpus;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Character accuracy of OCR text against a page's ground-truth segments, independent of the order in
 * which the engine read the blocks (columns, cells, a seal's neighbourhood).
 *
 * <p>Both sides are NFKC-normalised (a full-width colon read as an ASCII one is the same character to a
 * reader) and stripped of whitespace. Each segment, longest first, is located in the OCR text by
 * semi-global alignment: the edit distance between the segment and the best-matching substring of the
 * text (the substring may start and end anywhere). Characters already claimed by an earlier segment's
 * match count as mismatches, so a repeated cell ("男", "1") cannot match twice in one place. A segment
 * whose best match costs as much as its length is simply missing (cost = its length, nothing claimed).
 * Then
 *
 * <pre>
 *   errors   = Σ segment edit distances + OCR characters claimed by no segment (insertions: text read
 *              from ruling lines, seals, scribbles, speckle)
 *   accuracy = max(0, 1 − errors / Σ segment lengths)
 * </pre>
 *
 * Perfect text in any block order scores 1.0; one wrong character in N ground-truth characters scores
 * 1 − 1/N; garbage of k characters anywhere scores 1 − k/N.
 */
public final class OcrScore {

    private OcrScore() {}

    static String normalise(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    /** Segment-order-independent character accuracy, 0..1. */
    public static double accuracy(List<String> segments, String ocrText) {
        String text = normalise(ocrText);
        int[] t = text.codePoints().toArray();
        boolean[] claimed = new boolean[t.length];
        var segs = new ArrayList<int[]>();
        long total = 0;
        for (String s : segments) {
            int[] cps = normalise(s).codePoints().toArray();
            if (cps.length > 0) {
                segs.add(cps);
                total += cps.length;
            }
        }
        if (total == 0) {
            return t.length == 0 ? 1.0 : 0.0;
        }
        segs.sort(Comparator.comparingInt((int[] a) -> a.length).reversed());
        long errors = 0;
        for (int[] seg : segs) {
            errors += align(seg, t, claimed);
        }
        for (boolean c : claimed) {
            if (!c) {
                errors++;
            }
        }
        return Math.max(0, 1 - (double) errors / total);
    }

    /**
     * Edit distance of {@code seg} against its best-matching substring of {@code t}; claims that substring.
     * Two DP rows; each cell remembers where its alignment started in {@code t}.
     */
    static int align(int[] seg, int[] t, boolean[] claimed) {
        int n = t.length;
        int[] prev = new int[n + 1];
        int[] cur = new int[n + 1];
        int[] prevStart = new int[n + 1];
        int[] curStart = new int[n + 1];
        for (int j = 0; j <= n; j++) {
            prevStart[j] = j;
        }
        for (int i = 1; i <= seg.length; i++) {
            cur[0] = i;
            curStart[0] = 0;
            for (int j = 1; j <= n; j++) {
                int cost = seg[i - 1] == t[j - 1] && !claimed[j - 1] ? 0 : 1;
                int best = prev[j - 1] + cost;
                int start = prevStart[j - 1];
                if (prev[j] + 1 < best) {
                    best = prev[j] + 1;
                    start = prevStart[j];
                }
                if (cur[j - 1] + 1 < best) {
                    best = cur[j - 1] + 1;
                    start = curStart[j - 1];
                }
                cur[j] = best;
                curStart[j] = start;
            }
            int[] x = prev;
            prev = cur;
            cur = x;
            x = prevStart;
            prevStart = curStart;
            curStart = x;
        }
        int end = 0;
        for (int j = 1; j <= n; j++) {
            if (prev[j] < prev[end]) {
                end = j;
            }
        }
        int distance = prev[end];
        if (distance >= seg.length) {
            return seg.length;
        }
        for (int j = prevStart[end]; j < end; j++) {
            claimed[j] = true;
        }
        return distance;
    }
}
