package org.siarchive.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The report's rows as people read them, in the reader's language: section, row label, unit of measure and value
 * — the one source for the page, the Excel workbook and the PDF (docs/adr/0090).
 */
@Component
class AnnualLayout {

    /**
     * One printed row. {@code firstOfSection} and {@code sectionSize} let a table merge the section cell; {@code
     * value} is null when the report holds no figure for the row (a row added to the configuration later).
     */
    record Line(
            String code,
            String section,
            boolean firstOfSection,
            int sectionSize,
            String label,
            String lead,
            @Nullable String name,
            String unit,
            @Nullable BigDecimal value,
            String text,
            boolean manual) {}

    private final AnnualRows rows;
    private final MessageSource messages;

    AnnualLayout(AnnualRows rows, MessageSource messages) {
        this.rows = rows;
        this.messages = messages;
    }

    List<Line> lines(Map<String, BigDecimal> figures, Locale locale) {
        var all = rows.rows();
        var out = new ArrayList<Line>();
        for (int i = 0; i < all.size(); i++) {
            var r = all.get(i);
            boolean first = i == 0 || !all.get(i - 1).section().equals(r.section());
            int size = 0;
            if (first) {
                for (int j = i; j < all.size() && all.get(j).section().equals(r.section()); j++) {
                    size++;
                }
            }
            BigDecimal v = figures.get(r.code());
            out.add(new Line(
                    r.code(),
                    msg("annual.section." + r.section(), locale),
                    first,
                    size,
                    r.labelArg() == null ? msg(r.labelKey(), locale) : msg(r.labelKey(), locale, r.labelArg()),
                    r.labelArg() == null ? msg(r.labelKey(), locale) : msg(r.labelKey(), locale, ""),
                    r.labelArg(),
                    msg("annual.unit." + r.unit(), locale),
                    v,
                    v == null ? "" : text(v, r.scale()),
                    r.manual()));
        }
        return out;
    }

    /** A value as the form prints it: whole numbers without decimals, areas and capacities with theirs. */
    static String text(BigDecimal v, int scale) {
        return v.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
