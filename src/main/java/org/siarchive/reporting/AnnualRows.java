package org.siarchive.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.HoldingFigures;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The rows of the annual report as configured in {@code reporting/annual-report-rows.txt} (docs/adr/0090): their
 * order, section, unit of measure and whether the platform counts them or people enter them. Rows by retention
 * period are expanded from the catalogue's reference data each time they are asked for.
 */
@Component
class AnnualRows {

    static final String RESOURCE = "reporting/annual-report-rows.txt";

    /**
     * One row. {@code labelArg} is the retention period's name for a per-period row (its label is then {@code
     * annual.row.<base>.by}); {@code max} and {@code scale} bound a manual figure.
     */
    record Row(
            String code,
            String section,
            String labelKey,
            @Nullable String labelArg,
            String unit,
            boolean manual,
            BigDecimal max,
            int scale) {}

    private record Line(String section, String code, String unit, boolean manual, BigDecimal max, int scale) {}

    private final List<Line> lines;
    private final HoldingFigures holdings;

    AnnualRows(HoldingFigures holdings) {
        this.holdings = holdings;
        this.lines = read();
    }

    /** Every row in order, per-period rows expanded. */
    List<Row> rows() {
        var periods = holdings.periods();
        var out = new ArrayList<Row>();
        for (var l : lines) {
            if (l.code().endsWith(".*")) {
                String base = l.code().substring(0, l.code().length() - 2);
                for (var p : periods) {
                    out.add(new Row(
                            base + "." + p.code(),
                            l.section(),
                            "annual.row." + base + ".by",
                            p.name(),
                            l.unit(),
                            false,
                            BigDecimal.ZERO,
                            0));
                }
            } else {
                out.add(new Row(
                        l.code(),
                        l.section(),
                        "annual.row." + l.code(),
                        null,
                        l.unit(),
                        l.manual(),
                        l.max(),
                        l.scale()));
            }
        }
        return out;
    }

    List<Row> manualRows() {
        return rows().stream().filter(Row::manual).toList();
    }

    /** The computed codes the configuration names (per-period rows by their base code). */
    Set<String> computedBases() {
        var out = new java.util.LinkedHashSet<String>();
        for (var l : lines) {
            if (!l.manual()) {
                out.add(l.code().endsWith(".*") ? l.code().substring(0, l.code().length() - 2) : l.code());
            }
        }
        return out;
    }

    private static List<Line> read() {
        String text;
        try (var in = new ClassPathResource(RESOURCE).getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var out = new ArrayList<Line>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|");
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i].strip();
            }
            if (f.length < 4 || !f[1].matches("[A-Za-z]+(\\.\\*)?") || !f[0].matches("[A-Za-z]+")) {
                throw new IllegalStateException(RESOURCE + ": cannot read the row " + line);
            }
            boolean manual = f[3].equals("MANUAL");
            if (manual && (f.length < 6 || f[1].endsWith(".*"))) {
                throw new IllegalStateException(
                        RESOURCE + ": a MANUAL row names its largest value and decimals: " + line);
            }
            if (!manual && !f[3].equals("COMPUTED")) {
                throw new IllegalStateException(RESOURCE + ": COMPUTED or MANUAL: " + line);
            }
            out.add(new Line(
                    f[0],
                    f[1],
                    f[2],
                    manual,
                    manual ? new BigDecimal(f[4]) : BigDecimal.ZERO,
                    manual ? Integer.parseInt(f[5]) : 0));
        }
        return List.copyOf(out);
    }
}
