package org.siarchive.disposition;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.siarchive.shared.ReadableTime;
import org.siarchive.support.ApiClient;
import org.siarchive.support.ApiClient.FilePart;
import org.siarchive.support.Samples;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test data for destructions: items captured through the real capture API (a PNG and an uncompressed PDF
 * carrying a marker string), their term moved into the past, and appraisal batches with a filed 销毁清册
 * written straight into the V16_1 tables (the appraisal and list parts build those through their own APIs).
 */
final class DestructionFixture {

    /** One captured item. */
    record Captured(UUID id, String archiveCode, String name) {}

    private final ApiClient api;
    private final JdbcClient jdbc;

    DestructionFixture(
            @org.jspecify.annotations.Nullable ApiClient api, @org.jspecify.annotations.Nullable JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    static String marker() {
        return "SIA-MARKER-" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Captures one item whose PDF carries {@code marker}; its term ended in 2020 (D10). */
    Captured capture(String name, String marker) {
        var c = captureOnly(name, marker);
        retention(c.id(), "D10", LocalDate.of(2020, 12, 31));
        return c;
    }

    /** Captures one item whose PDF carries {@code marker}, its term as the capture set it. */
    Captured captureOnly(String name, String marker) {
        var r = api.capture(
                Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1960), name),
                List.of(
                        new FilePart(
                                "身份证-" + name + ".png",
                                "image/png",
                                Samples.png(ThreadLocalRandom.current().nextLong())),
                        new FilePart("登记表-" + name + ".pdf", "application/pdf", pdf(marker))),
                Map.of());
        if (r.status() != 201) {
            throw new IllegalStateException("capture answered " + r.status() + ": " + new String(r.body()));
        }
        var id = UUID.fromString(r.json().get("id").asString());
        return new Captured(id, r.json().get("archiveCode").asString(), name);
    }

    void retention(UUID id, String code, LocalDate end) {
        jdbc.sql("update item set retention_code = :c, retention_end = :e where id = :id")
                .param("c", code)
                .param("e", end)
                .param("id", id)
                .update();
    }

    /** An appraisal batch in {@code state}; a 销毁清册 filed when {@code filed}, none when null. */
    long batch(String state, Boolean filed, Map<Captured, String> decisions) {
        String no = "JD" + System.nanoTime();
        long fonds = jdbc.sql("select id from fonds where code = '0001'")
                .query(Long.class)
                .single();
        long id = jdbc.sql(
                        """
                insert into appraisal_batch (batch_no, fonds_id, title, state, proposed_by, approved_by, approved_at)
                values (:no, :f, '到期鉴定', :s, 'fixture', 'fixture-leader', now()) returning id
                """)
                .param("no", no)
                .param("f", fonds)
                .param("s", state)
                .query(Long.class)
                .single();
        decisions.forEach((item, decision) -> jdbc.sql(
                        """
                insert into appraisal_item (batch_id, item_id, archive_code, decision, reason, original_end)
                values (:b, :i, :c, :d, '保管期满，无继续保存价值', '2020-12-31')
                """)
                .param("b", id)
                .param("i", item.id())
                .param("c", item.archiveCode())
                .param("d", decision)
                .update());
        if (filed != null) {
            jdbc.sql(
                            """
                    insert into destruction_list (list_no, batch_id, generated_by, item_count, page_count, filed_on, filing_ref, filed_by)
                    values (:no, :b, 'fixture', :n, :n, :on, :ref, :by)
                    """)
                    .param("no", "XH" + System.nanoTime())
                    .param("b", id)
                    .param("n", decisions.size())
                    .param("on", filed ? ReadableTime.beijing().today().minusDays(1) : null)
                    .param("ref", filed ? "人社备〔2026〕1号" : null)
                    .param("by", filed ? "fixture" : null)
                    .update();
        }
        return id;
    }

    /** Closes a batch's items (as a completed or abandoned batch does), so they may join another. */
    void close(long batch) {
        jdbc.sql("update appraisal_item set open = false where batch_id = :b")
                .param("b", batch)
                .update();
    }

    /** A one-page PDF whose content stream and objects are stored uncompressed, so the marker is in its bytes. */
    static byte[] pdf(String marker) {
        try (var doc = new PDDocument()) {
            var page = new PDPage();
            doc.addPage(page);
            try (var cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.OVERWRITE, false)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText(marker);
                cs.endText();
            }
            var out = new ByteArrayOutputStream();
            doc.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
