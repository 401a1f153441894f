package org.siarchive.catalog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.siarchive.shared.CjkFont;
import org.siarchive.shared.ReadableTime;
import org.springframework.stereotype.Component;

/**
 * The 卷内备考表 of a volume on A4 (DA/T 22, GB/T 9705 附录): 档号 and 案卷题名, 本卷情况说明 (starting with
 * how many items and pages the volume holds), 立卷人, 检查人, 立卷时间, and the Beijing time it was printed.
 */
@Component
class NoteSheetPdf {

    private static final float MM = SheetPen.MM;

    private final TrueTypeFont font;
    private final ReadableTime time;

    NoteSheetPdf(ReadableTime time) {
        this.time = time;
        this.font = CjkFont.load();
    }

    /** {@code label} resolves a message key in the reader's language. */
    byte[] write(ContainerLists.VolumeSheet sheet, List<ContainerLists.ItemRow> items, SheetLabels label) {
        // one document at a time on the JVM's one parsed font (CjkFont, docs/adr/0120)
        synchronized (font) {
            try (var doc = new PDDocument()) {
                var page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (var cs = new PDPageContentStream(doc, page)) {
                    draw(new SheetPen(cs, PDType0Font.load(doc, font, true)), sheet, items, label);
                }
                var out = new ByteArrayOutputStream();
                doc.save(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void draw(
            SheetPen pen, ContainerLists.VolumeSheet sheet, List<ContainerLists.ItemRow> items, SheetLabels label)
            throws IOException {
        float left = 25 * MM;
        float width = 160 * MM;
        float top = 297 * MM - 30 * MM;
        pen.centred(20, left + width / 2, top, label.of("noteSheet.title"));
        float y = top - 16 * MM;
        pen.text(
                11,
                left,
                y,
                label.of("register.col.archiveCode") + "：" + sheet.volume().archiveCode());
        y -= 7 * MM;
        for (String line :
                pen.wrap(11, label.of("volume.title") + "：" + sheet.volume().title(), width)) {
            pen.text(11, left, y, line);
            y -= 6 * MM;
        }
        float boxTop = y - 2 * MM;
        float boxBottom = 60 * MM;
        pen.rect(left, boxBottom, width, boxTop - boxBottom, 1f);
        y = boxTop - 8 * MM;
        pen.text(12, left + 4 * MM, y, label.of("noteSheet.situation"));
        y -= 9 * MM;
        int pages = items.stream()
                .mapToInt(i -> i.pageCount() == null ? 0 : i.pageCount())
                .sum();
        String counts = label.of("noteSheet.counts", items.size(), pages);
        String note = sheet.note() == null ? "" : sheet.note();
        for (String line : pen.wrap(11, counts + "\n" + note, width - 12 * MM)) {
            if (y < boxBottom + 40 * MM) {
                break;
            }
            pen.text(11, left + 8 * MM, y, line);
            y -= 6.5f * MM;
        }
        float signY = boxBottom + 28 * MM;
        pen.text(11, left + 90 * MM, signY, label.of("noteSheet.compiledBy") + "：" + orBlank(sheet.compiledBy()));
        pen.text(
                11, left + 90 * MM, signY - 9 * MM, label.of("noteSheet.checkedBy") + "：" + orBlank(sheet.checkedBy()));
        pen.text(
                11,
                left + 90 * MM,
                signY - 18 * MM,
                label.of("noteSheet.compiledOn") + "："
                        + (sheet.compiledOn() == null ? "" : sheet.compiledOn().toString()));
        pen.text(
                9,
                left,
                boxBottom - 8 * MM,
                label.of("register.printedAt", time.now().format(ReadableTime.MINUTES)));
    }

    private static String orBlank(String s) {
        return s == null ? "" : s;
    }
}
