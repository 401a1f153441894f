package org.siarchive.digitisation;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.ArchiveCodeInput;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;

/**
 * A batch's manifest ({@code manifest.csv}, or {@code manifest.xlsx} read by {@link ExcelManifest}): which
 * pages form an item, and what is known about it. {@code pages,business_step,cert_no,name,title} per line,
 * optionally a sixth column {@code acceptance_no} (the case's 业务受理号) and a seventh {@code archive_code}
 * (an existing 档号 whose paper the pages re-digitise, docs/adr/0062; a header naming {@code archive_code} or
 * {@code 档号} puts it in any column), pages as {@code 3} or {@code 3-5}; a header line.
 */
final class Manifest {

    /** What capture accepts as a 业务受理号. */
    static final String ACCEPTANCE_NO = "[A-Za-z0-9_\\-]{1,64}";

    /** The column of the 档号 when the header does not name it: the seventh. */
    static final int ARCHIVE_CODE_COLUMN = 6;

    private Manifest() {}

    /** A manifest line. */
    record Item(
            int from,
            int to,
            @Nullable String step,
            @Nullable String certNo,
            @Nullable String name,
            @Nullable String title,
            @Nullable String acceptanceNo,
            @Nullable String archiveCode) {

        Item(
                int from,
                int to,
                @Nullable String step,
                @Nullable String certNo,
                @Nullable String name,
                @Nullable String title,
                @Nullable String acceptanceNo) {
            this(from, to, step, certNo, name, title, acceptanceNo, null);
        }
    }

    /** Without a manifest the batch is one item, split later at its cover sheets. */
    static List<Item> wholeBatch(int pageCount) {
        return List.of(new Item(1, pageCount, null, null, null, null, null));
    }

    static List<Item> parse(String csv, int pageCount) {
        var out = new ArrayList<Item>();
        var lines = csv.replace("\uFEFF", "").split("\\R");
        int codeColumn = archiveCodeColumn(lines[0]);
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
                String code = archiveCode(blank(f, codeColumn), i + 1);
                out.add(new Item(from, to, blank(f, 1), blank(f, 2), blank(f, 3), blank(f, 4), acceptanceNo, code));
            } catch (InvalidInputException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new InvalidInputException(Violation.of("manifest", "manifestLine", i + 1));
            }
        }
        if (out.isEmpty()) {
            throw new InvalidInputException(Violation.of("manifest", "manifestLine", 2));
        }
        return out;
    }

    /** The header's {@code archive_code} (or {@code 档号}) column, else the seventh. */
    static int archiveCodeColumn(String header) {
        String[] names = header.split(",", -1);
        for (int c = 0; c < names.length; c++) {
            String n = names[c].strip().toLowerCase(java.util.Locale.ROOT);
            if (n.equals("archive_code") || n.equals("档号")) {
                return c;
            }
        }
        return ARCHIVE_CODE_COLUMN;
    }

    /**
     * A 档号 as the manifest gives it, when it has a 档号's form: parts of letters and digits between
     * separators, at least three parts, the last one the 件号 (digits), at most 120 characters. Whether it
     * exists is checked when the item is confirmed, within the confirmer's scope.
     */
    static @Nullable String archiveCode(@Nullable String code, int line) {
        if (code == null) {
            return null;
        }
        String key = ArchiveCodeInput.key(code);
        if (code.length() > 120 || !key.matches("[A-Z0-9]+(-[A-Z0-9]+){2,}") || !key.matches(".*-[0-9]+")) {
            throw new InvalidInputException(Violation.of("manifest", "manifestArchiveCode", line, code));
        }
        return code;
    }

    private static @Nullable String blank(String[] f, int i) {
        return i < f.length && !f[i].isBlank() ? f[i].strip() : null;
    }
}
