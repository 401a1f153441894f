package org.siarchive.digitisation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.Classification;

/**
 * The title of a scanned item: the name of the form it is, as the classification lists it for the item's
 * business step (参保人员增员表), never the raw OCR line ("任会保险参保人员增员表" with a misread character).
 * The recognised text is matched against the step's material names by character bigrams, which tolerates
 * a misread or dropped character; without a match the step's first required material names the item.
 */
final class FormTitles {

    /** Share of a material name's bigrams that must appear in the text. */
    static final double MATCH = 0.6;

    private FormTitles() {}

    /**
     * The title to file: a typed title that names one of the step's materials gives that name; an edited
     * title (neither blank nor the raw recognised line nor another step's form) is the archivist's and is
     * kept; otherwise the recognised text decides, falling back to the step's first required material.
     */
    static String resolve(
            Classification.Step step,
            @Nullable String typed,
            @Nullable String recognisedTitle,
            @Nullable String recognisedText,
            Set<String> allMaterialNames) {
        String t = typed == null ? "" : typed.strip();
        var typedMatch = bestMatch(step, t);
        if (typedMatch != null) {
            return typedMatch;
        }
        boolean untouched = t.isEmpty()
                || t.equals(recognisedTitle == null ? "" : recognisedTitle.strip())
                || allMaterialNames.contains(t);
        if (!untouched) {
            return t;
        }
        return suggest(step, recognisedTitle, recognisedText);
    }

    /** The form name for the step from what was recognised, or the step's first required material. */
    static String suggest(Classification.Step step, @Nullable String recognisedTitle, @Nullable String recognisedText) {
        var fromTitle = bestMatch(step, recognisedTitle);
        if (fromTitle != null) {
            return fromTitle;
        }
        var fromText = bestMatch(step, recognisedText);
        return fromText != null ? fromText : fallback(step);
    }

    static String fallback(Classification.Step step) {
        return step.materials().stream()
                .filter(Classification.StepMaterial::required)
                .findFirst()
                .or(() -> step.materials().stream().findFirst())
                .map(Classification.StepMaterial::name)
                .orElse(step.name());
    }

    /** The step's material whose name the text holds best (at least {@link #MATCH}), or none. */
    static @Nullable String bestMatch(Classification.Step step, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        var textGrams = bigrams(compact(text));
        String best = null;
        double bestScore = MATCH;
        for (var m : step.materials()) {
            var grams = bigrams(compact(m.name()));
            if (grams.isEmpty()) {
                continue;
            }
            long found = grams.stream().filter(textGrams::contains).count();
            double score = (double) found / grams.size();
            if (score > bestScore || (score == bestScore && (best == null || longer(m, best)))) {
                best = m.name();
                bestScore = score;
            }
        }
        return best;
    }

    private static boolean longer(Classification.StepMaterial m, @Nullable String best) {
        return best != null && m.name().length() > best.length();
    }

    static String compact(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC)
                .replaceAll("[\\s\\p{Punct}（）【】《》、，。：；“”‘’·]", "");
    }

    static Set<String> bigrams(String s) {
        var out = new HashSet<String>();
        for (int i = 0; i + 1 < s.length(); i++) {
            out.add(s.substring(i, i + 2));
        }
        if (s.length() == 1) {
            out.add(s);
        }
        return out;
    }

    /** Every material name of the classification, to tell a pre-filled form name from an archivist's own title. */
    static Set<String> allMaterialNames(List<Classification.Step> steps) {
        var out = new HashSet<String>();
        steps.forEach(s -> s.materials().forEach(m -> out.add(m.name())));
        return out;
    }
}
