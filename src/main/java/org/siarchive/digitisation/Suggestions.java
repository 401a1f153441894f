package org.siarchive.digitisation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.siarchive.catalog.Catalog;
import org.siarchive.crypto.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Suggestions per item of a processed batch: fields read from the recognised text of its pages (ID number,
 * name, form title; a value from the manifest wins) and the business step that fits best, weighed by the
 * archivists' earlier confirmations ({@code step_feedback}). Runs in the caller's transaction.
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
        textsByItem(pages).forEach((item, text) -> store(item, text, steps, feedback));
    }

    /** The decrypted text of each item's pages, in page order. */
    private Map<UUID, String> textsByItem(List<BatchChecks.PageRow> pages) {
        var texts = new HashMap<UUID, StringBuilder>();
        for (var p : pages) {
            if (p.itemId() != null && p.ocrTextEnc() != null) {
                texts.computeIfAbsent(p.itemId(), k -> new StringBuilder())
                        .append(cipher.decrypt(p.ocrTextEnc(), ScanBatches.TEXT_CONTEXT))
                        .append('\n');
            }
        }
        var out = new HashMap<UUID, String>();
        texts.forEach((item, text) -> out.put(item, text.toString()));
        return out;
    }

    private void store(
            UUID item, String text, List<Extraction.StepTerms> steps, Map<String, Map<String, Integer>> feedback) {
        var fields = Extraction.fields(text);
        var suggestions = Extraction.suggest(text, steps, feedback);
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
