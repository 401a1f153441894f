package org.siarchive.digitisation;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Manual probe: the drawn ruled form through each combination of steps (prints; asserts nothing). */
@Tag("bench")
class OcrStepsProbe {

    @Test
    void probe() throws Exception {
        var engine = new TesseractEngine("/usr/share/tesseract-ocr/5/tessdata", "chi_sim", 3);
        for (boolean poor : new boolean[] {false, true}) {
            var page = new RuledFormPage(300, true, poor, poor ? 2.0 : 0, 5);
            var analysis = PageAnalyzer.analyse(page.image, 300);
            javax.imageio.ImageIO.write(page.image, "png", new java.io.File("/tmp/ruled-" + poor + ".png"));
            String truth = String.join("", page.segments);
            for (var s : new OcrSettings[] {
                OcrSettings.BLOCK_ONLY,
                OcrSettings.BLOCK_ONLY.with(OcrEngine.Segmentation.AUTO),
                OcrSettings.PRODUCTION.steps("seals", "sauvola", "speckles"),
                OcrSettings.PRODUCTION.steps("seals", "sauvola", "speckles", "missed"),
                OcrSettings.PRODUCTION.steps("lines", "seals", "sauvola", "speckles", "cells", "missed"),
            }) {
                var p = new OcrPipeline(engine, s);
                long t0 = System.nanoTime();
                var r = p.read(page.image, analysis);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                System.out.printf(
                        "PROBE poor=%s skew=%.2f %s: %.3f %d ms%n",
                        poor, analysis.skewDegrees(), s, score(page.segments, r.text()), ms);
                System.out.println(r.text().replace('\n', '|').replaceAll(" +", " "));
                if (s.prepare()) {
                    var prep = OcrPreparation.prepare(Deskew.level(page.image, analysis.skewDegrees()), s);
                    System.out.println(
                            "cells " + prep.cells().size() + " lines " + prep.lines() + " contrast " + prep.contrast());
                    javax.imageio.ImageIO.write(
                            prep.image(),
                            "png",
                            new java.io.File("/tmp/prep-" + poor + "-"
                                    + String.join(
                                            "",
                                            s.toString()
                                                    .replaceAll("[^=,]*=", "")
                                                    .split(",")) + ".png"));
                }
            }
        }
    }

    /** Order-independent: each segment's best approximate occurrence (semi-global edit distance). */
    static double score(java.util.List<String> segments, String text) {
        String t = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)
                .replaceAll("\\s+", "");
        int errors = 0;
        int total = 0;
        for (String seg : segments) {
            String a = java.text.Normalizer.normalize(seg, java.text.Normalizer.Form.NFKC)
                    .replaceAll("\\s+", "");
            int[] prev = new int[t.length() + 1];
            int[] cur = new int[t.length() + 1];
            for (int i = 1; i <= a.length(); i++) {
                cur[0] = i;
                for (int j = 1; j <= t.length(); j++) {
                    int cost = a.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
                    cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                }
                int[] x = prev;
                prev = cur;
                cur = x;
            }
            int best = a.length();
            for (int v : prev) best = Math.min(best, v);
            errors += best;
            total += a.length();
        }
        return 1.0 - (double) errors / total;
    }
}
