package org.siarchive.digitisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.siarchive.quality.CitizenIdNumber;
import org.siarchive.quality.CreditCode;

/**
 * Fields found in OCR text: 公民身份号码 (GB 11643 checksum-valid only), 统一社会信用代码 (GB 32100 valid
 * only), dates, names after a 姓名 label, and the form title; and a scored guess of the business step from
 * a dictionary of step and material names, boosted by the archivists' earlier confirmations.
 */
public final class Extraction {

    private static final Pattern ID = Pattern.compile(
            "(?<![0-9])[1-9]\\d{5}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx](?![0-9])");
    private static final Pattern CREDIT =
            Pattern.compile("(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])");
    private static final Pattern DATE = Pattern.compile("((?:19|20)\\d{2})[年\\-./]([01]?\\d)[月\\-./]([0-3]?\\d)日?");
    private static final Pattern NAME = Pattern.compile("姓名[:：]?([\\u4e00-\\u9fa5·]{2,5})");
    private static final Pattern DATE_LINE = Pattern.compile("[0-9〇○零一二三四五六七八九十年月日./\\-]{6,16}");
    private static final Pattern TITLE_WORDS = Pattern.compile("(表|单|书|证明|通知|决定|报告|申请|登记|合同)$");

    private Extraction() {}

    /** What the text says. */
    public record Fields(
            List<String> idNumbers,
            List<String> creditCodes,
            List<String> dates,
            List<String> names,
            @Nullable String title) {}

    /** A business step a page may belong to, with the words that identify it. */
    public record StepTerms(String code, String name, List<String> terms) {}

    /** A suggested step, its score and a confidence between 0 and 1. */
    public record Suggestion(String stepCode, String stepName, double score, double confidence) {}

    /** OCR puts spaces between Chinese characters and inside numbers; fields are read from compact text. */
    static String compact(String text) {
        return text.replaceAll("[ \\t\\u3000]+", "");
    }

    public static Fields fields(String ocrText) {
        String text = compact(ocrText);
        var ids = new LinkedHashSet<String>();
        var m = ID.matcher(text);
        while (m.find()) {
            String id = m.group().toUpperCase(java.util.Locale.ROOT);
            if (CitizenIdNumber.isValid(id)) {
                ids.add(id);
            }
        }
        var credits = new LinkedHashSet<String>();
        m = CREDIT.matcher(text);
        while (m.find()) {
            if (CreditCode.problem(m.group()).isEmpty()) {
                credits.add(m.group());
            }
        }
        var dates = new LinkedHashSet<String>();
        m = DATE.matcher(text);
        while (m.find()) {
            try {
                dates.add(java.time.LocalDate.of(
                                Integer.parseInt(m.group(1)),
                                Integer.parseInt(m.group(2)),
                                Integer.parseInt(m.group(3)))
                        .toString());
            } catch (java.time.DateTimeException e) {
                // not a calendar date
            }
        }
        var names = new LinkedHashSet<String>();
        m = NAME.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return new Fields(
                List.copyOf(ids), List.copyOf(credits), List.copyOf(dates), List.copyOf(names), title(ocrText));
    }

    /**
     * What a page says, read from its word boxes (docs/adr/0059): the form is recognised by its printed
     * title among the templates, fields are read from their labelled cells and checked; the whole-text
     * patterns of {@link #fields(String)} stand in for a field whose label is not on the page (and for ID
     * numbers and credit codes, which they check too, when the labelled cell gave none). The title is the
     * matched material's name, never the recognised line.
     */
    public static Fields fields(OcrEngine.Result page) {
        return fields(page, FormTemplates.standard(), java.time.LocalDate.now(java.time.Clock.systemUTC()));
    }

    static Fields fields(OcrEngine.Result page, FormTemplates templates, java.time.LocalDate today) {
        var lines = WordLines.of(page.words());
        var match = FormTitleReader.recognise(lines, templates);
        var template = match.map(FormTitleReader.TitleMatch::template).orElseGet(templates::generic);
        var read = LabelledFields.read(lines, template, templates, today);
        var byText = fields(page.text());
        var labels = templates.allLabelWords();
        var textNames = byText.names().stream()
                .flatMap(n -> FieldValues.name(n, labels).stream())
                .toList();
        var textDates = new LinkedHashSet<String>(standaloneDates(lines, today));
        byText.dates().forEach(d -> FieldValues.date(d, today).ifPresent(textDates::add));
        return new Fields(
                orElse(read, FieldKind.ID_NUMBER, byText.idNumbers(), true),
                orElse(read, FieldKind.CREDIT_CODE, byText.creditCodes(), true),
                orElse(read, FieldKind.DATE, List.copyOf(textDates), false),
                orElse(read, FieldKind.NAME, textNames, false),
                match.map(m -> m.template().name()).orElse(null));
    }

    /**
     * Dates on a line of their own, lowest first: without a date label, the date under a letter's signature
     * or seal is the document's date, not one its text mentions.
     */
    private static List<String> standaloneDates(List<WordLines.Line> lines, java.time.LocalDate today) {
        var out = new ArrayList<String>();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String t = FormTitles.compact(lines.get(i).text());
            if (t.length() <= 16 && DATE_LINE.matcher(t).matches()) {
                FieldValues.date(t, today).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The labelled values, or the whole-text ones where no label was found (or, if checked, none was valid). */
    private static List<String> orElse(
            LabelledFields.Reading read, FieldKind kind, List<String> byText, boolean checkedByText) {
        var labelled = read.values(kind);
        if (!labelled.isEmpty()) {
            return List.copyOf(labelled);
        }
        return checkedByText || !read.labelled().contains(kind) ? byText : List.of();
    }

    /** The first short line that reads like a form title. */
    static @Nullable String title(String ocrText) {
        for (String line : ocrText.split("\\R")) {
            String l = compact(line);
            if (l.length() >= 4 && l.length() <= 30 && TITLE_WORDS.matcher(l).find()) {
                return l;
            }
        }
        return null;
    }

    /**
     * Scores every step: each of its terms found in the text adds the term's length (a form title counts
     * double); earlier confirmations of the same title add weight to the step the archivist chose.
     */
    public static List<Suggestion> suggest(
            String ocrText, List<StepTerms> steps, Map<String, Map<String, Integer>> confirmed) {
        return suggest(ocrText, null, steps, confirmed);
    }

    /**
     * As {@link #suggest(String, List, Map)}, with the form recognised by its template (docs/adr/0059): the
     * material's name is the title, and a step whose materials include it gains twice the name's length even
     * where the text holds the name misread.
     */
    public static List<Suggestion> suggest(
            String ocrText,
            @Nullable String formName,
            List<StepTerms> steps,
            Map<String, Map<String, Integer>> confirmed) {
        String text = compact(ocrText);
        String title = formName != null ? formName : title(ocrText);
        var scored = new ArrayList<Suggestion>();
        for (var s : steps) {
            double score = formName != null && s.terms().contains(formName) ? 2.0 * formName.length() : 0;
            for (String term : s.terms()) {
                String t = compact(term);
                if (t.length() >= 2 && text.contains(t)) {
                    score += t.length() * (title != null && title.contains(t) ? 2 : 1);
                }
            }
            if (title != null && confirmed.containsKey(title)) {
                score += 10 * confirmed.get(title).getOrDefault(s.code(), 0);
            }
            if (score > 0) {
                scored.add(new Suggestion(s.code(), s.name(), score, 0));
            }
        }
        scored.sort(Comparator.comparingDouble(Suggestion::score).reversed());
        double total = scored.stream().mapToDouble(Suggestion::score).sum();
        return scored.stream()
                .limit(5)
                .map(s -> new Suggestion(
                        s.stepCode(),
                        s.stepName(),
                        s.score(),
                        total == 0 ? 0 : Math.round(s.score() / total * 100) / 100.0))
                .toList();
    }
}
