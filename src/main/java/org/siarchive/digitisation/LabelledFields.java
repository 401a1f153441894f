package org.siarchive.digitisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fields read from their labelled cells (docs/adr/0059): a label of the form's template is found among the
 * words, its value is what follows it on the same line up to the next label or a gap wider than a cell
 * border, or, when nothing follows, what stands under it in the line below. Values are checked
 * ({@link FieldValues}); one that fails is not suggested.
 */
final class LabelledFields {

    /** A gap wider than this many character heights ends a value: the next cell begins. */
    static final double CELL_GAP = 1.5;

    /** Separators between a label and its value. */
    private static final String SEPARATORS = ":;,.、。，|()[]-—";

    private LabelledFields() {}

    /** The valid values per field, best first; which fields had a label; values rejected by their check. */
    record Reading(Map<FieldKind, List<String>> values, Set<FieldKind> labelled, List<String> rejected) {

        List<String> values(FieldKind kind) {
            return values.getOrDefault(kind, List.of());
        }
    }

    private record Found(FieldKind kind, int rank, int line, int x, String value) {}

    static Reading read(List<WordLines.Line> lines, FormTemplate template, FormTemplates all, LocalDate today) {
        var labels = labels(template, all);
        var hits = lines.stream().map(l -> LabelHits.find(l, labels)).toList();
        var found = new ArrayList<Found>();
        var labelled = EnumSet.noneOf(FieldKind.class);
        var rejected = new ArrayList<String>();
        var labelWords = all.allLabelWords();
        for (int i = 0; i < lines.size(); i++) {
            for (var h : hits.get(i)) {
                var kind = h.label().kind();
                if (kind == null) {
                    continue;
                }
                labelled.add(kind);
                String raw = CellValues.right(lines.get(i), hits.get(i), h);
                if (raw.isEmpty()) {
                    raw = CellValues.below(lines, hits, i, h);
                }
                var value = check(kind, raw, labelWords, today);
                if (value.isPresent()) {
                    found.add(new Found(
                            kind,
                            h.label().rank(),
                            i,
                            lines.get(i).glyphs().get(h.start()).x0(),
                            value.get()));
                } else if (!raw.isEmpty()) {
                    rejected.add(kind.key);
                }
            }
        }
        found.sort(Comparator.comparingInt(Found::rank)
                .thenComparingInt(Found::line)
                .thenComparingInt(Found::x));
        var values = new EnumMap<FieldKind, List<String>>(FieldKind.class);
        for (var f : found) {
            var list = values.computeIfAbsent(f.kind(), k -> new ArrayList<>());
            if (!list.contains(f.value())) {
                list.add(f.value());
            }
        }
        return new Reading(values, labelled, rejected);
    }

    /** The template's labels of its fields, ranked in template order; other fields' labels and stops end values. */
    static List<LabelHits.Label> labels(FormTemplate template, FormTemplates all) {
        var out = new ArrayList<LabelHits.Label>();
        var seen = new LinkedHashSet<String>();
        for (var kind : FieldKind.values()) {
            var own = template.labels(kind).isEmpty() ? all.genericLabels(kind) : template.labels(kind);
            int rank = 0;
            for (String text : own) {
                if (seen.add(text)) {
                    out.add(new LabelHits.Label(template.fields().contains(kind) ? kind : null, text, rank++));
                }
            }
        }
        for (String stop : all.stops()) {
            if (seen.add(stop)) {
                out.add(new LabelHits.Label(null, stop, 0));
            }
        }
        return out;
    }

    static Optional<String> check(FieldKind kind, String raw, List<String> labelWords, LocalDate today) {
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        return switch (kind) {
            case ID_NUMBER -> FieldValues.idNumber(raw);
            case CREDIT_CODE -> FieldValues.creditCode(raw);
            case DATE -> FieldValues.date(raw, today);
            case NAME, HANDLER -> FieldValues.name(raw, labelWords);
            case EMPLOYER, AGENCY -> FieldValues.organisation(raw, labelWords);
        };
    }

    static String separators() {
        return SEPARATORS;
    }
}
