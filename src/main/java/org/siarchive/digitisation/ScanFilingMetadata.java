package org.siarchive.digitisation;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.Classification;
import org.siarchive.catalog.Handling;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The description a scanned item is filed with, as people read it (docs/adr/0054): 责任者 and 经办机构 are
 * the organisation's name, 经办人 the archivist's display name, 业务受理号 the one the manifest or the cover
 * sheet gives (otherwise the scan rule of {@link Handling#scanAcceptanceNo}), and the title the form name
 * from the step's material list ({@link FormTitles}).
 */
@Component
class ScanFilingMetadata {

    /** The names and numbers to file. */
    record Filed(String title, String acceptanceNo, String agency, String handler) {}

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final Catalog catalog;
    private final Handling handling;

    ScanFilingMetadata(JdbcClient jdbc, FieldCipher cipher, Catalog catalog, Handling handling) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.catalog = catalog;
        this.handling = handling;
    }

    Filed of(
            String fondsCode,
            ScanItems.ItemView it,
            Classification.Step step,
            @Nullable String typedTitle,
            @Nullable String docDate,
            Actor actor) {
        String title = FormTitles.resolve(
                step,
                typedTitle,
                it.title(),
                recognisedText(it.id()),
                FormTitles.allMaterialNames(catalog.classification().steps()));
        return new Filed(
                title, acceptanceNo(fondsCode, it, docDate), handling.agencyName(actor), handling.handlerName(actor));
    }

    /** The form name to offer on the confirmation form, for the step shown there. */
    @Nullable
    String suggestedTitle(ScanItems.ItemView it) {
        String code = it.businessStep() != null ? it.businessStep() : it.suggestedStep();
        var step = code == null ? null : catalog.classification().step(code);
        return step == null ? it.title() : FormTitles.suggest(step, it.title(), null);
    }

    private String acceptanceNo(String fondsCode, ScanItems.ItemView it, @Nullable String docDate) {
        String given = jdbc.sql("select acceptance_no from scan_item where id = :id")
                .param("id", it.id())
                .query(String.class)
                .optional()
                .orElse(null);
        if (given != null && given.matches(Manifest.ACCEPTANCE_NO)) {
            return given;
        }
        if (it.coverCode() != null && it.coverCode().matches(Manifest.ACCEPTANCE_NO)) {
            return it.coverCode();
        }
        return handling.scanAcceptanceNo(fondsCode, year(docDate));
    }

    private int year(@Nullable String docDate) {
        try {
            return docDate == null
                    ? catalog.now().getYear()
                    : LocalDate.parse(docDate.strip()).getYear();
        } catch (RuntimeException e) {
            return catalog.now().getYear();
        }
    }

    /** The item's recognised text, pages in order (decrypted here for matching only, never stored). */
    private String recognisedText(UUID scanItem) {
        var pages = jdbc.sql(
                        "select ocr_text_enc from scan_page where item_id = :i and superseded_at is null and ocr_text_enc is not null order by seq")
                .param("i", scanItem)
                .query((rs, n) -> cipher.decrypt(rs.getBytes(1), ScanBatches.TEXT_CONTEXT))
                .list();
        var text = new StringBuilder();
        for (String p : pages) {
            if (p != null) {
                text.append(p).append('\n');
            }
        }
        return text.toString();
    }
}
