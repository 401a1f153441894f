package org.siarchive.digitisation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.Classification;
import org.siarchive.crypto.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Suggestions per item of a processed batch: fields read from the word boxes of its pages by the form's
 * template (ID number, name; a value from the manifest wins), the title as the name of the material whose
 * form was recognised (docs/adr/0059), and the business step that fits best, weighed by the template match
 * and the archivists' earlier confirmations ({@code step_feedback}). Runs in the caller's transaction.
 */
@Component
class Suggestions {

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final Catalog catalog;

    Suggestions(JdbcClient jdbc, FieldCipher cipher, Catalog catalog) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.catalog = catalog;
    }

    void suggest(List<BatchChecks.PageRow> pages) {
        var steps = steps();
        var feedback = feedback();
        var templates = templates();
        var words = words(pages);
        var today = catalog.now().toLocalDate();
        var byItem = new LinkedHashMap<UUID, List<BatchChecks.PageRow>>();
        for (var p : pages) {
            if (p.itemId() != null && p.ocrTextEnc() != null) {
                byItem.computeIfAbsent(p.itemId(), k -> new ArrayList<>()).add(p);
            }
        }
        byItem.forEach((item, itemPages) -> {
            var text = new StringBuilder();
            var perPage = new ArrayList<Extraction.Fields>();
            for (var p : itemPages) {
                String pageText = cipher.decrypt(p.ocrTextEnc(), ScanBatches.TEXT_CONTEXT);
                text.append(pageText).append('\n');
                var page = new OcrEngine.Result(pageText, 0, words.getOrDefault(p.id(), List.of()));
                perPage.add(Extraction.fields(page, templates, today));
            }
            store(item, text.toString(), merge(perPage), steps, feedback);
        });
    }

    /** The form templates with every material of the classification (docs/adr/0059). */
    private FormTemplates templates() {
        var materials = new ArrayList<Classification.StepMaterial>();
        catalog.classification().steps().forEach(s -> materials.addAll(s.materials()));
        return FormTemplates.standard().withMaterials(materials);
    }

    /** The decrypted word boxes of the pages that have them, by page id. */
    private Map<Long, List<OcrEngine.Word>> words(List<BatchChecks.PageRow> pages) {
        var ids = pages.stream().map(BatchChecks.PageRow::id).toList();
        var out = new HashMap<Long, List<OcrEngine.Word>>();
        for (int from = 0; from < ids.size(); from += 1000) {
            jdbc.sql("select id, ocr_words_enc from scan_page where id in (:ids) and ocr_words_enc is not null")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .query((rs, n) -> out.put(
                            rs.getLong(1), OcrWords.parse(cipher.decrypt(rs.getBytes(2), ScanBatches.WORDS_CONTEXT))))
                    .list();
        }
        return out;
    }

    /** An item's fields: each page's values in page order, the first page's recognised form. */
    static Extraction.Fields merge(List<Extraction.Fields> pages) {
        var ids = new LinkedHashSet<String>();
        var credits = new LinkedHashSet<String>();
        var dates = new LinkedHashSet<String>();
        var names = new LinkedHashSet<String>();
        String title = null;
        for (var f : pages) {
            ids.addAll(f.idNumbers());
            credits.addAll(f.creditCodes());
            dates.addAll(f.dates());
            names.addAll(f.names());
            title = title == null ? f.title() : title;
        }
        return new Extraction.Fields(
                List.copyOf(ids), List.copyOf(credits), List.copyOf(dates), List.copyOf(names), title);
    }

    private void store(
            UUID item,
            String text,
            Extraction.Fields fields,
            List<Extraction.StepTerms> steps,
            Map<String, Map<String, Integer>> feedback) {
        var suggestions = Extraction.suggest(text, fields.title(), steps, feedback);
        var best = suggestions.isEmpty() ? null : suggestions.get(0);
        jdbc.sql(
                        """
                update scan_item set
                    cert_no_enc = coalesce(cert_no_enc, :cert),
                    person_name = coalesce(person_name, :name),
                    title = coalesce(title, :title),
                    suggested_step = :step, suggestion_confidence = :conf
                where id = :id
                """)
                .param(
                        "cert",
                        fields.idNumbers().isEmpty()
                                ? null
                                : cipher.encrypt(fields.idNumbers().get(0), ScanBatches.CERT_CONTEXT))
                .param("name", fields.names().isEmpty() ? null : fields.names().get(0))
                .param("title", fields.title())
                .param("step", best == null ? null : best.stepCode())
                .param("conf", best == null ? null : (float) best.confidence())
                .param("id", item)
                .update();
    }

    /** Each business step with the words that identify its forms: its name and its materials' names. */
    List<Extraction.StepTerms> steps() {
        var c = catalog.classification();
        return c.steps().stream()
                .map(s -> {
                    var terms = new ArrayList<String>();
                    terms.add(s.name());
                    s.materials().forEach(m -> terms.add(m.name()));
                    return new Extraction.StepTerms(s.code(), s.name(), terms);
                })
                .toList();
    }

    /** How often each step was confirmed for each form title. */
    Map<String, Map<String, Integer>> feedback() {
        var out = new HashMap<String, Map<String, Integer>>();
        jdbc.sql("select title, step_code, confirmed from step_feedback")
                .query((rs, n) -> {
                    out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
                    return null;
                })
                .list();
        return out;
    }
}
