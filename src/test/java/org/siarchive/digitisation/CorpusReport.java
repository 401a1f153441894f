package org.siarchive.digitisation;

import java.util.List;
import java.util.Locale;
import org.siarchive.support.corpus.OcrCorpus;

/** The per-layout table of {@link OcrCorpusAccuracyTest}, as Markdown. */
final class CorpusReport {

    private CorpusReport() {}

    /** Mean and minimum accuracy per condition, pages whose four fields were all found, OCR time. */
    record Row(
            String layout,
            double clean,
            double cleanMin,
            double poor,
            double poorMin,
            int fieldsOk,
            int pages,
            String missed,
            long millis) {}

    static Row row(String layout, List<OcrCorpusAccuracyTest.Outcome> outcomes) {
        var clean = outcomes.stream()
                .filter(o -> !o.page().poor())
                .mapToDouble(OcrCorpusAccuracyTest.Outcome::accuracy)
                .summaryStatistics();
        var poor = outcomes.stream()
                .filter(o -> o.page().poor())
                .mapToDouble(OcrCorpusAccuracyTest.Outcome::accuracy)
                .summaryStatistics();
        int ok = (int) outcomes.stream().filter(o -> o.missedFields().isEmpty()).count();
        var missed = new StringBuilder();
        for (var o : outcomes) {
            if (!o.missedFields().isEmpty()) {
                missed.append(missed.length() == 0 ? "" : "; ")
                        .append(o.page().poor() ? "poor: " : "clean: ")
                        .append(String.join(",", o.missedFields()));
            }
        }
        long ms = outcomes.stream()
                .mapToLong(OcrCorpusAccuracyTest.Outcome::millis)
                .sum();
        return new Row(
                layout, avg(clean), min(clean), avg(poor), min(poor), ok, outcomes.size(), missed.toString(), ms);
    }

    private static double avg(java.util.DoubleSummaryStatistics s) {
        return s.getCount() == 0 ? Double.NaN : s.getAverage();
    }

    private static double min(java.util.DoubleSummaryStatistics s) {
        return s.getCount() == 0 ? Double.NaN : s.getMin();
    }

    static String markdown(
            List<Row> rows, List<OcrCorpusAccuracyTest.Outcome> all, int psm, long seed, java.util.Set<String> below) {
        var sb = new StringBuilder();
        sb.append("## OCR corpus accuracy (seed ")
                .append(seed)
                .append(", psm ")
                .append(psm)
                .append(")\n\n");
        sb.append("| layout | clean accuracy | poor accuracy | fields ok | missed fields | OCR s |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (var r : rows) {
            sb.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %d/%d | %s | %.1f |%n",
                    below.contains(r.layout()) ? r.layout() + " (below goal)" : r.layout(),
                    range(r.clean(), r.cleanMin()),
                    range(r.poor(), r.poorMin()),
                    r.fieldsOk(),
                    r.pages(),
                    r.missed().isEmpty() ? "–" : r.missed(),
                    r.millis() / 1000.0));
        }
        double clean = all.stream()
                .filter(o -> !o.page().poor())
                .mapToDouble(OcrCorpusAccuracyTest.Outcome::accuracy)
                .average()
                .orElse(Double.NaN);
        double poor = all.stream()
                .filter(o -> o.page().poor())
                .mapToDouble(OcrCorpusAccuracyTest.Outcome::accuracy)
                .average()
                .orElse(Double.NaN);
        sb.append(String.format(
                Locale.ROOT,
                "| **mean** | %.3f | %.3f | %d/%d | | |%n%n",
                clean,
                poor,
                all.stream().filter(o -> o.missedFields().isEmpty()).count(),
                all.size()));
        sb.append("Pages:\n\n");
        for (var o : all) {
            var worse = OcrCorpus.degradations(o.page());
            sb.append(String.format(
                    Locale.ROOT,
                    "- `%s` skew %.1f°%s: %.3f%s%n",
                    o.page().id(),
                    o.page().skewDegrees(),
                    worse.isEmpty() ? "" : ", " + String.join(", ", worse),
                    o.accuracy(),
                    o.missedFields().isEmpty() ? "" : " (missed " + String.join(", ", o.missedFields()) + ")"));
        }
        return sb.toString();
    }

    /** "mean (min)" when several pages, else the value. */
    private static String range(double mean, double min) {
        if (Double.isNaN(mean)) {
            return "–";
        }
        return mean == min
                ? String.format(Locale.ROOT, "%.3f", mean)
                : String.format(Locale.ROOT, "%.3f (min %.3f)", mean, min);
    }
}
