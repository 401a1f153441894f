package org.siarchive.digitisation;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;

/**
 * A batch's manifest ({@code manifest.csv}, or {@code manifest.xlsx} read by {@link ExcelManifest}): which
 * pages form an item, and what is known about it. {@code pages,business_step,cert_no,name,title} per line,
 * optionally a sixth column {@code acceptance_no} (the case's 业务受理号), pages as {@code 3} or {@code 3-5};
 * a header line.
 */
final class Manifest {

    /** What capture accepts as a 业务受理号. */
    static final String ACCEPTANCE_NO = "[A-Za-z0-9_\\-]{1,64}";

    private Manifest() {}

    /** A manifest line. */
    record Item(
            int from,
            int to,
            @Nullable String step,
            @Nullable String certNo,
            @Nullable String name,
            @Nullable String title,
            @Nullable String acceptanceNo) {}

    /** Without a manifest the batch is one item, split later at its cover sheets. */
    static List<Item> wholeBatch(int pageCount) {
        return List.of(new Item(1, pageCount, null, null, null, null, null));
    }

    static List<Item> parse(String csv, int pageCount) {
        var out = new ArrayList<Item>();
        var lines = csv.replace("\uFEFF", "").split("\\R");
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            try {
                String[] range = f[0].strip().split("-");
                int from = Integer.parseInt(range[0].strip());
                int to = range.length > 1 ? Integer.parseInt(range[1].strip()) : from;
                String acceptanceNo = blank(f, 5);
                if (from < 1 || to < from || (acceptanceNo != null && !acceptanceNo.matches(ACCEPTANCE_NO))) {
                    throw new NumberFormatException();
                }
                out.add(new Item(from, to, blank(f, 1), blank(f, 2), blank(f, 3), blank(f, 4), acceptanceNo));
            } catch (RuntimeException e) {
                throw new InvalidInputException(Violation.of("manifest", "manifestLine", i + 1));
            }
        }
        if (out.isEmpty()) {
            throw new InvalidInputException(Violation.of("manifest", "manifestLine", 2));
        }
        return out;
    }

    private static @Nullable String blank(String[] f, int i) {
        return i < f.length && !f[i].isBlank() ? f[i].strip() : null;
    }
}
