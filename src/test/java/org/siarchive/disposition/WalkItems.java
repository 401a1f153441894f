package org.siarchive.disposition;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.siarchive.quality.Submission;
import org.siarchive.support.Samples;

/**
 * Items for the disposition walks: 生育保险待遇核定 (SHDY, material SH01 of scope 07-03, 10 years), so a
 * document of 2012 has a term that ended on 31 December 2023; and PDFs written without compression, so a
 * marker in their text lies in the stored bytes as it was typed.
 */
final class WalkItems {

    private WalkItems() {}

    /** A 10-year SHDY item of {@code docDate} (yyyy-MM-dd) for a person. */
    static Submission tenYears(String fonds, String docDate, String certNo, String name) {
        return new Submission(
                fonds,
                Samples.acceptanceNo(),
                "SHDY",
                "510",
                "生育保险待遇核定表",
                "测试市社会保险事业管理中心",
                docDate,
                null,
                null,
                new Submission.Person("01", certNo, name),
                null,
                "李经办",
                "测试市社会保险事业管理中心",
                docDate + "T09:30:00+08:00",
                List.of(new Submission.Material("SH01")));
    }

    /** A one-page PDF whose content stream and objects are not compressed: {@code text} is in its bytes. */
    static byte[] plainPdf(String text) {
        try (var doc = new PDDocument()) {
            var page = new PDPage();
            doc.addPage(page);
            try (var cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.OVERWRITE, false)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText(text);
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
