package org.siarchive.catalog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
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
 * A box's labels on one A4 sheet, to cut out: the 盒面 (box face) and the 盒脊 (spine), each with 全宗号,
 * 年度, 保管期限, the first and last 档号 (face) or 件号 (spine) of its contents, and the 盒号.
 */
@Component
class BoxLabelPdf {

    private static final float MM = SheetPen.MM;

    /** What the labels say, worked out from the box's contents. */
    record Facts(
            String fondsCode,
            String fondsName,
            String boxNo,
            String years,
            String retentions,
            String firstCode,
            String lastCode,
            String itemNumbers) {

        static Facts of(ContainerLists.BoxRow box, List<ContainerLists.ItemRow> items) {
            var years =
                    items.stream().map(ContainerLists.ItemRow::year).sorted().toList();
            String yearText = years.isEmpty()
                    ? ""
                    : years.get(0).equals(years.get(years.size() - 1))
                            ? years.get(0).toString()
                            : years.get(0) + "–" + years.get(years.size() - 1);
            String retentions = items.stream()
                    .map(ContainerLists.ItemRow::retentionName)
                    .distinct()
                    .collect(Collectors.joining("、"));
            var numbers =
                    items.stream().map(ContainerLists.ItemRow::itemNo).sorted().toList();
            String numberText = numbers.isEmpty() ? "" : numbers.get(0) + "–" + numbers.get(numbers.size() - 1);
            return new Facts(
                    box.fondsCode(),
                    box.fondsName(),
                    box.boxNo(),
                    yearText,
                    retentions,
                    items.isEmpty() ? "" : items.get(0).archiveCode(),
                    items.isEmpty() ? "" : items.get(items.size() - 1).archiveCode(),
                    numberText);
        }
    }

    private final TrueTypeFont font;
    private final ReadableTime time;

    BoxLabelPdf(ReadableTime time) {
        this.time = time;
        this.font = CjkFont.load();
    }

    byte[] write(Facts facts, SheetLabels label) {
        // one document at a time on the JVM's one parsed font (CjkFont, docs/adr/0120)
        synchronized (font) {
            try (var doc = new PDDocument()) {
                var page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (var cs = new PDPageContentStream(doc, page)) {
                    var pen = new SheetPen(cs, PDType0Font.load(doc, font, true));
                    face(pen, facts, label);
                    spine(pen, facts, label);
                    pen.text(
                            8,
                            20 * MM,
                            20 * MM,
                            label.of("register.printedAt", time.now().format(ReadableTime.MINUTES)));
                }
                var out = new ByteArrayOutputStream();
                doc.save(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void face(SheetPen pen, Facts f, SheetLabels label) throws IOException {
        float x = 20 * MM;
        float w = 115 * MM;
        float bottom = 35 * MM;
        float top = 270 * MM;
        pen.rect(x, bottom, w, top - bottom, 1.2f);
        pen.centred(10, x + w / 2, top - 8 * MM, label.of("boxLabel.face"));
        pen.centred(18, x + w / 2, top - 30 * MM, f.fondsName());
        float y = top - 55 * MM;
        y = row(pen, x, y, label.of("boxLabel.fondsCode"), f.fondsCode());
        y = row(pen, x, y, label.of("boxLabel.year"), f.years());
        y = row(pen, x, y, label.of("register.col.retention"), f.retentions());
        y = row(pen, x, y, label.of("boxLabel.firstCode"), f.firstCode());
        y = row(pen, x, y, label.of("boxLabel.lastCode"), f.lastCode());
        pen.text(14, x + 8 * MM, y - 6 * MM, label.of("boxLabel.boxNo") + "：");
        pen.text(28, x + 35 * MM, y - 8 * MM, f.boxNo());
    }

    private static float row(SheetPen pen, float x, float y, String name, String value) throws IOException {
        pen.text(11, x + 8 * MM, y, name + "：");
        pen.text(value.length() > 20 ? 9 : 12, x + 35 * MM, y, value);
        pen.line(x + 34 * MM, y - 2 * MM, x + 110 * MM, y - 2 * MM);
        return y - 16 * MM;
    }

    private static void spine(SheetPen pen, Facts f, SheetLabels label) throws IOException {
        float x = 150 * MM;
        float w = 40 * MM;
        float bottom = 35 * MM;
        float top = 270 * MM;
        pen.rect(x, bottom, w, top - bottom, 1.2f);
        float cx = x + w / 2;
        pen.centred(10, cx, top - 8 * MM, label.of("boxLabel.spine"));
        float y = top - 28 * MM;
        for (String[] r : List.of(
                new String[] {label.of("boxLabel.fondsCode"), f.fondsCode()},
                new String[] {label.of("boxLabel.year"), f.years()},
                new String[] {label.of("register.col.retention"), f.retentions()},
                new String[] {label.of("boxLabel.itemNumbers"), f.itemNumbers()})) {
            pen.centred(9, cx, y, r[0]);
            pen.centred(12, cx, y - 7 * MM, r[1]);
            pen.line(x + 3 * MM, y - 11 * MM, x + w - 3 * MM, y - 11 * MM);
            y -= 26 * MM;
        }
        pen.centred(9, cx, y, label.of("boxLabel.boxNo"));
        pen.centred(22, cx, y - 12 * MM, f.boxNo());
    }
}
